import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Catalog, cellKey, cellsOfElement, sectionsFor } from '../domain/catalog';
import { compileRules } from '../domain/rules';
import { readDefaultCatalog } from '../queries/catalog';
import { type AgencyQuarter, agencyQuarterValues, type DemoOptions, planDemoCoalition } from './generate';
import { readDemoInputs } from './inputs';

const catalog = readDefaultCatalog();
const inputs = readDemoInputs();
const plan = (options: DemoOptions = {}) => planDemoCoalition(inputs, catalog, options);
const all = (options: DemoOptions = {}) => [...agencyQuarterValues(plan(options))];

const demo = plan();
const quarters = [...agencyQuarterValues(demo)];
const rules = compileRules(catalog);
const elements = new Map(catalog.sections.flatMap((s) => s.elements).map((e) => [e.code, e]));

/** Every way the values could disagree with themselves, in words; an empty list means consistent. */
function inconsistencies(cat: Catalog, aq: AgencyQuarter): string[] {
  const problems: string[] = [];
  const at = (key: string) => aq.values.get(key) ?? 0;
  for (const [key, value] of aq.values) {
    if (!Number.isInteger(value) || value < 0) problems.push(`${key} = ${value}`);
    // New survivors are survivors served, in every cell of every breakdown.
    if (key.startsWith('new_survivors')) {
      const served = key.replace('new_survivors', 'survivors_served');
      if (value > at(served)) problems.push(`${key} = ${value} > ${served} = ${at(served)}`);
    }
  }
  for (const element of cat.sections.flatMap((s) => s.elements)) {
    if (!aq.values.has(element.code)) continue;
    const total = at(element.code);
    for (const comboCode of element.disaggregations) {
      const combo = cat.categoryCombos.find((c) => c.code === comboCode);
      const multi = combo?.categories.some((c) => cat.categories.find((x) => x.code === c)?.multiSelect);
      const cells = cellsOfElement(cat, element)
        .filter((c) => c.combo === comboCode)
        .map((c) => at(cellKey(c)));
      const sum = cells.reduce((a, b) => a + b, 0);
      if (!multi && sum !== total)
        problems.push(`${element.code}.${comboCode} adds up to ${sum}, not ${total}`);
      if (multi && cells.some((c) => c > total))
        problems.push(`an option of ${element.code}.${comboCode} > ${total}`);
      if (multi && sum < total) problems.push(`${element.code}.${comboCode} covers ${sum} of ${total}`);
    }
  }
  return problems;
}

describe('planDemoCoalition', () => {
  test('has the inputs’ agencies, 12 complete quarters 2023Q4–2026Q3 and the open 2026Q4', () => {
    expect(demo.agencies).toHaveLength(inputs.agencies.length);
    expect(demo.agencies.length).toBeGreaterThanOrEqual(12);
    expect(demo.periods.map((p) => p.code)).toEqual([
      ...['2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3'],
      ...['2025Q4', '2026Q1', '2026Q2', '2026Q3', '2026Q4'],
    ]);
    expect(demo.periods.filter((p) => p.open).map((p) => p.code)).toEqual(['2026Q3', '2026Q4']);
    expect(demo.periods.at(-1)).toMatchObject({
      kind: 'open',
      endDate: '2026-12-31',
      deadline: '2027-01-30',
    });
  });

  test('agency codes are valid org-unit codes, unique, and the types are a realistic mix', () => {
    const codes = demo.agencies.map((a) => a.code);
    for (const code of [...codes, demo.coalition.code, ...demo.counties.map((c) => c.code)])
      expect(code).toMatch(/^[A-Z0-9]{2,16}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(demo.counties.map((c) => c.code)).toEqual(['SCL', 'SBN']);
    const types = demo.agencies.map((a) => a.type);
    const count = (type: string) => types.filter((t) => t === type).length;
    expect(count('law_enforcement')).toBeGreaterThanOrEqual(1);
    expect(count('law_enforcement')).toBeLessThanOrEqual(2);
    expect(count('education')).toBe(1);
    expect(
      count('victim_services') + count('legal_services') + count('shelter_housing'),
    ).toBeGreaterThanOrEqual(5);
    expect(demo.agencies.some((a) => a.homeCounty === 'SBN')).toBe(true);
  });

  test('reporter1 reports for the largest victim-services agency and reporter2 for a San Benito agency', () => {
    const reporter = (n: number) => demo.users.find((u) => u.email === `reporter${n}@scope.demo`);
    const largest = demo.agencies
      .filter((a) => a.type === 'victim_services')
      .reduce((a, b) => (b.size > a.size ? b : a));
    expect(reporter(1)?.agencyCode).toBe(largest.code);
    const second = demo.agencies.find((a) => a.code === reporter(2)?.agencyCode);
    expect(second?.homeCounty).toBe('SBN');
    expect(second?.code).not.toBe(largest.code);
    expect(demo.users.filter((u) => u.role === 'reporter')).toHaveLength(demo.agencies.length);
    expect(demo.users.filter((u) => u.role !== 'reporter').map((u) => [u.email, u.role])).toEqual([
      ['admin@scope.demo', 'admin'],
      ['viewer@scope.demo', 'viewer'],
    ]);
  });

  test('more agencies are synthesized over both counties; fewer quarters shorten the history', () => {
    const big = plan({ agencies: 40, quarters: 8 });
    expect(big.agencies).toHaveLength(40);
    expect(big.periods).toHaveLength(9);
    expect(big.periods[0]?.code).toBe('2024Q4');
    expect(big.agencies[20]).toMatchObject({ code: 'A0021', name: 'Synthetic Agency 21', synthetic: true });
    expect(new Set(big.agencies.map((a) => a.homeCounty))).toEqual(new Set(['SCL', 'SBN']));
    expect(new Set(big.users.map((u) => u.email)).size).toBe(42);
  });

  test('refuses options it cannot honour', () => {
    expect(() => plan({ agencies: 3 })).toThrow(/at least 4 agencies/);
    expect(() => plan({ quarters: 0 })).toThrow(/--quarters/);
    expect(() => plan({ agencies: 2.5 })).toThrow(/--agencies/);
  });
});

describe('agencyQuarterValues', () => {
  test('the same seed gives identical values and submissions; another seed does not', () => {
    const again = all();
    expect(again.map((q) => [...q.values])).toEqual(quarters.map((q) => [...q.values]));
    expect(again.map((q) => q.submission)).toEqual(quarters.map((q) => q.submission));
    const other = all({ seed: 7 });
    expect(other.map((q) => [...q.values])).not.toEqual(quarters.map((q) => [...q.values]));
  });

  test('every agency-quarter has every cell of every section its type reports, zeros included', () => {
    expect(quarters).toHaveLength(demo.agencies.length * demo.periods.length);
    for (const aq of quarters) {
      const agency = demo.agencies[aq.agencyIndex];
      const expected = sectionsFor(catalog, agency?.type ?? 'education').flatMap((s) =>
        s.elements.flatMap((e) => cellsOfElement(catalog, e).map(cellKey)),
      );
      expect([...aq.values.keys()]).toEqual(expected);
    }
  });

  test('every error rule passes, and warnings are rare and explained', () => {
    let warnings = 0;
    let checks = 0;
    for (const aq of [...quarters, ...all({ agencies: 60, quarters: 16, seed: 11 })]) {
      for (const rule of rules) {
        const outcome = rule.evaluate(aq.values);
        if (outcome.status === 'skipped') continue;
        checks++;
        if (outcome.severity === 'error')
          expect(outcome, `${aq.agencyCode} ${aq.period}`).toMatchObject({ status: 'passed' });
        else if (outcome.status === 'failed') {
          warnings++;
          expect(aq.explanations[outcome.code]).toBeTruthy();
        }
      }
    }
    console.info(`demo values: ${warnings} warnings in ${checks} rule checks`);
    expect(warnings / checks).toBeLessThan(0.01);
  });

  test('breakdowns add up, multi-select options cover their total, and new ≤ served cell by cell', () => {
    for (const aq of [...quarters, ...all({ agencies: 30, quarters: 6, seed: 99 })])
      expect(inconsistencies(catalog, aq), `${aq.agencyCode} ${aq.period}`).toEqual([]);
  });

  test('any seed gives values that pass every error rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        for (const aq of all({ seed, quarters: 4 })) {
          expect(
            rules.filter((r) => r.evaluate(aq.values).status === 'failed' && r.rule.severity === 'error'),
          ).toEqual([]);
          expect(inconsistencies(catalog, aq)).toEqual([]);
        }
      }),
      { numRuns: 8 },
    );
  });

  test('most non-zero people counts are small (1 to 4), as in a real coalition', () => {
    let small = 0;
    let nonZero = 0;
    for (const aq of quarters) {
      for (const [key, value] of aq.values) {
        if (value === 0 || elements.get(key.split('.')[0] ?? '')?.kind !== 'people') continue;
        nonZero++;
        if (value <= 4) small++;
      }
    }
    expect(small / nonZero).toBeGreaterThan(0.5);
  });

  test('survivors carry over: those served minus the new are no more than last quarter’s served', () => {
    const previous = new Map<string, number>();
    for (const aq of quarters) {
      const served = aq.values.get('survivors_served');
      const fresh = aq.values.get('new_survivors');
      if (served === undefined || fresh === undefined) continue;
      const before = previous.get(aq.agencyCode);
      if (before !== undefined) expect(served - fresh).toBeLessThanOrEqual(before);
      previous.set(aq.agencyCode, served);
    }
  });

  test('survivor counts grow gently year over year and peak in summer', () => {
    const big = all({ agencies: 150, quarters: 12, seed: 5 });
    const served = (filter: (period: string) => boolean) =>
      big
        .filter((q) => filter(q.period))
        .reduce((sum, q) => sum + (q.values.get('survivors_served') ?? 0), 0);
    const firstYear = served((p) => p >= '2023Q4' && p <= '2024Q3');
    const lastYear = served((p) => p >= '2025Q4' && p <= '2026Q3');
    expect(lastYear / firstYear).toBeGreaterThan(1.05);
    expect(lastYear / firstYear).toBeLessThan(1.4);
    // Each summer against the spring before it, so the trend does not count as seasonality.
    const summer = served((p) => p.endsWith('Q3'));
    const spring = served((p) => p.endsWith('Q2'));
    expect(summer / spring).toBeGreaterThan(1.03);
  });

  test('law enforcement reports plausible investigations, and continued-presence requests ≤ victims', () => {
    const le = quarters.filter((q) => q.values.has('investigations_opened'));
    expect(le.length).toBeGreaterThan(0);
    for (const aq of le) {
      const at = (key: string) => aq.values.get(key) ?? 0;
      expect(at('investigations_opened')).toBeLessThanOrEqual(8);
      expect(at('continued_presence_requests')).toBeLessThanOrEqual(at('victims_identified'));
    }
  });
});

describe('submissions', () => {
  const latest = quarters.filter((q) => q.period === '2026Q3');
  const open = quarters.filter((q) => q.period === '2026Q4');
  const firstSubmit = (aq: AgencyQuarter) => aq.submission.events.find((e) => e.action === 'submit');

  test('every closed quarter is approved, a handful of them late', () => {
    const past = quarters.filter((q) => q.period < '2026Q3');
    expect(past.every((q) => q.submission.status === 'approved')).toBe(true);
    const late = past.filter((q) => {
      const submit = firstSubmit(q);
      return submit?.action === 'submit' && submit.late;
    });
    expect(late.length).toBeGreaterThan(0);
    expect(late.length / past.length).toBeLessThan(0.15);
  });

  test('2026Q3 has exactly one returned submission, at least two missing and at least one late', () => {
    const status = (s: string) => latest.filter((q) => q.submission.status === s);
    expect(status('returned')).toHaveLength(1);
    expect(status('not_started').length + status('draft').length).toBeGreaterThanOrEqual(2);
    expect(
      latest.filter((q) => firstSubmit(q)?.action === 'submit' && (firstSubmit(q) as { late: boolean }).late)
        .length,
    ).toBeGreaterThanOrEqual(1);
    expect(status('approved').length + status('submitted').length).toBeGreaterThan(latest.length / 2);
  });

  test('reporter2’s agency is the returned one, with a comment; reporter1’s is approved', () => {
    const returned = latest.find((q) => q.submission.status === 'returned');
    expect(returned?.agencyIndex).toBe(1);
    const review = returned?.submission.events.at(-1);
    expect(review).toMatchObject({ action: 'return' });
    expect(review?.action === 'return' && review.comment).toMatch(/resubmit/);
    expect(latest[0]?.submission.status).toBe('approved');
  });

  test('2026Q4 is still under way on the demo’s today, so no agency has begun it', () => {
    expect(open).toHaveLength(demo.agencies.length);
    expect(open.every((q) => q.submission.status === 'not_started')).toBe(true);
  });

  test('once the open quarter has ended, reporter1’s agency and a few others have begun it since', () => {
    const later = planDemoCoalition({ ...inputs, today: '2027-01-20' }, catalog);
    const begun = [...agencyQuarterValues(later)].filter((q) => q.period === '2026Q4');
    const drafts = begun.filter((q) => q.submission.status === 'draft');
    expect(begun[0]?.submission.status).toBe('draft');
    expect(begun[1]?.submission.status).toBe('not_started');
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeLessThan(begun.length / 2);
    for (const draft of drafts)
      expect(draft.submission.events[0]?.at.slice(0, 10)).toMatch(/^2027-01-(0[1-9]|1[0-9])$/);
  });

  test('histories are in order, after the quarter ended, before the demo’s today, and late means after the deadline', () => {
    for (const aq of quarters) {
      const period = demo.periods.find((p) => p.code === aq.period);
      const times = aq.submission.events.map((e) => e.at);
      expect([...times].sort()).toEqual(times);
      for (const event of aq.submission.events) {
        expect(event.at < `${demo.today}T00:00:00Z`).toBe(true);
        // A quarter opens for entry the day after it ends.
        expect(event.at.slice(0, 10) > (period?.endDate ?? '')).toBe(true);
        if (event.action === 'submit')
          expect(event.late).toBe(event.at.slice(0, 10) > (period?.deadline ?? ''));
      }
      if (aq.submission.status !== 'not_started') expect(aq.submission.events[0]?.action).toBe('start');
    }
  });

  test('drafts hold whole sections, starting with the first', () => {
    for (const aq of quarters.filter((q) => q.submission.status === 'draft')) {
      const sections = demo.agencies[aq.agencyIndex]?.sections ?? [];
      expect(aq.submission.sections?.length).toBeGreaterThan(0);
      expect(aq.submission.sections).toEqual(sections.slice(0, aq.submission.sections?.length));
    }
  });
});
