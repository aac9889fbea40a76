/**
 * The overview's and the public page's charts as data: the table each chart reads, its words and how
 * it is drawn. ChartSections renders them, so the two pages differ only in their lists and in where
 * their requests go (audience and geography).
 */
import type { Interval } from '../../../../api/domain/periods';
import type { SeriesRequest, TableRequest } from './requests';

/** Where a page's requests go, and the words its files are named with. */
export type ChartSource = {
  /** The chosen period. */
  period: string;
  /** A table over every published period of an interval (the chosen period's, unless given). */
  series: (table: string, interval?: Interval) => SeriesRequest;
  /** A table of the chosen period. */
  table: (table: string) => TableRequest;
  /** Words for file names: the period and geography. */
  fileParts: readonly string[];
};

type BarsSpec = {
  table: string;
  title: string;
  /** Completes "We couldn't load …" (the title, in lower case, if left out). */
  what?: string;
  description?: string;
  category: string;
  unit?: string;
  labelWidth?: number;
};

type TrendLineSpec = { table: string; key: string; label: string };

/** One chart: its kind, the tables it reads and its words. */
export type ChartSpec =
  /** Bars of one category of the chosen period's table. */
  | ({ kind: 'period-bars' } & BarsSpec)
  /** Bars of one category of the chosen period, read from a series (shared with the tiles). */
  | ({ kind: 'series-bars' } & BarsSpec)
  /** Every published quarter, stacked by one category. */
  | { kind: 'stack'; table: string; title: string; description: string; category: string }
  /** One or two series' grand totals over time. */
  | {
      kind: 'trend';
      title: string;
      description?: string;
      main: TrendLineSpec;
      other?: TrendLineSpec;
      unit: string;
    }
  /** Survivors served and new survivors, by county, side by side. */
  | { kind: 'county-comparison'; title: string; description: string; served: string; fresh: string };

/** A titled section of charts. */
export type ChartSectionSpec = {
  headingId: string;
  heading: string;
  /** Named for screen readers only, where the one chart's title says it all. */
  headingHidden?: boolean;
  /** One chart across the page, rather than a grid of them. */
  wide?: boolean;
  charts: ChartSpec[];
};

/** The series behind the headline tiles. */
export type HeadlineTables = {
  survivorsServed: string;
  newSurvivors: string;
  trainings: string;
  professionalsTrained: string;
};

/** The headline tiles, in order: survivors served (people), new survivors, trainings, professionals. */
export function headlineTiles(tables: HeadlineTables) {
  return [
    { table: tables.survivorsServed, label: 'Survivors served', people: true },
    { table: tables.newSurvivors, label: 'New survivors', people: false },
    { table: tables.trainings, label: 'Trainings delivered', people: false },
    { table: tables.professionalsTrained, label: 'Professionals trained', people: false },
  ];
}

/** Services provided: the same chart, in the same words, on both pages. */
export function servicesChart(table: string): ChartSpec {
  return {
    kind: 'period-bars',
    table,
    title: 'Services provided',
    description: 'Survivors receiving each service; one survivor often receives several.',
    category: 'service',
  };
}

/** Referral sources: the same chart, in the same words, on both pages. */
export function referralsChart(table: string): ChartSpec {
  return {
    kind: 'period-bars',
    table,
    title: 'Referral sources',
    description: 'Who referred survivors to member agencies.',
    category: 'referral_source',
    unit: 'referrals',
  };
}

/** Trainings delivered, compared with outreach events. */
export function trainingsAndOutreachChart(
  tables: { trainings: string; outreachEvents: string },
  description?: string,
): ChartSpec {
  return {
    kind: 'trend',
    title: 'Trainings and outreach events',
    description,
    main: { table: tables.trainings, key: 'trainings', label: 'Trainings delivered' },
    other: { table: tables.outreachEvents, key: 'outreach', label: 'Outreach events' },
    unit: 'events',
  };
}
