/**
 * Leaks an attacker who reads every release found in earlier versions of Scope, each rebuilt as a
 * small coalition whose figures make it happen. The attack is written here from what was
 * published alone (the stored cells, and sums any reader knows), independently of the engine: a
 * hidden count must not be provable to lie in 1..T−1.
 */
import { describe, expect } from 'vitest';
import type { Db } from '../../db';
import { feasibilityIntervals } from '../../disclosure/protect';
import { type Audience, type CubeCell, defaultThresholds, type Relation } from '../../disclosure/types';
import { quartersOf } from '../../domain/periods';
import { readDefaultCatalog } from '../../queries/catalog';
import { insertOrgUnit } from '../../queries/orgUnits';
import { approveReport, releaseTimeout, survivorsQuarter, apiTest as test } from '../../testing';

const catalog = readDefaultCatalog();

type Seen = { value: number | null; suppressed: boolean };

/**
 * What a reader of these audiences was shown of one table cell (`<table>/<optionKey>`), by
 * `<period>/<geo>`: every release's stored cells, a value shown to any of the audiences known.
 */
function shown(db: Db, audiences: readonly Audience[], table: string, optionKey: string): Map<string, Seen> {
  const rows = db
    .prepare(
      `SELECT period_code || '/' || geo_code AS at, value, suppressed FROM published_cells
       WHERE table_code = ? AND option_key = ? AND audience IN (${audiences.map(() => '?').join(', ')})
       ORDER BY release_id`,
    )
    .all(table, optionKey, ...audiences) as Array<{ at: string; value: number | null; suppressed: number }>;
  const seen = new Map<string, Seen>();
  for (const row of rows)
    if (row.suppressed === 0 || !seen.has(row.at))
      seen.set(row.at, { value: row.value, suppressed: row.suppressed === 1 });
  return seen;
}

/**
 * The interval an outsider proves for a hidden cell of one table position, from every period and
 * geography shown of it and the sums every reader knows: the coalition is its counties, and a year
 * or fiscal year is its quarters.
 */
async function attack(seen: ReadonlyMap<string, Seen>, target: string) {
  const cells: CubeCell[] = [...seen].map(([id, s]) => ({
    id,
    kind: 'people',
    value: s.value ?? 0,
    contributions: new Map(),
    marginal: false,
  }));
  const has = (id: string) => seen.has(id);
  const relations: Relation[] = [];
  const periods = new Set([...seen.keys()].map((id) => id.split('/')[0] as string));
  for (const period of periods) {
    const parts = ['SCL', 'SBN'].map((g) => `${period}/${g}`);
    if (has(`${period}/coalition`) && parts.every(has))
      relations.push({ kind: 'sum', total: `${period}/coalition`, parts });
    const quarters = quartersOf(period).map((q) => q.code);
    if (quarters.length > 1)
      for (const geo of ['coalition', 'SCL', 'SBN']) {
        const inside = quarters.map((q) => `${q}/${geo}`);
        if (has(`${period}/${geo}`) && inside.every(has))
          relations.push({ kind: 'sum', total: `${period}/${geo}`, parts: inside });
      }
  }
  const hidden = new Set([...seen].filter(([, s]) => s.suppressed).map(([id]) => id));
  expect(hidden.has(target), `${target} is hidden`).toBe(true);
  return (await feasibilityIntervals(cells, relations, hidden)).get(target);
}

/** Whether an interval proves the cell small: it can't be 0, or can't reach the threshold. */
const pinned = (interval: { lower: number; upper: number } | undefined, threshold: number) =>
  !interval || interval.lower > 1e-6 || interval.upper < threshold - 1e-6;

const quarters = ['2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4'];

describe('leaks across releases', { timeout: 3 * releaseTimeout }, () => {
  test('overlapping calendar and fiscal years do not pin a county quarter', async ({
    approve,
    publish,
    db,
  }) => {
    // San Benito's survivors also served by another member: 0, 3, 3, 3, then 1. Its fiscal year 2024
    // (2023Q4–2024Q3) is 9 and its calendar year 10: both publishable alone, and together with the
    // 0 of 2023Q4 they give 2024Q4 away (10 − 9 + 0 = 1).
    const shared = [0, 3, 3, 3, 1];
    quarters.forEach((quarter, i) => {
      approve('river', quarter, survivorsQuarter(catalog, 'victim_services', 40, 12));
      approve('hills', quarter, survivorsQuarter(catalog, 'health_care', 12, shared[i] as number));
    });
    for (const quarter of quarters) expect((await publish(quarter)).status).toBe('published');
    const seen = shown(db, ['coalition', 'public'], 'survivors_shared', '_total');
    expect(seen.get('FY2024/SBN')).toBeDefined();
    expect(pinned(await attack(seen, '2024Q4/SBN'), defaultThresholds.coalition)).toBe(false);
  });

  test('a county is not pinned through the coalition and the other county', async ({
    approve,
    coalition,
    db,
    publish,
  }) => {
    // Survivors met through illicit massage businesses, two agencies in each county, each with half
    // its county's count. Santa Clara: 10 in 2023Q4, then 4 a quarter. San Benito: 0, then 4, 4, 4
    // (its fiscal year 2024: 12), then 6 (its year: 18). Every coalition quarter (10, 8, 8, 8, 10)
    // is publishable, and so are both counties' years. San Benito's last quarter follows from its
    // year and fiscal year (18 − 12 + 0 = 6), and Santa Clara's from the coalition's 10 less those
    // 6: 4. A release audited with its own year alone misses it: 2024Q4's holds the year 2024, not
    // the fiscal year that ended before it.
    const county = (code: string) =>
      db.prepare('SELECT id FROM org_units WHERE code = ?').pluck().get(code) as number;
    const agency = (code: string, parent: string, agencyType: 'victim_services' | 'legal_services') =>
      insertOrgUnit(db, { code, name: code, level: 'agency', parentId: county(parent), agencyType });
    const brook = agency('BROOK', 'SCL', 'victim_services');
    const mesa = agency('MESA', 'SBN', 'legal_services');
    const santaClara = [5, 2, 2, 2, 2];
    const sanBenito = [0, 2, 2, 2, 3];
    const context = (n: number) => ({
      trafficking_context: n,
      'trafficking_context.venue.sex_illicit_massage': n,
    });
    const report = (agencyId: number, quarter: string, values: Record<string, number>) =>
      approveReport(db, {
        agencyId,
        period: quarter,
        values,
        reporterId: coalition.users.riverReporter,
        adminId: coalition.users.admin,
      });
    quarters.forEach((quarter, i) => {
      const clara = context(santaClara[i] as number);
      const benito = context(sanBenito[i] as number);
      approve('river', quarter, { ...survivorsQuarter(catalog, 'victim_services', 20, 4), ...clara });
      report(brook, quarter, { ...survivorsQuarter(catalog, 'victim_services', 20, 4), ...clara });
      approve('hills', quarter, { ...survivorsQuarter(catalog, 'health_care', 12, 2), ...benito });
      report(mesa, quarter, { ...survivorsQuarter(catalog, 'legal_services', 12, 2), ...benito });
    });
    for (const quarter of quarters) expect((await publish(quarter)).status).toBe('published');
    const seen = shown(db, ['coalition', 'public'], 'trafficking_context.venue', 'sex_illicit_massage');
    expect(seen.get('2024Q4/coalition')).toEqual({ value: 10, suppressed: false });
    expect(pinned(await attack(seen, '2024Q4/SCL'), defaultThresholds.coalition)).toBe(false);
  });

  test('a member combining the public figures with their own pins nothing', async ({
    approve,
    publish,
    db,
  }) => {
    // New survivors with a disability: 8, 8, 8, then 3 in the last quarter. The public (T = 11)
    // sees the year's 27 and no quarter; members (T = 5) see the first three quarters. Publishing
    // both would give the last quarter away to a member: 27 − 24 = 3.
    const disabled = [8, 8, 8, 3];
    const year = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'];
    year.forEach((quarter, i) => {
      const k = disabled[i] as number;
      const river = survivorsQuarter(catalog, 'victim_services', 40, 6);
      for (const element of ['survivors_served', 'new_survivors']) {
        river[`${element}.disability.yes`] = k;
        river[`${element}.disability.no`] = 40 - k;
      }
      approve('river', quarter, river);
      approve('hills', quarter, survivorsQuarter(catalog, 'health_care', 12, 3));
    });
    for (const quarter of year) expect((await publish(quarter)).status).toBe('published');
    const publicSeen = shown(db, ['public'], 'new_survivors.disability', 'yes');
    const memberSeen = shown(db, ['coalition', 'public'], 'new_survivors.disability', 'yes');
    expect(memberSeen.get('2025Q4/coalition')?.suppressed).toBe(true);
    // Whatever the public sees, members see, with the same value.
    for (const [at, cell] of publicSeen) if (!cell.suppressed) expect(memberSeen.get(at), at).toEqual(cell);
    expect(pinned(await attack(memberSeen, '2025Q4/coalition'), defaultThresholds.coalition)).toBe(false);
  });
});
