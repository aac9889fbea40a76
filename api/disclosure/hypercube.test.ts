import { expect, test } from 'vitest';
import { releaseTimeout } from '../testTimeouts';
import { protect } from './protect';
import {
  addCells,
  type Contributions,
  cell,
  expectProtected,
  geographyRelations,
  sixCounties,
  twoWay,
  withoutAxes,
} from './testTables';
import type { CubeCell, Relation } from './types';

const protectLarge = (cells: CubeCell[], relations: Relation[]) =>
  // A whole-component limit of 0 leaves what certificates cannot prove to regions, as statewide.
  protect({ cells, relations, audience: 'coalition', threshold: 5, wholeComponentLimit: 0 });

test('cells proven by certificates stand up to the exact LP audit, for an outsider and every agency', {
  timeout: releaseTimeout,
}, async () => {
  const { cells, relations } = sixCounties({ sharedBy: true });
  const certified = await protectLarge(cells, relations);
  expect(certified.status).toBe('passed');
  expect(certified.stats.primary).toBeGreaterThan(5);
  await expectProtected(cells, relations, certified, 5);
  // Without the axes the same release needs the LP for every cell; with them, far fewer LPs.
  const byLp = await protectLarge(cells, withoutAxes(relations));
  expect(byLp.status).toBe('passed');
  expect(certified.stats.lpsSolved).toBeLessThan(byLp.stats.lpsSolved / 2);
});

test('a lone small cell beside published totals is proven by the rectangle hidden around it, without an LP', async () => {
  const table = twoWay('t', [
    [20, 30, 25, 12],
    [35, 2, 45, 30],
    [25, 40, 35, 20],
  ]);
  // The rule-based complements close a rectangle (the cheap corner settles its row and column).
  const cells = table.cells.map((c) => ({ ...c, group: 't' }));
  const result = await protectLarge(cells, table.relations);
  expect(result.status).toBe('passed');
  expect(result.stats.lpsSolved).toBe(0);
  const hidden = result.cells.filter((c) => c.suppressed).map((c) => c.id);
  // The cell, one partner in its row and one in its column, and the corner opposite.
  expect(hidden).toHaveLength(4);
  expect(hidden).toContain(table.id(1, 1));
  expect(hidden.filter((id) => id.startsWith('t/r2|'))).toHaveLength(2);
  expect(hidden.filter((id) => id.endsWith('|c2'))).toHaveLength(2);
  await expectProtected(cells, table.relations, result, 5);
});

test("an agency that knows its own parts gets a certificate only where the others' parts can move", async () => {
  // The target's 3 is A's 1 and B's 2. B's only other parts are 5s (so A learns nothing small from
  // them); elsewhere A knows the cells in full and no certificate may move them in A's view.
  const table = twoWay('t', [
    [{ A: 1, B: 2 }, { A: 30 }, { A: 25, B: 5 }],
    [{ A: 28 }, { A: 30 }, { A: 26 }],
    [{ A: 27, B: 5 }, { A: 29 }, { A: 31 }],
  ]);
  const cells = table.cells.map((c) => ({ ...c, group: 't' }));
  const result = await protectLarge(cells, table.relations);
  expect(result.status).toBe('passed');
  await expectProtected(cells, table.relations, result, 5);
});

test('a county holding one survivor is protected by moving its whole block, which an LP confirms', {
  timeout: releaseTimeout,
}, async () => {
  // One element broken down four ways, sharing its total, in three counties and the coalition. K1
  // served one survivor: each breakdown of that person is a lone 1 beside zeros, so no cell can move
  // with a few partners, only K1's block as a whole (and a partner county's, the other way).
  const tables = ['gender', 'age', 'citizenship', 'disability'];
  const county = (name: string, profiles: Contributions[][]) => {
    const total = cell(`${name}/_total`, sum(profiles[0] ?? []), { group: name, block: name });
    const parts = tables.flatMap((table, t) =>
      (profiles[t] ?? []).map((v, i) => cell(`${name}/${table}/o${i + 1}`, v, { group: name, block: name })),
    );
    return [total, ...parts];
  };
  const one = (position: number): Contributions[] =>
    [0, 1, 2].map((i): Contributions => (i === position ? { A: 1 } : {}));
  const counties = [
    county('K1', [one(0), one(1), one(2), one(0)]),
    county('K2', [
      [{ B: 30 }, { B: 25 }, { B: 6 }],
      [{ B: 20 }, { B: 33 }, { B: 8 }],
      [{ B: 11 }, { B: 27 }, { B: 23 }],
      [{ B: 40 }, { B: 9 }, { B: 12 }],
    ]),
    county('K3', [
      [{ C: 40 }, { C: 35 }, { C: 7 }],
      [{ C: 27 }, { C: 46 }, { C: 9 }],
      [{ C: 30 }, { C: 31 }, { C: 21 }],
      [{ C: 52 }, { C: 18 }, { C: 12 }],
    ]),
  ];
  const coalition = addCells('C', counties).map((c) => ({ ...c, group: 'coalition', block: 'coalition' }));
  const tableRelations = (cells: CubeCell[]): Relation[] => {
    const [total, ...parts] = cells as [CubeCell, ...CubeCell[]];
    return tables.map((table) => ({
      kind: 'sum',
      total: total.id,
      parts: parts.filter((c) => c.id.includes(`/${table}/`)).map((c) => c.id),
      axis: table,
    }));
  };
  const cells = [...counties.flat(), ...coalition];
  const relations = [
    ...[...counties, coalition].flatMap(tableRelations),
    ...geographyRelations(coalition, counties),
  ];
  const result = await protectLarge(cells, relations);
  expect(result.status).toBe('passed');
  expect(result.stats.lpsSolved).toBe(0);
  const hidden = new Set(result.cells.filter((c) => c.suppressed).map((c) => c.id));
  for (const id of ['K1/_total', 'K1/gender/o1', 'K1/age/o2', 'K1/citizenship/o3'])
    expect(hidden).toContain(id);
  await expectProtected(cells, relations, result, 5);
});

function sum(values: Contributions[]): Contributions {
  const out: Contributions = {};
  for (const v of values) for (const [agency, n] of Object.entries(v)) out[agency] = (out[agency] ?? 0) + n;
  return out;
}
