/**
 * A grant report's document: its figures and words for one template, period, area and kind, which
 * the preview, the PDF, the workbook and the CSV are all drawn from.
 *
 * The two kinds never mix. A protected report reads every figure through the statistics service,
 * exactly as the dashboard shows it (published release cells, hidden ones `null`), and never touches
 * what agencies reported. A confidential one reads exact sums of approved counts through `exact.ts`
 * alone, aggregated by the release cube's own rules. Each document is built afresh from its own
 * reads: nothing of one kind is kept for the other. No HTTP here.
 */
import type { Db } from '../../db';
import { coalitionGeo, planAudiencesOf, totalOption } from '../../disclosure/cube';
import type { Audience } from '../../disclosure/types';
import { isExpectedIn, periodCoverage } from '../../domain/agencyMembership';
import type { Catalog, DataElement } from '../../domain/catalog';
import {
  comparePeriods,
  describePeriod,
  type Period,
  type PeriodKind,
  type PeriodKinds,
  parsePeriod,
  periodSchema,
  periodsContaining,
  previousPeriod,
  quartersOf,
  sameTimeLastYear,
} from '../../domain/periods';
import { type PublicationPlan, planTableCode } from '../../domain/plan';
import {
  type AgencyReporting,
  type Coverage,
  type DocumentRelease,
  type DocumentRow,
  type DocumentSection,
  type DocumentTable,
  type DocumentTrend,
  type Figure,
  hiddenFootnote,
  type ReportDocument,
  type ReportRequest,
  type Unduplicated,
} from '../../domain/reportDocument';
import {
  type ChartSection,
  periodKindWords,
  planEntryOf,
  type ReportArea,
  type ReportTableRef,
  type TableSection,
  type TrendSection,
  tablesOf,
  trendPeriodsFor,
} from '../../domain/reportTemplate';
import { listWords } from '../../domain/words';
import { ApiError, badRequest, forbidden } from '../../errors';
import { canMakeConfidentialReports } from '../../permissions';
import { getCatalogVersionInfo } from '../../queries/catalog';
import { getCoalition } from '../../queries/orgUnits';
import {
  getPublishedReleaseIdOfPeriod,
  getRelease,
  listAgenciesWithCounty,
  listCountyNames,
  listPublishedPeriods,
} from '../../queries/releases';
import type { User } from '../../queries/users';
import { catalogVersion, currentCatalogVersionIdOrFail } from '../catalog';
import { type LoadedReportTemplate, readReportTemplates } from '../reportTemplates';
import { statsSeries, statsTable, unduplicated } from '../stats';
import { approvedAgenciesOf, exactFiguresOf } from './exact';

export type ReportExtras = {
  /** The lead's words for each narrative section, by section code; a missing one is empty. */
  narratives: Record<string, string>;
  /** A confidential report's purpose line. */
  purpose?: string;
  now?: Date;
};

/** The name of the coalition-wide area. */
export const coalitionAreaName = 'Coalition-wide';

/** A request checked against its template: the template, the parsed period and the area. */
export type CheckedRequest = {
  template: LoadedReportTemplate;
  period: Period;
  area: { code: string; name: string; level: ReportArea };
  kind: ReportRequest['kind'];
};

/** The template of a code, or a refusal naming the templates there are. */
export function reportTemplateOf(
  code: string,
  templates: readonly LoadedReportTemplate[] = readReportTemplates(),
): LoadedReportTemplate {
  const template = templates.find((t) => t.code === code);
  if (!template)
    throw badRequest(
      `There is no report template “${code}”. Choose one of: ${listWords(templates.map((t) => `${t.name} (${t.code})`))}.`,
    );
  return template;
}

/**
 * Checks a request against its template and the coalition: a period of one of the template's kinds,
 * an area it accepts, a kind it is made in, and (for a confidential report) someone who may make one.
 * Refuses in words a coalition lead can act on.
 */
export function checkReportRequest(
  db: Db,
  user: User,
  request: ReportRequest,
  templates: readonly LoadedReportTemplate[] = readReportTemplates(),
): CheckedRequest {
  const template = reportTemplateOf(request.template, templates);
  const kinds = template.periodKinds as unknown as PeriodKinds;
  const parsed = periodSchema(kinds).safeParse(request.period);
  const period = parsed.success ? parsePeriod(parsed.data) : undefined;
  if (!period)
    throw badRequest(
      `${template.name} is made for ${periodKindWords(template.periodKinds)}. ${parsed.error?.issues[0]?.message ?? ''}`.trim(),
    );
  if (!template.kinds.includes(request.kind))
    throw badRequest(
      `${template.name} is made as ${listWords(template.kinds.map((k) => `a ${k}`))} report only, not a ${request.kind} one.`,
    );
  const area = areaOf(db, template, request.area);
  if (request.kind === 'confidential' && !canMakeConfidentialReports(user))
    throw forbidden(
      'Only a coalition administrator can make a confidential report of exact counts. Make a protected report instead.',
    );
  if (request.kind === 'protected' && area.level === 'county' && template.audience === 'public')
    throw badRequest(
      `${template.name} is for the public, who see coalition-wide figures only: choose the whole coalition.`,
    );
  return { template, period, area, kind: request.kind };
}

function areaOf(db: Db, template: LoadedReportTemplate, code: string): CheckedRequest['area'] {
  if (code === coalitionGeo) {
    if (!template.areas.includes('coalition'))
      throw badRequest(`${template.name} is made for one county at a time: choose a county.`);
    return { code, name: coalitionAreaName, level: 'coalition' };
  }
  const counties = listCountyNames(db);
  const county = counties.find((c) => c.code === code);
  if (!county)
    throw badRequest(
      `There is no area “${code}”: choose the whole coalition (coalition)${template.areas.includes('county') ? ` or a county (${listWords(counties.map((c) => `${c.name}, ${c.code}`))})` : ''}.`,
    );
  if (!template.areas.includes('county'))
    throw badRequest(
      `${template.name} covers the whole coalition, not one county: choose the whole coalition.`,
    );
  return { code: county.code, name: county.name, level: 'county' };
}

/**
 * Builds a report's document from one of `templates` (the coalition's, in `data/reports`). Throws
 * `ApiError` 400 for a request its template does not accept or a period it can't be made for, 403
 * for a confidential report by someone who may not make one.
 */
export function buildReportDocument(
  db: Db,
  user: User,
  request: ReportRequest,
  extras: ReportExtras,
  templates: readonly LoadedReportTemplate[] = readReportTemplates(),
): ReportDocument {
  const checked = checkReportRequest(db, user, request, templates);
  const { template, period, area, kind } = checked;
  const versionId = currentCatalogVersionIdOrFail(db);
  const { catalog, plan } = catalogVersion(db, versionId);
  const figures =
    kind === 'protected'
      ? protectedFigures(db, user, checked, plan)
      : confidentialFigures(db, checked, catalog, plan);

  const elements = new Map(catalog.sections.flatMap((s) => s.elements.map((e) => [e.code, e])));
  const element = (code: string): DataElement => {
    const found = elements.get(code);
    if (!found) throw new Error(`the catalog has no element ${code}`);
    return found;
  };
  const included = template.sections.filter(
    (s) =>
      !((s.kind === 'table' || s.kind === 'chart') && s.periodKinds && !s.periodKinds.includes(period.kind)),
  );
  // The definitions of every element the report's figures use, in order of use.
  const used = [...new Set(included.flatMap((s) => tablesOf(s).map((ref) => ref.element)))].map(element);
  const sections = included.map((section): DocumentSection => {
    switch (section.kind) {
      case 'table':
      case 'chart':
        return tableSection(catalog, section, element(section.table.element), figures);
      case 'trend':
        return figures.trend(section, section.elements.map(element));
      case 'completeness':
        return {
          kind: 'completeness',
          code: section.code,
          title: section.title,
          ...completeness(db, checked),
          // A report approved or reopened after a release changes this list, not the release's figures.
          ...(kind === 'protected'
            ? {
                note: 'The agencies with an approved report as this report was made. Each table’s own line (“N of M agencies reported”) counts the reports its published figures were computed from.',
              }
            : {}),
        };
      case 'definitions':
        return {
          kind: 'definitions',
          code: section.code,
          title: section.title,
          items: used.map((e) => ({ element: e.code, name: e.name, definition: e.description })),
        };
      case 'narrative':
        return {
          kind: 'narrative',
          code: section.code,
          title: section.title,
          prompt: section.prompt,
          text: extras.narratives[section.code] ?? '',
        };
      default:
        return { kind: 'disclaimer', code: section.code, title: section.title, text: section.text };
    }
  });

  const provisionalPeriods = [...figures.provisional].sort(comparePeriods);
  const hidden = sections.some(hasHiddenFigure);
  const footnotes = [
    ...(hidden ? [hiddenFootnote] : []),
    ...(provisionalPeriods.length > 0
      ? [
          `Figures for ${listWords(provisionalPeriods)} are provisional: not every member agency had reported when they were published, and they may change in a later release.`,
        ]
      : []),
    ...(kind === 'confidential'
      ? [
          'These are exact counts from the approved reports of member agencies, including counts too small to publish. Share them only as the grant agreement allows.',
        ]
      : []),
  ];
  return {
    request: { template: template.code, period: period.code, area: area.code, kind },
    template: {
      code: template.code,
      name: template.name,
      version: template.version,
      description: template.description,
    },
    catalogVersion: String(getCatalogVersionInfo(db, versionId)?.version ?? ''),
    coalition: { name: getCoalition(db)?.name ?? '' },
    kind,
    audience: kind === 'protected' ? audienceOf(checked) : null,
    period: { code: period.code, label: period.label, months: period.months },
    area: { code: area.code, name: area.name },
    releases: figures.releases(),
    provisionalPeriods,
    generatedAt: (extras.now ?? new Date()).toISOString(),
    generatedBy: user.name,
    ...(kind === 'confidential' && extras.purpose ? { purpose: extras.purpose } : {}),
    footnotes,
    sections: sections,
  };
}

function hasHiddenFigure(section: DocumentSection): boolean {
  if (section.kind === 'table' || section.kind === 'chart')
    return (
      // A section not shown has no figures, hidden or not: it says why in words.
      (section.shown && section.total === null) ||
      section.rows.some((r) => r.figure === null) ||
      (section.unduplicated !== undefined && 'hidden' in section.unduplicated)
    );
  if (section.kind === 'trend')
    return section.series.some((s) => s.figures.includes(null) || (s.previousYear?.includes(null) ?? false));
  return false;
}

/** A protected report's audience: the public's figures for a public report, otherwise the members'. */
function audienceOf(checked: CheckedRequest): Audience {
  return checked.template.audience === 'public' ? 'public' : 'coalition';
}

// ---- Tables ----------------------------------------------------------------------------------------

/** What a table reads: the category its rows are and, for a grouping, the groups. */
type TableShape = {
  /** The published table's code: `<element>`, `<element>.<combo>` or `<element>.<combo>:<grouping>`. */
  code: string;
  /** The combination's categories, in the order of a cell's option key. */
  categories: string[];
  /** The category the rows are; absent for a total alone. */
  category?: string;
  grouping?: NonNullable<Catalog['groupings']>[number];
  /** Row codes and labels, in the template's order and then the catalog's. */
  rows: Array<{ code: string; label: string }>;
  dimension?: string;
  multiSelect: boolean;
};

function tableShape(catalog: Catalog, section: TableSection | ChartSection): TableShape {
  const ref = section.table;
  const code = planTableCode(ref);
  if (ref.breakdown === undefined) return { code, categories: [], rows: [], multiSelect: false };
  const categories = catalog.categoryCombos.find((c) => c.code === ref.breakdown)?.categories ?? [];
  const categoryCode = ref.by ?? (categories[0] as string);
  const category = catalog.categories.find((c) => c.code === categoryCode);
  const grouping = ref.grouping ? catalog.groupings.find((g) => g.code === ref.grouping) : undefined;
  const options = (grouping?.groups ?? category?.options ?? []).map((o) => ({ code: o.code, label: o.name }));
  const order = section.rowOrder ?? [];
  const rows = [
    ...order.flatMap((c) => options.filter((o) => o.code === c)),
    ...options.filter((o) => !order.includes(o.code)),
  ];
  return {
    code,
    categories: grouping ? [grouping.category] : categories,
    category: categoryCode,
    ...(grouping ? { grouping } : {}),
    rows,
    dimension: grouping?.name ?? category?.name ?? categoryCode,
    multiSelect: category?.multiSelect ?? false,
  };
}

/** The option key of a row of a table (or of its total: `undefined`), as cells are stored. */
function optionKeyOf(shape: TableShape, row: string | undefined): string {
  if (shape.grouping) return row ?? totalOption;
  return shape.categories
    .map((c) => (c === shape.category && row !== undefined ? row : totalOption))
    .join('|');
}

/** One table's figures, as a kind of report reads them. */
type TableFigures =
  | { shown: false; notShown: string }
  | {
      shown: true;
      figure: (row: string) => Figure;
      total: Figure;
      unduplicated?: Unduplicated;
      coverage: Coverage;
    };

/** Where a kind of report reads its figures. */
type FigureSource = {
  table: (section: TableSection | ChartSection, shape: TableShape) => TableFigures;
  trend: (section: TrendSection, elements: DataElement[]) => DocumentTrend;
  /** The releases the figures read came from, oldest first. */
  releases: () => DocumentRelease[];
  provisional: Set<string>;
};

function tableSection(
  catalog: Catalog,
  section: TableSection | ChartSection,
  element: DataElement,
  figures: FigureSource,
): DocumentTable {
  const shape = tableShape(catalog, section);
  const read = figures.table(section, shape);
  const base = {
    kind: section.kind,
    code: section.code,
    title: section.title,
    ...(section.note ? { note: section.note } : {}),
    ...(section.kind === 'chart' ? { chart: section.chart } : {}),
    element: { code: element.code, name: element.name, kind: element.kind },
    ...(shape.dimension ? { dimension: shape.dimension } : {}),
    multiSelect: shape.multiSelect,
  };
  if (!read.shown)
    return {
      ...base,
      shown: false,
      notShown: read.notShown,
      rows: [],
      total: null,
      coverage: { reported: 0, expected: 0 },
    };
  const rows: DocumentRow[] = shape.rows.map((r) => ({
    code: r.code,
    label: r.label,
    figure: read.figure(r.code),
  }));
  return {
    ...base,
    shown: true,
    rows,
    total: read.total,
    ...(read.unduplicated ? { unduplicated: read.unduplicated } : {}),
    coverage: read.coverage,
  };
}

// ---- Trends ----------------------------------------------------------------------------------------

/**
 * The last `count` periods of a kind up to the end of the report's period, oldest first: a
 * workgroup brief for 2026Q2 reads 2024Q3 to 2026Q2; an annual report's quarterly trend, its year's
 * quarters.
 */
function trendPeriods(report: Period, kind: PeriodKind, count: number): string[] {
  const last = report.quarters.at(-1)?.code as string;
  let period = periodsContaining(last, [kind])[0] as string;
  // A longer period that runs past the report's end is not over yet: start from the one before.
  while (comparePeriods(quartersOf(period).at(-1)?.code as string, last) > 0) period = previousPeriod(period);
  const periods = [period];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0] as string));
  return periods;
}

/**
 * Why a county's trend follows other periods than the coalition's, in words for the section's note:
 * "For Santa Clara County, this trend follows California fiscal years (July to June) rather than
 * quarters, because the publication plan does not publish a county’s figures for quarters."
 */
function countyPeriodsNote(
  section: TrendSection,
  area: CheckedRequest['area'],
  plan: PublicationPlan,
): string | undefined {
  const followed = trendPeriodsFor(section, area.level);
  if (followed === section.periods) return undefined;
  const usual = section.periods.kind;
  const unpublished = section.elements.some(
    (element) => !planEntryOf(plan, { element })?.members?.county?.includes(usual),
  );
  return `For ${area.name}, this trend follows ${periodKindWords([followed.kind])}${followed.kind === 'sfy' ? ' (July to June)' : ''} rather than ${periodKindWords([usual])}${unpublished ? `, because the publication plan does not publish a county’s figures for ${periodKindWords([usual])}` : ''}.`;
}

// ---- Protected figures: published cells, through the statistics service ---------------------------

function protectedFigures(db: Db, user: User, checked: CheckedRequest, plan: PublicationPlan): FigureSource {
  const { template, period, area } = checked;
  const audience = audienceOf(checked);
  const readers = planAudiencesOf[audience];
  const releases = new Map<number, { sequence: number; publishedAt: string | null }>();
  const provisional = new Set<string>();
  const use = (answer: {
    period: string;
    provisional: boolean;
    release: { id: number; sequence: number; publishedAt: string | null };
  }) => {
    releases.set(answer.release.id, answer.release);
    if (answer.provisional) provisional.add(answer.period);
  };

  if (getPublishedReleaseIdOfPeriod(db, period.code) === undefined) {
    const published = listPublishedPeriods(db)
      .map((p) => p.period)
      .filter((p) => parsePeriod(p)?.kind === period.kind)
      .sort(comparePeriods);
    throw badRequest(
      `${capitalised(describePeriod(period.code))} has not been published yet, so a protected report can't be made for it. ${
        published.length > 0
          ? `Published ${periodKindWords([period.kind])}: ${listWords(published)}.`
          : `No ${periodKindWords([period.kind])} have been published yet.`
      }`,
      'not-published',
    );
  }

  const whoReads = audience === 'public' ? 'to the public' : 'to members';
  const where = area.level === 'county' ? `for a county (${area.name})` : 'coalition-wide';
  const publishes = (ref: ReportTableRef, kind: PeriodKind) => {
    const entry = planEntryOf(plan, ref);
    return readers.some((reader) => entry?.[reader]?.[area.level]?.includes(kind) ?? false);
  };
  const otherwise = template.kinds.includes('confidential')
    ? 'only a confidential report shows it'
    : 'the report leaves it out';

  return {
    provisional,
    releases: () =>
      [...releases]
        .map(([id, r]) => ({
          id,
          period: getRelease(db, id)?.period ?? '',
          sequence: r.sequence,
          publishedAt: r.publishedAt ?? '',
        }))
        .sort((a, b) => comparePeriods(a.period, b.period) || a.sequence - b.sequence),
    table: (section, shape) => {
      if (!publishes(section.table, period.kind))
        return {
          shown: false,
          notShown: `The publication plan does not publish these figures ${whoReads} ${where} for ${periodKindWords([period.kind])}; ${otherwise}.`,
        };
      let answer: ReturnType<typeof statsTable>;
      try {
        answer = statsTable(db, user, shape.code, { period: period.code, geo: area.code, audience });
      } catch (error) {
        if (error instanceof ApiError && error.status === 400)
          return {
            shown: false,
            notShown: `The release that published ${period.code} holds none of these figures ${where}; ${otherwise}.`,
          };
        throw error;
      }
      use(answer);
      const cellAt = (optionKey: string) => {
        const coords = optionKey.split('|');
        return answer.cells.find((cell) =>
          shape.categories.every(
            (c, i) => ((cell as Record<string, unknown>)[c] ?? totalOption) === (coords[i] ?? totalOption),
          ),
        );
      };
      // A cell the release did not store is not shown: the same as a hidden one.
      const figureAt = (optionKey: string): Figure => {
        const cell = cellAt(optionKey);
        return !cell || cell.suppressed ? null : (cell.value as number | null);
      };
      const range = answer.unduplicated;
      return {
        shown: true,
        figure: (row) => figureAt(optionKeyOf(shape, row)),
        total: figureAt(optionKeyOf(shape, undefined)),
        ...(range ? { unduplicated: 'suppressed' in range ? { hidden: true as const } : range } : {}),
        coverage: answer.completeness,
      };
    },
    trend: (section, elements) => {
      const followed = trendPeriodsFor(section, area.level);
      const wanted = trendPeriods(period, followed.kind, followed.count);
      const series = elements.map((element) => {
        const points = new Map<string, ReturnType<typeof statsSeries>['periods'][number]>();
        if (anyReach(plan, readers, element.code))
          for (const point of statsSeries(db, user, element.code, {
            geo: area.code,
            interval: followed.kind,
            audience,
          }).periods)
            points.set(point.period, point);
        return { element, points };
      });
      const shown = wanted.filter((p) => series.every((s) => s.points.has(p)));
      const missing = wanted.filter((p) => !shown.includes(p));
      const earlier = section.previousYear ? shown.map(sameTimeLastYear) : [];
      const missingEarlier = earlier.filter((p) => !series.every((s) => s.points.has(p)));
      // A year earlier is drawn whole or not at all: a period not published is not a hidden figure.
      const drawEarlier = section.previousYear === true && missingEarlier.length === 0;
      const figureOf = (points: (typeof series)[number]['points'], p: string): Figure => {
        const point = points.get(p);
        if (!point) return null;
        use(point);
        const cell = point.cells[0];
        return !cell || cell.suppressed ? null : (cell.value as number | null);
      };
      const planned = elements.every((e) => publishes({ element: e.code }, followed.kind));
      const notes = [
        section.note,
        countyPeriodsNote(section, area, plan),
        !planned
          ? `The publication plan does not publish ${elements.length === 1 ? 'this figure' : 'all these figures'} ${whoReads} ${where} for ${periodKindWords([followed.kind])}; ${shown.length === 0 ? 'none is shown' : `only ${listWords(shown)} ${shown.length === 1 ? 'is' : 'are'} shown`}.`
          : missing.length > 0
            ? `${listWords(missing)} ${missing.length === 1 ? 'is' : 'are'} not published ${whoReads} ${where}, so ${missing.length === 1 ? 'it is' : 'they are'} left out.`
            : undefined,
        missingEarlier.length > 0
          ? `The year before is not drawn: ${listWords(missingEarlier)} ${missingEarlier.length === 1 ? 'was' : 'were'} not published ${whoReads} ${where}.`
          : undefined,
      ].filter((n): n is string => n !== undefined);
      return {
        kind: 'trend',
        code: section.code,
        title: section.title,
        ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
        periods: shown,
        series: series.map(({ element, points }) => ({
          element: element.code,
          name: element.name,
          kind: element.kind,
          figures: shown.map((p) => figureOf(points, p)),
          ...(drawEarlier ? { previousYear: earlier.map((p) => figureOf(points, p)) } : {}),
        })),
      };
    },
  };
}

/** Whether the plan publishes an element's total to these readers anywhere (a breakdown gives it away). */
function anyReach(plan: PublicationPlan, readers: readonly string[], element: string): boolean {
  return plan.tables.some(
    (t) => t.element === element && readers.some((r) => t[r as 'members' | 'public'] !== undefined),
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// ---- Confidential figures: exact sums of approved counts ------------------------------------------

function confidentialFigures(
  db: Db,
  checked: CheckedRequest,
  catalog: Catalog,
  plan: PublicationPlan,
): FigureSource {
  const { template, period, area } = checked;
  const approved = approvedAgenciesOf(db, period.code);
  if ([...approved.values()].some((agencies) => agencies.size === 0)) {
    const empty = [...approved].filter(([, agencies]) => agencies.size === 0).map(([q]) => q);
    throw badRequest(
      `No member agency has an approved report for ${listWords(empty)} yet, so ${describePeriod(period.code)} has no exact counts to report. Choose a period whose quarters have approved reports.`,
      'no-approved-reports',
    );
  }
  const agencies = listAgenciesWithCounty(db).filter(
    (a) => area.level === 'coalition' || a.county === area.code,
  );
  const members = new Set(agencies.map((a) => a.code));
  const periods = new Set([period.code]);
  for (const section of template.sections)
    if (section.kind === 'trend') {
      const followed = trendPeriodsFor(section, area.level);
      for (const p of trendPeriods(period, followed.kind, followed.count)) {
        periods.add(p);
        if (section.previousYear) periods.add(sameTimeLastYear(p));
      }
    }
  const exact = exactFiguresOf(db, catalog, [...periods], members);
  /** Whether the area's agencies have an approved report in every quarter of a period; read once a period. */
  const reportedPeriods = new Map<string, boolean>();
  const reported = (code: string): boolean => {
    let known = reportedPeriods.get(code);
    if (known === undefined) {
      known = [...approvedAgenciesOf(db, code).values()].every((byQuarter) =>
        [...byQuarter].some((a) => members.has(a)),
      );
      reportedPeriods.set(code, known);
    }
    return known;
  };
  const figure = (p: string, table: string, optionKey: string): number => {
    const value = exact.get(p)?.get(`${table}/${optionKey}`);
    if (value === undefined) throw new Error(`no exact figure for ${p} ${table}/${optionKey}`);
    return value;
  };
  // As a release counts coverage: of the agencies whose type reports the section, those with an
  // approved report in every quarter they were expected in, of those active from their first quarter
  // (or that reported all the same).
  const quarters = period.quarters.map((q) => q.code);
  const agencyCoverage = new Map(agencies.map((a) => [a.code, periodCoverage(a, quarters, approved)]));
  const coverageOf = (element: string): Coverage => {
    const section = catalog.sections.find((s) => s.elements.some((e) => e.code === element));
    const reporting = agencies.filter((a) => section?.agencyTypes.includes(a.type));
    return {
      reported: reporting.filter((a) => agencyCoverage.get(a.code)?.reported).length,
      expected: reporting.filter((a) => agencyCoverage.get(a.code)?.expected).length,
    };
  };

  return {
    provisional: new Set(),
    releases: () => [],
    table: (section, shape) => {
      const element = section.table.element;
      const coverage = coverageOf(element);
      return {
        shown: true,
        figure: (row) => figure(period.code, shape.code, optionKeyOf(shape, row)),
        total: figure(period.code, element, totalOption),
        ...(element === 'survivors_served'
          ? {
              unduplicated: unduplicated(
                figure(period.code, 'survivors_served', totalOption),
                figure(period.code, 'survivors_shared', totalOption),
                coverage.reported,
              ),
            }
          : {}),
        coverage,
      };
    },
    trend: (section, elements) => {
      const followed = trendPeriodsFor(section, area.level);
      const wanted = trendPeriods(period, followed.kind, followed.count);
      // A period before the area's agencies reported has no counts; its sums would read as real zeros.
      const periods = wanted.filter(reported);
      const missing = wanted.filter((p) => !reported(p));
      const previousYear = section.previousYear === true && periods.map(sameTimeLastYear).every(reported);
      const missingEarlier = section.previousYear
        ? periods.map(sameTimeLastYear).filter((p) => !reported(p))
        : [];
      const note = [
        section.note,
        countyPeriodsNote(section, area, plan),
        missing.length > 0
          ? `${listWords(missing)} ${missing.length === 1 ? 'is' : 'are'} left out: no member agency has an approved report for every quarter of ${missing.length === 1 ? 'it' : 'them'}.`
          : '',
        missingEarlier.length > 0
          ? `The year before is not drawn: no member agency has an approved report for every quarter of ${listWords(missingEarlier)}.`
          : '',
      ]
        .filter(Boolean)
        .join(' ');
      return {
        kind: 'trend',
        code: section.code,
        title: section.title,
        ...(note ? { note } : {}),
        periods,
        series: elements.map((element) => ({
          element: element.code,
          name: element.name,
          kind: element.kind,
          figures: periods.map((p) => figure(p, element.code, totalOption)),
          ...(previousYear
            ? { previousYear: periods.map((p) => figure(sameTimeLastYear(p), element.code, totalOption)) }
            : {}),
        })),
      };
    },
  };
}

// ---- Completeness ----------------------------------------------------------------------------------

/**
 * Every agency expected to report for the area (active members, from their first quarter on; for a
 * county, those based there), with the quarters of the period it has an approved report for and
 * those it does not.
 */
function completeness(db: Db, checked: CheckedRequest): { coverage: Coverage; agencies: AgencyReporting[] } {
  const { period, area } = checked;
  const approved = approvedAgenciesOf(db, period.code);
  const countyNames = new Map(listCountyNames(db).map((c) => [c.code, c.name]));
  const quarters = period.quarters.map((q) => q.code);
  const agencies = listAgenciesWithCounty(db)
    .filter(
      (a) =>
        a.active &&
        quarters.some((q) => isExpectedIn(a.firstPeriod, q)) &&
        (area.level === 'coalition' || a.county === area.code),
    )
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((a) => {
      const owed = quarters.filter((q) => isExpectedIn(a.firstPeriod, q));
      return {
        code: a.code,
        name: a.name,
        county: countyNames.get(a.county) ?? a.county,
        quartersReported: owed.filter((q) => approved.get(q)?.has(a.code)),
        quartersMissing: owed.filter((q) => !approved.get(q)?.has(a.code)),
      };
    });
  return {
    coverage: {
      reported: agencies.filter((a) => a.quartersMissing.length === 0).length,
      expected: agencies.length,
    },
    agencies,
  };
}
