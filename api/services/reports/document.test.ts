import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db';
import type { Catalog } from '../../domain/catalog';
import { quartersOf } from '../../domain/periods';
import type { ReportDocument, ReportRequest } from '../../domain/reportDocument';
import type { ReportTableRef } from '../../domain/reportTemplate';
import { ApiError } from '../../errors';
import { readDefaultCatalog } from '../../queries/catalog';
import type { User } from '../../queries/users';
import type { TestDb } from '../../testing';
import { readReportTemplates } from '../reportTemplates';
import { unduplicated } from '../stats';
import { reportChoices } from './choices';
import { buildReportDocument } from './document';
import { exactFiguresOf } from './exact';
import { demoWithReleases, demoWithReleasesTimeout } from './testDemo';

/**
 * Grant reports of the demo coalition, every release published, checked against the database
 * itself: protected figures against the cells the releases stored, exact ones against approved
 * values summed here, independently of the code that builds reports.
 */
let t: TestDb;
let db: Db;
const users = {} as Record<'admin' | 'viewer' | 'reporter', User>;
const catalog: Catalog = readDefaultCatalog();
// Two more templates than the coalition ships, written to a folder as a coalition would add them: a
// funder's, made for a county too, in both kinds, with trends; and one for the public.
const extraTemplates = mkdtempSync(join(tmpdir(), 'scope-report-templates-'));
const funder = {
  code: 'county_funder',
  name: 'County funder report',
  version: 1,
  description: 'A test funder that asks for a year, for the coalition or a county, with trends.',
  audience: 'funder',
  periodKinds: ['year'],
  areas: ['coalition', 'county'],
  kinds: ['protected', 'confidential'],
  sections: [
    {
      kind: 'trend',
      code: 'quarters',
      title: 'By quarter',
      elements: ['survivors_served', 'arrests'],
      periods: { kind: 'quarter', count: 4 },
      previousYear: true,
    },
    {
      kind: 'trend',
      code: 'halves',
      title: 'By half-year',
      elements: ['survivors_served', 'new_survivors'],
      periods: { kind: 'half', count: 2 },
    },
    {
      kind: 'table',
      code: 'minors_adults',
      title: 'Minors and adults',
      table: {
        element: 'survivors_served',
        breakdown: 'type_age',
        by: 'age_group',
        grouping: 'age_minor_adult',
      },
      rowOrder: ['adult'],
    },
    {
      kind: 'table',
      code: 'gender',
      title: 'Gender',
      table: { element: 'survivors_served', breakdown: 'gender' },
    },
    { kind: 'completeness', code: 'agencies', title: 'Agencies' },
    { kind: 'definitions', code: 'definitions', title: 'Definitions' },
  ],
};
const publicReport = {
  code: 'public_year',
  name: 'The year for the public',
  version: 1,
  description: 'A test report for the public.',
  audience: 'public',
  periodKinds: ['year', 'fy'],
  areas: ['coalition'],
  kinds: ['protected'],
  sections: [
    {
      kind: 'table',
      code: 'citizenship',
      title: 'Citizenship',
      table: { element: 'survivors_served', breakdown: 'citizenship' },
    },
    {
      kind: 'trend',
      code: 'quarters',
      title: 'By quarter',
      elements: ['survivors_served'],
      periods: { kind: 'quarter', count: 4 },
    },
  ],
};
// A funder's quarterly report whose trend follows state fiscal years for a county, made in both kinds.
const countyQuarterly = {
  code: 'county_quarterly',
  name: 'County quarterly funder report',
  version: 1,
  description: 'A test funder that asks for a quarter, with a trend by state fiscal year for a county.',
  audience: 'funder',
  periodKinds: ['quarter'],
  areas: ['coalition', 'county'],
  kinds: ['protected', 'confidential'],
  sections: [
    {
      kind: 'trend',
      code: 'trend',
      title: 'Survivors served and arrests',
      elements: ['survivors_served', 'arrests'],
      periods: { kind: 'quarter', count: 4 },
      countyPeriods: { kind: 'sfy', count: 2 },
    },
  ],
};
writeFileSync(join(extraTemplates, 'county_funder.json'), JSON.stringify(funder));
writeFileSync(join(extraTemplates, 'county_quarterly.json'), JSON.stringify(countyQuarterly));
writeFileSync(join(extraTemplates, 'public_year.json'), JSON.stringify(publicReport));
const added = readReportTemplates(extraTemplates);
rmSync(extraTemplates, { recursive: true, force: true });
const templates = [...readReportTemplates(), ...added];
const now = new Date('2026-11-30T12:00:00.000Z');

beforeAll(async () => {
  t = await demoWithReleases();
  db = t.db;
  for (const role of ['admin', 'viewer', 'reporter'] as const)
    users[role] = db
      .prepare(
        `SELECT id, email, name, role, agency_id AS agencyId FROM users WHERE role = ? AND active = 1 ORDER BY id LIMIT 1`,
      )
      .get(role) as User;
}, demoWithReleasesTimeout);
afterAll(() => t?.cleanup());

const build = (request: ReportRequest, user: User = users.admin) =>
  buildReportDocument(
    db,
    user,
    request,
    { narratives: { accomplishments: 'We trained every clinic.' }, now },
    templates,
  );

// ---- Independent readings of the database -----------------------------------------------------------

type ApprovedRow = {
  period: string;
  agency: string;
  county: string;
  type: string;
  key: string;
  value: number;
};
let approvedRows: ApprovedRow[] | undefined;

/** Every value of every approved report's latest revision, straight from the tables. */
function approved(): ApprovedRow[] {
  approvedRows ??= db
    .prepare(
      `SELECT p.code AS period, a.code AS agency, c.code AS county, a.agency_type AS type,
         CASE WHEN cc.code = '' THEN e.code ELSE e.code || '.' || cc.code || '.' || coc.option_key END AS key,
         rv.value
       FROM submissions s
       JOIN reporting_periods p ON p.id = s.period_id
       JOIN org_units a ON a.id = s.agency_id
       JOIN org_units c ON c.id = a.parent_id
       JOIN submission_revisions r ON r.submission_id = s.id AND r.revision = s.latest_revision
       JOIN revision_values rv ON rv.revision_id = r.id
       JOIN data_elements e ON e.id = rv.element_id
       JOIN category_option_combos coc ON coc.id = rv.coc_id
       JOIN category_combos cc ON cc.id = coc.combo_id
       WHERE s.status = 'approved'`,
    )
    .all() as ApprovedRow[];
  return approvedRows;
}

const elementOf = (code: string) => {
  const element = catalog.sections.flatMap((s) => s.elements).find((e) => e.code === code);
  if (!element) throw new Error(`no element ${code}`);
  return element;
};

/** Which reported cells of an element a figure adds up: its total, or options of one category. */
type Cells = { combo: string; index: number; options: string[] } | null;

/**
 * The exact figure of a period, written out: the approved values summed over the agencies (of a
 * county, if given); for a longer period, survivors served are the first quarter's served plus the
 * new survivors of the later quarters, and every other element sums its quarters.
 */
function exactSum(period: string, element: string, cells: Cells, county?: string): number {
  const definition = elementOf(element);
  let sum = 0;
  quartersOf(period).forEach((q, k) => {
    const code =
      k > 0 && definition.periodAggregation === 'first_plus_new'
        ? (definition.newElement as string)
        : element;
    for (const row of approved()) {
      if (row.period !== q.code || (county && row.county !== county)) continue;
      if (cells === null) {
        if (row.key === code) sum += row.value;
        continue;
      }
      const [el, combo, optionKey = ''] = row.key.split('.');
      if (
        el === code &&
        combo === cells.combo &&
        cells.options.includes(optionKey.split('|')[cells.index] ?? '')
      )
        sum += row.value;
    }
  });
  return sum;
}

/** The release that publishes a period now: the latest published one listing it. */
function releaseOf(period: string): number | undefined {
  return db
    .prepare(
      `SELECT r.id FROM release_periods rp JOIN releases r ON r.id = rp.release_id
       WHERE rp.period_code = ? AND r.status = 'published' ORDER BY r.published_at DESC, r.id DESC LIMIT 1`,
    )
    .pluck()
    .get(period) as number | undefined;
}

type StoredCell = { value: number | null; suppressed: number };

/** A cell as a release stored it for the members (or the public), read straight from `published_cells`. */
function publishedCell(
  period: string,
  geo: string,
  table: string,
  optionKey: string,
  audience = 'coalition',
) {
  const release = releaseOf(period);
  if (release === undefined) return undefined;
  return db
    .prepare(
      `SELECT value, suppressed FROM published_cells WHERE release_id = ? AND audience = ? AND period_code = ?
         AND geo_code = ? AND table_code = ? AND option_key = ?`,
    )
    .get(release, audience, period, geo, table, optionKey) as StoredCell | undefined;
}

const shownValue = (cell: StoredCell | undefined) => (cell && !cell.suppressed ? cell.value : null);

/** Each figure position of a document: where it is, its figure, the stored cell and the exact cells. */
type Position = {
  where: string;
  figure: number | null;
  period: string;
  table: string;
  optionKey: string;
  element: string;
  cells: Cells;
};

function positions(doc: ReportDocument): Position[] {
  const template = templates.find((x) => x.code === doc.template.code);
  if (!template) throw new Error('no template');
  const out: Position[] = [];
  for (const section of doc.sections) {
    if ((section.kind === 'table' || section.kind === 'chart') && section.shown) {
      const ref = (template.sections.find((s) => s.code === section.code) as { table: ReportTableRef }).table;
      const element = ref.element;
      out.push({
        where: `${section.code} total`,
        figure: section.total,
        period: doc.period.code,
        table: element,
        optionKey: '_total',
        element,
        cells: null,
      });
      if (!ref.breakdown) continue;
      const categories = catalog.categoryCombos.find((c) => c.code === ref.breakdown)?.categories ?? [];
      const category = ref.by ?? (categories[0] as string);
      const grouping = catalog.groupings.find((g) => g.code === ref.grouping);
      for (const row of section.rows) {
        const optionKey = grouping
          ? row.code
          : categories.map((c) => (c === category ? row.code : '_total')).join('|');
        const options = grouping
          ? (grouping.groups.find((g) => g.code === row.code)?.options ?? [])
          : [row.code];
        out.push({
          where: `${section.code} ${row.code}`,
          figure: row.figure,
          period: doc.period.code,
          table: grouping ? `${element}.${ref.breakdown}:${grouping.code}` : `${element}.${ref.breakdown}`,
          optionKey,
          element,
          cells: { combo: ref.breakdown, index: categories.indexOf(category), options },
        });
      }
    }
    if (section.kind === 'trend')
      for (const series of section.series) {
        section.periods.forEach((period, i) => {
          out.push({
            where: `${section.code} ${series.element} ${period}`,
            figure: series.figures[i] ?? null,
            period,
            table: series.element,
            optionKey: '_total',
            element: series.element,
            cells: null,
          });
          if (series.previousYear)
            out.push({
              where: `${section.code} ${series.element} a year before ${period}`,
              figure: series.previousYear[i] ?? null,
              period: `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`,
              table: series.element,
              optionKey: '_total',
              element: series.element,
              cells: null,
            });
        });
      }
  }
  return out;
}

/** Every plain object and array in a value, for telling whether two documents share any. */
function objectsOf(value: unknown, into = new Set<object>()): Set<object> {
  if (value !== null && typeof value === 'object' && !into.has(value)) {
    into.add(value);
    for (const v of Object.values(value)) objectsOf(v, into);
  }
  return into;
}

/** Whether a document holds a null figure: anything null but its audience, which only a protected one has. */
function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value === 'object')
    return Object.entries(value as object).some(([key, v]) => key !== 'audience' && hasNull(v));
  return false;
}

function refusal(make: () => unknown): ApiError {
  try {
    make();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('not refused');
}

// ---- The reports ---------------------------------------------------------------------------------------

const protectedRequests: ReportRequest[] = [
  { template: 'federal_semiannual', period: '2025H2', area: 'coalition', kind: 'protected' },
  { template: 'quarterly_funder', period: '2026Q2', area: 'coalition', kind: 'protected' },
  { template: 'annual_coalition', period: '2025', area: 'coalition', kind: 'protected' },
  { template: 'annual_coalition', period: 'SFY2026', area: 'coalition', kind: 'protected' },
  { template: 'workgroup_brief', period: '2026Q2', area: 'coalition', kind: 'protected' },
  { template: 'workgroup_brief', period: '2026Q2', area: 'SCL', kind: 'protected' },
  { template: 'county_funder', period: '2025', area: 'coalition', kind: 'protected' },
  { template: 'county_funder', period: '2025', area: 'SBN', kind: 'protected' },
];

const confidentialRequests: ReportRequest[] = [
  { template: 'federal_semiannual', period: '2025H2', area: 'coalition', kind: 'confidential' },
  { template: 'federal_semiannual', period: '2025H1', area: 'coalition', kind: 'confidential' },
  { template: 'quarterly_funder', period: '2026Q2', area: 'coalition', kind: 'confidential' },
  { template: 'county_funder', period: '2025', area: 'coalition', kind: 'confidential' },
  { template: 'county_funder', period: '2025', area: 'SCL', kind: 'confidential' },
];

const label = (r: ReportRequest) => `${r.template} ${r.period} ${r.area}`;

describe('a protected report', () => {
  test.each(protectedRequests.map((r) => [label(r), r] as const))(
    '%s: every figure is the cell its release stored for members, a hidden one null',
    (_, request) => {
      const doc = build(request, users.viewer);
      expect(doc.kind).toBe('protected');
      expect(doc.audience).toBe('coalition');
      const found = positions(doc);
      for (const p of found) {
        const cell = publishedCell(p.period, request.area, p.table, p.optionKey);
        expect(cell, p.where).toBeDefined();
        expect(p.figure, p.where).toBe(shownValue(cell));
      }
      // Every release whose cells it shows is listed, with its quarter and sequence.
      const releases = new Set(doc.releases.map((r) => r.id));
      for (const p of found) expect(releases.has(releaseOf(p.period) as number), p.where).toBe(true);
      for (const r of doc.releases)
        expect(db.prepare('SELECT sequence FROM releases WHERE id = ?').pluck().get(r.id)).toBe(r.sequence);
    },
  );

  test.each(protectedRequests.map((r) => [label(r), r] as const))(
    '%s: no figure in the position of a hidden cell holds its value',
    (_, request) => {
      const doc = build(request, users.viewer);
      for (const p of positions(doc)) {
        const cell = publishedCell(p.period, request.area, p.table, p.optionKey);
        if (!cell?.suppressed) continue;
        const exact = exactSum(
          p.period,
          p.element,
          p.cells,
          request.area === 'coalition' ? undefined : request.area,
        );
        expect(p.figure, `${p.where}, hidden, exactly ${exact}`).toBeNull();
      }
    },
  );

  test('the demo has hidden cells in the reports checked, and the legend says what "S" means', () => {
    const docs = protectedRequests.map((r) => build(r, users.viewer));
    const hidden = docs.flatMap((doc) => positions(doc).filter((p) => p.figure === null));
    expect(hidden.length).toBeGreaterThan(0);
    for (const doc of docs)
      expect(
        doc.footnotes.some((f) => f.startsWith('S:')),
        label(doc.request),
      ).toBe(
        positions(doc).some((p) => p.figure === null) ||
          doc.sections.some(
            (s) => (s.kind === 'table' || s.kind === 'chart') && s.unduplicated && 'hidden' in s.unduplicated,
          ),
      );
  });

  test.each(['2025', 'FY2025'])('a report for the public shows the public’s cells of %s', (period) => {
    const doc = build(
      { template: 'public_year', period, area: 'coalition', kind: 'protected' },
      users.viewer,
    );
    expect(doc.audience).toBe('public');
    const found = positions(doc);
    expect(found.length).toBeGreaterThan(5);
    for (const p of found)
      expect(p.figure, p.where).toBe(
        shownValue(publishedCell(p.period, 'coalition', p.table, p.optionKey, 'public')),
      );
  });

  test('a section the plan does not publish at the period is not shown, and says why', () => {
    const doc = build(protectedRequests[0] as ReportRequest);
    // The plan publishes referral sources by year only: by half-year most of them would be hidden.
    const referrals = doc.sections.find((s) => s.code === 'referral_sources');
    expect(referrals).toMatchObject({ kind: 'table', shown: false, rows: [], total: null });
    expect(referrals?.kind === 'table' && referrals.notShown).toMatch(
      /does not publish these figures.*half-years/,
    );
    // Minors and adults are published by half-year to members, with the rows the funder's form lists first.
    const minors = doc.sections.find((s) => s.code === 'minors_adults');
    expect(minors).toMatchObject({ kind: 'table', shown: true });
    expect(minors?.kind === 'table' && minors.rows.map((r) => r.code).slice(0, 2)).toEqual([
      'minor',
      'adult',
    ]);
    // Survivors served shows its total with the unduplicated range and coverage, from the same release.
    const served = doc.sections.find((s) => s.code === 'survivors_served');
    const release = releaseOf('2025H2');
    const coverage = db
      .prepare(
        `SELECT reported, expected FROM release_coverage WHERE release_id = ? AND period_code = '2025H2'
           AND geo_code = 'coalition' AND section_code = 'survivors'`,
      )
      .get(release);
    expect(served).toMatchObject({ shown: true, coverage });
    if (served?.kind !== 'table' || !served.unduplicated || 'hidden' in served.unduplicated)
      throw new Error('no range');
    const shared = shownValue(publishedCell('2025H2', 'coalition', 'survivors_shared', '_total')) as number;
    expect(served.unduplicated).toEqual(
      unduplicated(served.total as number, shared, (coverage as { reported: number }).reported),
    );
  });

  test('trends read the periods up to the report’s: eight quarters for a brief, the year’s quarters and the year before for an annual report', () => {
    const brief = build(protectedRequests[4] as ReportRequest);
    const trend = brief.sections.find((s) => s.kind === 'trend');
    expect(trend?.kind === 'trend' && trend.periods).toEqual([
      '2024Q3',
      '2024Q4',
      '2025Q1',
      '2025Q2',
      '2025Q3',
      '2025Q4',
      '2026Q1',
      '2026Q2',
    ]);
    const annual = build({
      template: 'annual_coalition',
      period: 'FY2025',
      area: 'coalition',
      kind: 'protected',
    });
    const quarters = annual.sections.find((s) => s.code === 'survivors_by_quarter');
    expect(quarters?.kind === 'trend' && quarters.periods).toEqual(['2024Q4', '2025Q1', '2025Q2', '2025Q3']);
    const fiscal = build({
      template: 'annual_coalition',
      period: 'SFY2026',
      area: 'coalition',
      kind: 'protected',
    });
    const sfy = fiscal.sections.find((s) => s.code === 'survivors_by_quarter');
    expect(sfy?.kind === 'trend' && sfy.periods).toEqual(['2025Q3', '2025Q4', '2026Q1', '2026Q2']);
    expect(sfy?.kind === 'trend' && sfy.series[0]?.previousYear?.length).toBe(4);
    // The demo's first release is 2023Q4: a year before 2024's quarters is not drawn, and the note says why.
    const first = build({
      template: 'annual_coalition',
      period: '2024',
      area: 'coalition',
      kind: 'protected',
    });
    const firstTrend = first.sections.find((s) => s.code === 'survivors_by_quarter');
    if (firstTrend?.kind !== 'trend') throw new Error('no trend');
    expect(firstTrend.periods).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
    expect(firstTrend.series.every((s) => s.previousYear === undefined)).toBe(true);
    expect(firstTrend.note).toMatch(/year before is not drawn: 2023Q1, 2023Q2 and 2023Q3 were not published/);
  });

  test('a county’s brief follows the state fiscal years the plan publishes for counties, each figure its release’s cell', () => {
    const brief = build(protectedRequests[5] as ReportRequest, users.viewer);
    const trends = brief.sections.filter((s) => s.kind === 'trend');
    expect(trends).toHaveLength(4);
    for (const trend of trends) {
      if (trend.kind !== 'trend') continue;
      // SFY2026 ends with 2026Q2; SFY2024 began in 2023Q3, before the demo's first release (2023Q4).
      expect(trend.periods, trend.code).toEqual(['SFY2025', 'SFY2026']);
      expect(trend.note, trend.code).toBe(
        'For Santa Clara County, this trend follows California fiscal years (July to June) rather than quarters, because the publication plan does not publish a county’s figures for quarters. SFY2024 is not published to members for a county (Santa Clara County), so it is left out.',
      );
    }
    const found = positions(brief);
    expect(found).toHaveLength(2 * 12);
    for (const p of found) {
      const cell = publishedCell(p.period, 'SCL', p.table, p.optionKey);
      expect(cell, p.where).toBeDefined();
      expect(p.figure, p.where).toBe(shownValue(cell));
    }
    // Figures, not an empty report: most are shown (small ones hidden as in the dashboard).
    expect(found.filter((p) => p.figure !== null).length).toBeGreaterThan(found.length / 2);

    // Before a state fiscal year has ended, a brief shows those that have.
    const earlier = build({ ...(protectedRequests[5] as ReportRequest), period: '2026Q1' }, users.viewer);
    const survivors = earlier.sections.find((s) => s.code === 'survivors');
    expect(survivors?.kind === 'trend' && survivors.periods).toEqual(['SFY2025']);
    expect(survivors?.kind === 'trend' && survivors.note).toMatch(
      /SFY2023 and SFY2024 are not published to members for a county \(Santa Clara County\), so they are left out\./,
    );
  });

  test('words, completeness and definitions come with the figures', () => {
    const doc = build(protectedRequests[0] as ReportRequest);
    expect(doc.coalition.name).toBe('South Bay Coalition to End Human Trafficking');
    expect(doc.period).toEqual({
      code: '2025H2',
      label: expect.any(String),
      months: 'July to December 2025',
    });
    expect(doc.generatedAt).toBe(now.toISOString());
    expect(doc.generatedBy).toBe(users.admin.name);
    expect(doc.sections.find((s) => s.code === 'accomplishments')).toMatchObject({
      text: 'We trained every clinic.',
    });
    expect(doc.sections.find((s) => s.code === 'challenges')).toMatchObject({ text: '' });
    const completeness = doc.sections.find((s) => s.kind === 'completeness');
    const active = db
      .prepare(`SELECT count(*) FROM org_units WHERE level = 'agency' AND active = 1`)
      .pluck()
      .get();
    expect(completeness?.kind === 'completeness' && completeness.agencies.length).toBe(active);
    for (const agency of completeness?.kind === 'completeness' ? completeness.agencies : []) {
      const reported = db
        .prepare(
          `SELECT p.code FROM submissions s JOIN reporting_periods p ON p.id = s.period_id
           JOIN org_units a ON a.id = s.agency_id
           WHERE a.code = ? AND s.status = 'approved' AND p.code IN ('2025Q3', '2025Q4') ORDER BY p.code`,
        )
        .pluck()
        .all(agency.code);
      expect(agency.quartersReported).toEqual(reported);
      expect([...agency.quartersReported, ...agency.quartersMissing].sort()).toEqual(['2025Q3', '2025Q4']);
    }
    const definitions = doc.sections.find((s) => s.kind === 'definitions');
    expect(definitions?.kind === 'definitions' && definitions.items.map((i) => i.element)).toContain(
      'professionals_trained',
    );
    const county = build(protectedRequests[5] as ReportRequest);
    const countyAgencies = county.sections.find((s) => s.kind === 'completeness');
    expect(countyAgencies?.kind === 'completeness' && countyAgencies.agencies.length).toBe(
      db
        .prepare(
          `SELECT count(*) FROM org_units a JOIN org_units c ON c.id = a.parent_id
           WHERE a.level = 'agency' AND a.active = 1 AND c.code = 'SCL'`,
        )
        .pluck()
        .get(),
    );
    expect(county.area).toEqual({ code: 'SCL', name: 'Santa Clara County' });
  });
});

describe('a confidential report', () => {
  test.each(confidentialRequests.map((r) => [label(r), r] as const))(
    '%s: every figure is the approved values summed, with no null anywhere',
    (_, request) => {
      const doc = build({ ...request }, users.admin);
      expect(doc.kind).toBe('confidential');
      expect(doc.audience).toBeNull();
      expect(doc.releases).toEqual([]);
      expect(hasNull(doc)).toBe(false);
      const found = positions(doc);
      expect(found.length).toBeGreaterThan(20);
      const county = request.area === 'coalition' ? undefined : request.area;
      for (const p of found) expect(p.figure, p.where).toBe(exactSum(p.period, p.element, p.cells, county));
      expect(doc.footnotes.join(' ')).toMatch(/exact counts/);
      // The unduplicated range from the exact served, shared and agencies reporting.
      const served = doc.sections.find((s) => s.kind === 'table' && s.element.code === 'survivors_served');
      if (served?.kind !== 'table') throw new Error('no table');
      const types = catalog.sections.find((s) => s.code === 'survivors')?.agencyTypes as string[];
      const quarters = quartersOf(request.period).map((q) => q.code);
      const reporting = new Set(
        approved()
          .filter((r) => types.includes(r.type) && (county === undefined || r.county === county))
          .map((r) => r.agency),
      );
      const reportedAll = [...reporting].filter((agency) =>
        quarters.every((q) => approved().some((r) => r.agency === agency && r.period === q)),
      ).length;
      expect(served.coverage.reported).toBe(reportedAll);
      expect(served.unduplicated).toEqual(
        unduplicated(
          exactSum(request.period, 'survivors_served', null, county),
          exactSum(request.period, 'survivors_shared', null, county),
          reportedAll,
        ),
      );
    },
  );

  test('survivors served in a half-year count each agency’s survivor once: not the sum of its quarters', () => {
    const doc = build(confidentialRequests[0] as ReportRequest);
    const served = doc.sections.find((s) => s.code === 'survivors_served');
    const quarters =
      exactSum('2025Q3', 'survivors_served', null) + exactSum('2025Q4', 'survivors_served', null);
    expect(served?.kind === 'table' && served.total).toBeLessThan(quarters);
  });

  test('a county’s exact figures sum its own agencies, a year aggregated as a release aggregates it', () => {
    const scl = new Set(
      approved()
        .filter((r) => r.county === 'SCL')
        .map((r) => r.agency),
    );
    const exact = exactFiguresOf(db, catalog, ['2025', 'FY2026'], scl);
    for (const period of ['2025', 'FY2026'])
      for (const element of catalog.sections.flatMap((s) => s.elements)) {
        expect(exact.get(period)?.get(`${element.code}/_total`), `${period} ${element.code}`).toBe(
          exactSum(period, element.code, null, 'SCL'),
        );
      }
    expect(exact.get('2025')?.get('survivors_served.type_age:age_minor_adult/minor')).toBe(
      exactSum(
        '2025',
        'survivors_served',
        {
          combo: 'type_age',
          index: 1,
          options: catalog.groupings
            .find((g) => g.code === 'age_minor_adult')
            ?.groups.find((g) => g.code === 'minor')?.options as string[],
        },
        'SCL',
      ),
    );
  });

  test('a trend that follows state fiscal years for a county sums the county’s approved values by those years; coalition-wide it follows quarters', () => {
    const request: ReportRequest = {
      template: 'county_quarterly',
      period: '2026Q2',
      area: 'SCL',
      kind: 'confidential',
    };
    const county = build(request).sections[0];
    if (county?.kind !== 'trend') throw new Error('no trend');
    expect(county.periods).toEqual(['SFY2025', 'SFY2026']);
    expect(county.note).toMatch(/^For Santa Clara County, this trend follows California fiscal years/);
    for (const series of county.series)
      expect(series.figures, series.element).toEqual(
        county.periods.map((p) => exactSum(p, series.element, null, 'SCL')),
      );
    const coalition = build({ ...request, area: 'coalition' }).sections[0];
    if (coalition?.kind !== 'trend') throw new Error('no trend');
    expect(coalition.periods).toEqual(['2025Q3', '2025Q4', '2026Q1', '2026Q2']);
    expect(coalition.note).toBeUndefined();
    for (const series of coalition.series)
      expect(series.figures, series.element).toEqual(
        coalition.periods.map((p) => exactSum(p, series.element, null)),
      );
  });

  test('a confidential trend leaves out periods no agency had reported for, rather than showing zeros', () => {
    // The demo's first quarter is 2023Q4: the four quarters up to 2024Q1 begin with two no one reported.
    const trend = build({
      template: 'county_quarterly',
      period: '2024Q1',
      area: 'coalition',
      kind: 'confidential',
    }).sections[0];
    if (trend?.kind !== 'trend') throw new Error('no trend');
    expect(trend.periods).toEqual(['2023Q4', '2024Q1']);
    expect(trend.note).toBe(
      '2023Q2 and 2023Q3 are left out: no member agency has an approved report for every quarter of them.',
    );
    for (const series of trend.series) expect(series.figures.every((f) => (f as number) > 0)).toBe(true);
    // A year before that no one reported is not drawn as zeros either.
    const year = build({
      template: 'county_funder',
      period: '2024',
      area: 'coalition',
      kind: 'confidential',
    });
    const quarters = year.sections.find((s) => s.code === 'quarters');
    if (quarters?.kind !== 'trend') throw new Error('no trend');
    expect(quarters.periods).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
    expect(quarters.series.every((s) => s.previousYear === undefined)).toBe(true);
    expect(quarters.note).toMatch(/year before is not drawn: .*2023Q1, 2023Q2 and 2023Q3/);
  });

  test('the two kinds share nothing: a protected report made after a confidential one holds only published figures', () => {
    const request = protectedRequests[0] as ReportRequest;
    const before = build(request);
    const exact = build({ ...request, kind: 'confidential' });
    const after = build(request);
    expect(after).toEqual(before);
    const exactObjects = objectsOf(exact);
    for (const object of objectsOf(after)) expect(exactObjects.has(object)).toBe(false);
    for (const p of positions(after))
      expect(p.figure, p.where).toBe(shownValue(publishedCell(p.period, 'coalition', p.table, p.optionKey)));
  });
});

describe('refusals', () => {
  test.each([
    [
      'a period of a kind the template is not made for',
      { template: 'federal_semiannual', period: '2025Q4', area: 'coalition', kind: 'protected' },
      /half-years.*2026H1/,
    ],
    [
      'a period not published yet',
      { template: 'federal_semiannual', period: '2026H2', area: 'coalition', kind: 'protected' },
      /has not been published yet.*Published half-years: .*2025H2/,
    ],
    [
      'a county for a template made for the whole coalition',
      { template: 'federal_semiannual', period: '2025H2', area: 'SCL', kind: 'protected' },
      /whole coalition/,
    ],
    [
      'an area that does not exist',
      { template: 'workgroup_brief', period: '2026Q2', area: 'XYZ', kind: 'protected' },
      /no area “XYZ”.*Santa Clara County, SCL/,
    ],
    [
      'a confidential report of a template made protected only',
      { template: 'annual_coalition', period: '2025', area: 'coalition', kind: 'confidential' },
      /protected report only/,
    ],
    [
      'a template that does not exist',
      { template: 'nothing', period: '2025', area: 'coalition', kind: 'protected' },
      /no report template “nothing”.*Annual coalition report \(annual_coalition\)/,
    ],
    [
      'a confidential report of a period with a quarter no one has reported',
      { template: 'federal_semiannual', period: '2026H2', area: 'coalition', kind: 'confidential' },
      /No member agency has an approved report for 2026Q4 yet/,
    ],
  ] as const)('%s is a 400 that says what to do', (_, request, message) => {
    const error = refusal(() => build(request as ReportRequest));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });

  test.each(['viewer', 'reporter'] as const)('a confidential report by a %s is a 403', (role) => {
    const error = refusal(() => build(confidentialRequests[0] as ReportRequest, users[role]));
    expect(error.status).toBe(403);
    expect(error.code).toBe('forbidden');
  });
});

describe('reportChoices', () => {
  test('offers the periods a report can be made for, newest first, and whether this person may make an exact one', () => {
    const admin = reportChoices(db, users.admin, 'federal_semiannual');
    expect(admin.confidential).toEqual({ canMake: true });
    expect(admin.areas).toEqual([{ code: 'coalition', name: 'Coalition-wide' }]);
    const codes = admin.periods.map((p) => p.code);
    expect(codes.slice(0, 3)).toEqual(['2026H1', '2025H2', '2025H1']);
    expect(admin.periods.find((p) => p.code === '2025H2')).toEqual({
      code: '2025H2',
      label: 'July to December 2025',
      kind: 'half',
      protected: true,
      confidential: true,
    });
    // 2026Q3 has approved reports, 2026Q4 none: 2026H2 can be neither.
    expect(admin.periods.find((p) => p.code === '2026H2')).toBeUndefined();
    expect(reportChoices(db, users.viewer, 'federal_semiannual').confidential).toEqual({ canMake: false });
    const brief = reportChoices(db, users.viewer, 'workgroup_brief');
    expect(brief.areas.map((a) => a.code).sort()).toEqual(['SBN', 'SCL', 'coalition']);
    expect(brief.periods.every((p) => p.kind === 'quarter' && !p.confidential)).toBe(true);
    expect(brief.periods.find((p) => p.code === '2026Q3')).toBeUndefined();
  });
});
