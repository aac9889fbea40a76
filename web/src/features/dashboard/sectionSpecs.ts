/**
 * The overview's and the public page's charts as data: the table each chart reads (and the ones it
 * may read instead, such as grouped genders where the fine ones are not published), its words and
 * how it is drawn. What is published decides which are drawn (see layout.ts); ChartSections renders
 * them, so the two pages differ only in their lists and in where their requests go.
 */
import type { Interval } from '../../../../api/domain/periods';
import { intervalWord } from './published';
import type { SeriesRequest, TableRequest } from './requests';

/** Where a page's requests go, and the words its files are named with. */
export type ChartSource = {
  /** The chosen period. */
  period: string;
  /** A table over every published period of an interval. */
  series: (table: string, interval: Interval) => SeriesRequest;
  /** A table of the chosen period. */
  table: (table: string) => TableRequest;
  /** Words for file names: the period and geography. */
  fileParts: readonly string[];
};

/** A table a chart may read instead of its first choice, with words of its own. */
type Instead = { table: string; description?: string };

/** What every chart says about itself. */
type ChartWords = {
  /** Its title, or its title for the interval it steps through. */
  title: string | ((interval: Interval) => string);
  /** Its description, or its description for the interval it steps through. */
  description?: string | ((interval: Interval) => string);
  /** What a notice calls it when the view leaves it out; its title if not given. */
  name?: string;
  /** The catalog section its figures come from (for why a county's breakdown is not published). */
  section: string;
  /** Drawn across the page rather than in the grid. */
  wide?: boolean;
};

type BarsSpec = ChartWords & {
  table: string;
  /** Tables to read, in order, when the first is not published for the view. */
  or?: readonly Instead[];
  /** Completes "We couldn't load …" (the title, in lower case, if left out). */
  what?: string;
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
  /** Every published period of the chosen interval, stacked by one category. */
  | (ChartWords & { kind: 'stack'; table: string; category: string })
  /** One or two series' grand totals over time. */
  | (ChartWords & {
      kind: 'trend';
      main: TrendLineSpec;
      other?: TrendLineSpec;
      unit: string;
      /** The interval it steps through when published (the chosen period's if left out). */
      over?: Interval;
    })
  /** Survivors served and new survivors, by county, side by side. */
  | (ChartWords & { kind: 'county-comparison'; served: string; fresh: string });

type Shown<T> = T extends unknown
  ? Omit<T, 'title' | 'description' | 'or'> & {
      title: string;
      description?: string;
      /** The interval its series step through, or the chosen period's for a chart of one period. */
      interval: Interval;
    }
  : never;

/** A chart the view draws: its table chosen and its interval fixed by what is published. */
export type ShownChart = Shown<ChartSpec>;

/** A titled section of charts. */
export type ChartSectionSpec = {
  headingId: string;
  heading: string;
  /** Named for screen readers only, where the one chart's title says it all. */
  headingHidden?: boolean;
  charts: ChartSpec[];
};

/** A headline tile: the series whose grand total it shows. */
export type TileSpec = { table: string; label: string; people: boolean };

/** The series behind the headline tiles. */
export type HeadlineTables = {
  survivorsServed: string;
  newSurvivors: string;
  trainings: string;
  professionalsTrained: string;
};

/** The headline tiles, in order: survivors served (people), new survivors, trainings, professionals. */
export function headlineTiles(tables: HeadlineTables): TileSpec[] {
  return [
    { table: tables.survivorsServed, label: 'Survivors served', people: true },
    { table: tables.newSurvivors, label: 'New survivors', people: false },
    { table: tables.trainings, label: 'Trainings delivered', people: false },
    { table: tables.professionalsTrained, label: 'Professionals trained', people: false },
  ];
}

/** The element totals the headline tiles and trends read: published every period, coalition-wide. */
export const totalTables = {
  survivorsServed: 'survivors_served',
  newSurvivors: 'new_survivors',
  trainings: 'trainings_delivered',
  professionalsTrained: 'professionals_trained.discipline',
  outreachEvents: 'outreach_events',
  communityReached: 'community_reached',
} as const;

/** Who was served: the same breakdowns, in the same words, on both pages (each where published). */
export function whoWasServedSection(options: { countyComparison: boolean }): ChartSectionSpec {
  const survivors = 'survivors';
  return {
    headingId: 'demographics-heading',
    heading: 'Who was served',
    charts: [
      {
        kind: 'stack',
        table: 'survivors_served.type_age',
        title: (interval) => `Survivors served by ${intervalWord(interval)}, by type of trafficking`,
        name: 'Type of trafficking',
        description: (interval) =>
          `Each published ${intervalWord(interval)}, the chosen one marked in the table. Each bar stands at its published total.`,
        category: 'trafficking_type',
        section: survivors,
        wide: true,
      },
      {
        kind: 'period-bars',
        table: 'survivors_served.type_age:age_minor_adult',
        title: 'Minors and adults',
        what: 'survivors by age',
        description: 'Survivors served: minors (under 18) and adults (18 and over).',
        category: 'age_group',
        section: survivors,
      },
      {
        kind: 'period-bars',
        table: 'survivors_served.type_age',
        title: 'Age group',
        what: 'survivors by age group',
        category: 'age_group',
        section: survivors,
      },
      {
        kind: 'period-bars',
        table: 'survivors_served.gender',
        or: [
          {
            table: 'survivors_served.gender:gender_grouped',
            description:
              'Survivors served, by gender identity: female, male, and every other identity or none reported together.',
          },
        ],
        title: 'Gender identity',
        what: 'survivors by gender identity',
        description: 'Survivors served, by gender identity.',
        category: 'gender',
        section: survivors,
      },
      {
        kind: 'period-bars',
        table: 'survivors_served.citizenship',
        title: 'Citizenship',
        description: 'Survivors served, by citizenship.',
        category: 'citizenship',
        section: survivors,
      },
      {
        kind: 'period-bars',
        table: 'survivors_served.lgbtq',
        title: 'LGBTQ+ identity',
        what: 'survivors by LGBTQ+ identity',
        description: 'Survivors served who identify as LGBTQ+.',
        category: 'lgbtq',
        section: survivors,
      },
      {
        kind: 'period-bars',
        table: 'survivors_served.disability',
        title: 'Disability',
        what: 'survivors by disability',
        description: 'Survivors served with a disability.',
        category: 'disability',
        section: survivors,
      },
      {
        kind: 'period-bars',
        table: 'survivors_served.race_ethnicity',
        title: 'Race and ethnicity',
        what: 'survivors by race and ethnicity',
        description:
          'A survivor may be counted in more than one group, so these can add up to more than the total.',
        category: 'race_ethnicity',
        section: survivors,
      },
      ...(options.countyComparison
        ? [
            {
              kind: 'county-comparison' as const,
              title: 'County of service',
              description: 'Survivors served and new survivors, by the county where they were served.',
              served: 'survivors_served.county',
              fresh: 'new_survivors.county',
              section: survivors,
            },
          ]
        : []),
    ],
  };
}

/** Services, referrals and context: the same on both pages (each where published). */
export function servicesSection(): ChartSectionSpec {
  return {
    headingId: 'services-heading',
    heading: 'Services, referrals and context',
    charts: [
      {
        kind: 'period-bars',
        table: 'services_provided.service',
        title: 'Services provided',
        description: 'Survivors receiving each service; one survivor often receives several.',
        category: 'service',
        section: 'services',
      },
      {
        kind: 'period-bars',
        table: 'referrals_received.referral_source',
        or: [
          {
            table: 'referrals_received.referral_source:referral_grouped',
            description: 'Who referred survivors to member agencies, in four groups.',
          },
        ],
        title: 'Referral sources',
        description: 'Who referred survivors to member agencies.',
        category: 'referral_source',
        unit: 'referrals',
        section: 'referrals',
      },
      {
        kind: 'period-bars',
        table: 'trafficking_context.venue',
        title: 'Trafficking context',
        description:
          'Survivors by the venue or industry where they were trafficked, where it is known. A survivor may be counted in more than one.',
        category: 'venue',
        labelWidth: 230,
        section: 'context',
      },
    ],
  };
}

/** Professionals trained, by discipline: activity counts, published every period and place. */
export const professionalsChart: ChartSpec = {
  kind: 'series-bars',
  table: totalTables.professionalsTrained,
  title: 'Professionals trained, by discipline',
  category: 'discipline',
  unit: 'people',
  section: 'prevention',
};

/** Trainings delivered, compared with outreach events. */
export function trainingsAndOutreachChart(description?: string): ChartSpec {
  return {
    kind: 'trend',
    title: 'Trainings and outreach events',
    description,
    main: { table: totalTables.trainings, key: 'trainings', label: 'Trainings delivered' },
    other: { table: totalTables.outreachEvents, key: 'outreach', label: 'Outreach events' },
    unit: 'events',
    section: 'prevention',
  };
}

/** A page's tiles and sections, before what is published decides which are drawn. */
export type PageSpec = { tiles: TileSpec[]; sections: ChartSectionSpec[] };

/**
 * The members' overview: headline tiles, survivors over time, who was served, services and
 * referrals, prevention and training.
 */
export function overviewSpec(): PageSpec {
  return {
    tiles: headlineTiles(totalTables),
    sections: [
      {
        headingId: 'over-time-heading',
        heading: 'Survivors served over time',
        headingHidden: true,
        charts: [
          {
            kind: 'trend',
            title: (interval) => `Survivors served and new survivors by ${intervalWord(interval)}`,
            description:
              'Each agency counts a survivor once per period; a survivor served by two agencies is counted by both. The chosen period is marked in the table.',
            main: { table: totalTables.survivorsServed, key: 'served', label: 'Survivors served' },
            other: { table: totalTables.newSurvivors, key: 'new', label: 'New survivors' },
            unit: 'survivors',
            over: 'quarter',
            section: 'survivors',
            wide: true,
          },
        ],
      },
      whoWasServedSection({ countyComparison: true }),
      servicesSection(),
      {
        headingId: 'prevention-heading',
        heading: 'Prevention and training',
        charts: [
          trainingsAndOutreachChart(),
          {
            kind: 'trend',
            title: 'Community members reached by outreach',
            main: {
              table: totalTables.communityReached,
              key: 'reached',
              label: 'Community members reached',
            },
            unit: 'people',
            section: 'prevention',
          },
          professionalsChart,
        ],
      },
    ],
  };
}
