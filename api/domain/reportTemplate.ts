/**
 * Grant-report templates: data in `data/reports/*.json`, one file a report (a federal-style
 * semiannual report, a funder's quarterly report, the annual coalition report…). A template says
 * which periods and areas it is made for, whether its figures may be protected (the members' published
 * tables) or confidential (exact figures a funder receives under agreement), and its sections in order.
 * A coalition adds a funder's template by adding a file; the builder reads these, it does not
 * hard-code any report. Types shared by the server and the browser; the schema and the checks against
 * the catalog and the publication plan are in `reportTemplateSchema.ts`.
 */
import { intervalNames, type PeriodKind } from './periods';
import type { PlanAudience, PlanTable, PublicationPlan } from './plan';

/** Where a report is about: the whole coalition, or one county. */
export const reportAreas = ['coalition', 'county'] as const;
export type ReportArea = (typeof reportAreas)[number];

/**
 * How a report's figures are made. `protected`: the members' published tables, with their
 * suppression, so a report shows only what the publication plan publishes. `confidential`: exact
 * approved figures, for a funder entitled to them, made by an admin and recorded in the audit log.
 */
export const reportKinds = ['protected', 'confidential'] as const;
export type ReportKind = (typeof reportKinds)[number];

/**
 * Who reads the finished report. A funder receives what its grant agreement entitles it to, which may
 * be exact (confidential) figures; a report for coalition members (workgroups, the annual report) or the
 * public is protected only, and a public one shows only what the plan publishes to the public.
 */
export const reportAudiences = ['funder', 'members', 'public'] as const;
export type ReportAudience = (typeof reportAudiences)[number];

export const chartKinds = ['bar', 'stacked', 'trend'] as const;
export type ChartKind = (typeof chartKinds)[number];

/** The figures a table or chart shows: one table of the publication plan, named as the plan names it. */
export type ReportTableRef = Pick<PlanTable, 'element' | 'breakdown' | 'by' | 'grouping'>;

type Titled = {
  /** Unique within the template: the builder and saved reports refer to a section by it. */
  code: string;
  title: string;
};

/** A table of one plan table's figures for the report's period. */
export type TableSection = Titled & {
  kind: 'table';
  table: ReportTableRef;
  /** The report periods the section is shown for, if not all the template accepts. */
  periodKinds?: PeriodKind[];
  /** Row codes (options or groups) in the order the funder's form lists them; the rest follow. */
  rowOrder?: string[];
  note?: string;
};

export type ChartSection = Omit<TableSection, 'kind'> & { kind: 'chart'; chart: ChartKind };

/** The last `count` periods of a kind that end at or before the report's period ends. */
export type TrendPeriods = { kind: PeriodKind; count: number };

/** Elements' totals over the last `count` periods of a kind up to the report's period. */
export type TrendSection = Titled & {
  kind: 'trend';
  elements: string[];
  periods: TrendPeriods;
  /**
   * The periods to follow instead where the report is about one county: the plan may not publish a
   * county's figures by quarter (a county's quarter can hold a handful of survivors), so a county's
   * trend follows periods it does publish, such as the state fiscal years a county works to.
   */
  countyPeriods?: TrendPeriods;
  /** Draw the same periods a year earlier beside them. */
  previousYear?: boolean;
  note?: string;
};

/** Which member agencies reported for the report's period, and which did not. */
export type CompletenessSection = Titled & { kind: 'completeness' };

/** The catalog's definitions of the elements the report uses (its tables, charts and trends). */
export type DefinitionsSection = Titled & { kind: 'definitions' };

/** Words the coalition lead writes for each report: accomplishments, challenges… */
export type NarrativeSection = Titled & { kind: 'narrative'; prompt: string; maxLength: number };

export type DisclaimerSection = Titled & { kind: 'disclaimer'; text: string };

export type ReportSection =
  | TableSection
  | ChartSection
  | TrendSection
  | CompletenessSection
  | DefinitionsSection
  | NarrativeSection
  | DisclaimerSection;

export const sectionKinds = [
  'table',
  'chart',
  'trend',
  'completeness',
  'definitions',
  'narrative',
  'disclaimer',
] as const satisfies readonly ReportSection['kind'][];

export type ReportTemplate = {
  code: string;
  name: string;
  version: number;
  description: string;
  audience: ReportAudience;
  periodKinds: PeriodKind[];
  areas: ReportArea[];
  kinds: ReportKind[];
  sections: ReportSection[];
};

/**
 * Where the plan publishes the figures of one section (a table, chart or trend), for the builder: the
 * audience a protected report of it needs (`public` if the public sees it, else `members`: a report
 * made for the public warns of a members-only section), and the report periods and areas at which a
 * protected report can show it (by the reach of the template's own audience). Outside those, only a
 * confidential report shows the section.
 */
export type SectionPublication = {
  section: string;
  needs: PlanAudience;
  /** The report periods the section is for: its own, or the template's. */
  periodKinds: PeriodKind[];
  /** Those of them the plan publishes the figures at, for each area the template accepts. */
  shownAt: Partial<Record<ReportArea, PeriodKind[]>>;
  /** For a trend that follows other periods for a county: those periods. */
  countyPeriods?: TrendPeriods;
};

const sameTable = (a: ReportTableRef, b: PlanTable) =>
  a.element === b.element && a.breakdown === b.breakdown && a.by === b.by && a.grouping === b.grouping;

/** The plan's entry for a table reference, if the plan publishes it. */
export function planEntryOf(plan: PublicationPlan, ref: ReportTableRef): PlanTable | undefined {
  return plan.tables.find((t) => sameTable(ref, t));
}

/** The periods a trend follows for a report about an area: its county periods for a county, if it has them. */
export function trendPeriodsFor(section: TrendSection, area: ReportArea): TrendPeriods {
  return area === 'county' && section.countyPeriods ? section.countyPeriods : section.periods;
}

/** The plan tables a section reads: its table, or the totals of its trend's elements. */
export function tablesOf(section: ReportSection): ReportTableRef[] {
  if (section.kind === 'table' || section.kind === 'chart') return [section.table];
  if (section.kind === 'trend') return section.elements.map((element) => ({ element }));
  return [];
}

/**
 * Where the plan publishes each figure section of a template (tables, charts, trends): the audience a
 * protected report of it needs, and at which of the template's periods and areas it can show it. A
 * section the plan does not publish at a report's period or area is shown in a confidential report
 * only; the builder says so rather than leaving it silently empty.
 */
export function templatePublication(template: ReportTemplate, plan: PublicationPlan): SectionPublication[] {
  return template.sections.flatMap((section) => {
    const refs = tablesOf(section);
    if (refs.length === 0) return [];
    const entries = refs.map((ref) => planEntryOf(plan, ref));
    const needs = entries.every((e) => e?.public) ? ('public' as const) : ('members' as const);
    const reader = template.audience === 'public' ? ('public' as const) : ('members' as const);
    const periods =
      section.kind === 'table' || section.kind === 'chart'
        ? (section.periodKinds ?? template.periodKinds)
        : template.periodKinds;
    // A trend reads periods of its own kind (for a county, its county periods); a table or chart
    // reads the report's period.
    const grainOf = (kind: PeriodKind, area: ReportArea) =>
      section.kind === 'trend' ? trendPeriodsFor(section, area).kind : kind;
    const shownAt: Partial<Record<ReportArea, PeriodKind[]>> = {};
    for (const area of template.areas)
      shownAt[area] = periods.filter((kind) =>
        entries.every((entry) => entry?.[reader]?.[area]?.includes(grainOf(kind, area))),
      );
    const countyPeriods =
      section.kind === 'trend' && section.countyPeriods && template.areas.includes('county')
        ? { countyPeriods: section.countyPeriods }
        : {};
    return [{ section: section.code, needs, periodKinds: periods, shownAt, ...countyPeriods }];
  });
}

/** Period kinds inside a sentence: "half-years, calendar years". */
export function periodKindWords(kinds: readonly PeriodKind[]): string {
  return kinds.map((k) => (k === 'sfy' ? intervalNames[k] : intervalNames[k].toLowerCase())).join(', ');
}

/**
 * The publication in words: one line for each section a protected report cannot show at some of the
 * template's periods or areas, so whoever makes a report knows before choosing them ("Section “Minors
 * and adults”, coalition-wide: the plan does not publish it for half-years; only a confidential report
 * shows it."), and one for each trend that follows other periods for a county.
 */
export function publicationNotes(template: ReportTemplate, publication: SectionPublication[]): string[] {
  if (!template.kinds.includes('protected')) return [];
  const otherwise = template.kinds.includes('confidential')
    ? 'only a confidential report shows it'
    : 'the report leaves it out';
  return publication.flatMap(({ section, periodKinds, shownAt, countyPeriods }) => {
    const found = template.sections.find((s) => s.code === section);
    const title = found?.title ?? section;
    const county =
      countyPeriods && found?.kind === 'trend'
        ? [
            `Section “${title}”, for a county: not by ${periodKindWords([found.periods.kind])}; it shows the last ${countyPeriods.count} ${periodKindWords([countyPeriods.kind])} up to the report’s period instead.`,
          ]
        : [];
    return [
      ...county,
      ...template.areas.flatMap((area) => {
        const shown = shownAt[area] ?? [];
        const missing = periodKinds.filter((k) => !shown.includes(k));
        if (missing.length === 0) return [];
        const where = `Section “${title}”, ${area === 'county' ? 'for a county' : 'coalition-wide'}`;
        return [
          shown.length
            ? `${where}: the plan publishes it for ${periodKindWords(shown)} only; for ${periodKindWords(missing)}, ${otherwise}.`
            : `${where}: the plan does not publish it for ${periodKindWords(missing)}; ${otherwise}.`,
        ];
      }),
    ];
  });
}
