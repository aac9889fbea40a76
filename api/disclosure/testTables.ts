/**
 * Small synthetic tables for the disclosure tests: cells with agency contributions and the sum
 * relations of a table with margins, each along its axis (as the cube gives them).
 */
import { expect } from 'vitest';
import { feasibilityIntervals } from './protect';
import type { CubeCell, ProtectionResult, Relation } from './types';

export type Contributions = Record<string, number>;

export function cell(id: string, value: number | Contributions, options: Partial<CubeCell> = {}): CubeCell {
  const contributions = typeof value === 'number' ? { A: value } : value;
  const total = Object.values(contributions).reduce((s, v) => s + v, 0);
  return {
    id,
    kind: 'people',
    value: total,
    contributions: new Map(Object.entries(contributions)),
    marginal: id.includes('_total'),
    ...options,
  };
}

/** A one-way table: parts and their total (the sum of the parts, contributions summed per agency). */
export function oneWay(prefix: string, parts: Array<number | Contributions>) {
  const partCells = parts.map((p, i) => cell(`${prefix}/p${i + 1}`, p));
  const totalCell = cell(`${prefix}/_total`, sumContributions(partCells));
  const cells = [totalCell, ...partCells];
  const relations: Relation[] = [
    { kind: 'sum', total: totalCell.id, parts: partCells.map((c) => c.id), axis: 'option' },
  ];
  return { cells, relations, total: totalCell, parts: partCells };
}

function sumContributions(cells: CubeCell[]): Contributions {
  const out: Contributions = {};
  for (const c of cells) for (const [agency, v] of c.contributions) out[agency] = (out[agency] ?? 0) + v;
  return out;
}

/**
 * A two-way table with row, column and grand totals. `inner[r][c]` is a count (one agency, A) or
 * contributions by agency.
 */
export function twoWay(prefix: string, inner: Array<Array<number | Contributions>>) {
  const id = (r: number | '_total', c: number | '_total') =>
    `${prefix}/${r === '_total' ? '_total' : `r${r + 1}`}|${c === '_total' ? '_total' : `c${c + 1}`}`;
  const inside = inner.map((row, r) => row.map((v, c) => cell(id(r, c), v)));
  const rowTotals = inside.map((row, r) => cell(id(r, '_total'), sumContributions(row)));
  const columns = (inner[0] ?? []).map((_, c) => inside.map((row) => row[c] as CubeCell));
  const colTotals = columns.map((col, c) => cell(id('_total', c), sumContributions(col)));
  const grand = cell(id('_total', '_total'), sumContributions(rowTotals));
  const relations: Relation[] = [
    ...inside.map((row, r) => ({
      kind: 'sum' as const,
      total: (rowTotals[r] as CubeCell).id,
      parts: row.map((c) => c.id),
      axis: 'column',
    })),
    ...columns.map((col, c) => ({
      kind: 'sum' as const,
      total: (colTotals[c] as CubeCell).id,
      parts: col.map((x) => x.id),
      axis: 'row',
    })),
    { kind: 'sum', total: grand.id, parts: rowTotals.map((c) => c.id), axis: 'row' },
    { kind: 'sum', total: grand.id, parts: colTotals.map((c) => c.id), axis: 'column' },
  ];
  return {
    cells: [grand, ...rowTotals, ...colTotals, ...inside.flat()],
    relations,
    inside,
    rowTotals,
    colTotals,
    grand,
    id,
  };
}

/** Relations saying each coalition cell is the sum of the same cell in each county. */
export function geographyRelations(coalition: CubeCell[], counties: CubeCell[][]): Relation[] {
  return coalition.map((c, i) => ({
    kind: 'sum',
    total: c.id,
    parts: counties.map((county) => (county[i] as CubeCell).id),
    axis: 'geo',
  }));
}

/** Sums cells position by position (the coalition from its counties), contributions included. */
export function addCells(prefix: string, tables: CubeCell[][]): CubeCell[] {
  return (tables[0] ?? []).map((first, i) => {
    const suffix = first.id.slice(first.id.indexOf('/'));
    return cell(`${prefix}${suffix}`, sumContributions(tables.map((t) => t[i] as CubeCell)), {
      marginal: true,
    });
  });
}

/** The same relations without their axes: only the LP can then prove a cell safe. */
export const withoutAxes = (relations: readonly Relation[]): Relation[] =>
  relations.map((r) => (r.kind === 'sum' ? { kind: 'sum', total: r.total, parts: r.parts } : r));

/** Every hidden cell's interval, as an outsider and as each agency, must not pin a small count. */
export async function expectProtected(
  cells: CubeCell[],
  relations: Relation[],
  result: ProtectionResult,
  threshold: number,
) {
  const hidden = new Set(result.cells.filter((c) => c.suppressed).map((c) => c.id));
  const agencies = new Set(cells.flatMap((c) => [...c.contributions.keys()]));
  const small = cells.filter((c) => hidden.has(c.id) && c.value >= 1 && c.value < threshold);
  const outsider = await feasibilityIntervals(cells, relations, hidden);
  for (const c of small) {
    const interval = outsider.get(c.id);
    expect(interval?.lower, c.id).toBeLessThanOrEqual(0);
    expect(interval?.upper, c.id).toBeGreaterThanOrEqual(threshold);
  }
  for (const agency of agencies) {
    const view = await feasibilityIntervals(cells, relations, hidden, agency);
    for (const c of cells.filter((x) => hidden.has(x.id))) {
      const remainder = c.value - (c.contributions.get(agency) ?? 0);
      if ((c.contributions.get(agency) ?? 0) > 0 && remainder > 0 && remainder < threshold) {
        expect(view.get(c.id)?.lower, `${c.id} as seen by ${agency}`).toBeLessThanOrEqual(0);
        expect(view.get(c.id)?.upper, `${c.id} as seen by ${agency}`).toBeGreaterThanOrEqual(threshold);
      }
    }
  }
}

/**
 * Six counties' 3 × 4 tables of small counts, each county its own group, and the coalition's sum of
 * them: one component linked through the coalition table. With `sharedBy`, a second agency per
 * county holds a small part of each non-zero cell.
 */
export function sixCounties(options: { sharedBy?: boolean } = {}) {
  const counties = [1, 2, 3, 4, 5, 6].map((seed) =>
    twoWay(
      `K${seed}`,
      [0, 1, 2].map((r) =>
        [0, 1, 2, 3].map((c): number | Contributions => {
          if ((r * 5 + c * 3 + seed) % 7 === 0) return 0;
          const a = ((r * 7 + c * 5 + seed * 3) % 11) + 1;
          return options.sharedBy ? { A: a, [`B${seed}`]: (r + c + seed) % 3 } : a;
        }),
      ),
    ),
  );
  const countyCells = counties.map((k, i) => k.cells.map((c) => ({ ...c, group: `K${i + 1}` })));
  const coalition = addCells('C', countyCells).map((c) => ({ ...c, group: 'coalition' }));
  return {
    cells: [...countyCells.flat(), ...coalition],
    relations: [...counties.flatMap((k) => k.relations), ...geographyRelations(coalition, countyCells)],
  };
}

/** Two counties' 4 × 5 tables of small counts and the coalition's sum of them. */
export function twoCountiesAndCoalition() {
  const county = (prefix: string, seed: number) =>
    twoWay(
      prefix,
      [0, 1, 2, 3].map((r) =>
        [0, 1, 2, 3, 4].map((c) =>
          (r * 7 + c * 3 + seed) % 9 === 0 ? 0 : ((r * 5 + c * 11 + seed) % 13) + 1,
        ),
      ),
    );
  const a = county('A', 1);
  const b = county('B', 4);
  const coalition = addCells('C', [a.cells, b.cells]);
  return {
    cells: [...a.cells, ...b.cells, ...coalition],
    relations: [...a.relations, ...b.relations, ...geographyRelations(coalition, [a.cells, b.cells])],
  };
}

/**
 * The textbook tables the engine is measured on (at T = 5): a 3 × 3 table with one small count, a
 * 3 × 4 table with several, two counties and their coalition, six counties linked through theirs,
 * and the six counties again with a second agency's small share in every cell (insiders to audit).
 */
export function textbookTables(): Array<{ name: string; cells: CubeCell[]; relations: Relation[] }> {
  const table = (name: string, t: { cells: CubeCell[]; relations: Relation[] }) => ({
    name,
    cells: t.cells,
    relations: t.relations,
  });
  return [
    table(
      'one small count, 3 × 3',
      twoWay('t', [
        [2, 30, 40],
        [25, 35, 45],
        [20, 50, 60],
      ]),
    ),
    table(
      'many small counts, 3 × 4',
      twoWay('t', [
        [1, 7, 2, 9],
        [4, 4, 12, 3],
        [6, 0, 8, 2],
      ]),
    ),
    table('two counties and the coalition', twoCountiesAndCoalition()),
    table('six counties and the coalition', sixCounties()),
    table('six counties, two agencies each', sixCounties({ sharedBy: true })),
  ];
}
