import { describe, expect, test } from 'vitest';
import { type GaussInput, gaussSuppression } from './gauss';
import { feasibilityIntervals } from './protect';
import { oneWay, twoWay } from './testTables';
import type { CubeCell, Relation } from './types';

/**
 * Runs the pass as protect() sets it up: cells under T hidden and protected, zeros known, the rest
 * candidates by value × cost factor, most valuable first. Returns the hidden ids (primary and not).
 */
function suppress(
  cells: readonly CubeCell[],
  relations: readonly Relation[],
  options: { threshold?: number; order?: (a: CubeCell, b: CubeCell) => number } = {},
) {
  const threshold = options.threshold ?? 5;
  const index = new Map(cells.map((c, i) => [c.id, i]));
  const at = (id: string) => index.get(id) as number;
  const sums = relations.flatMap((r) => (r.kind === 'sum' ? [[at(r.total), ...r.parts.map(at)]] : []));
  const small = (c: CubeCell) => c.value >= 1 && c.value < threshold;
  const frozenHidden = (c: CubeCell) => c.frozen?.suppressed === true;
  const protectedCells = cells.flatMap((c, i) => (small(c) || frozenHidden(c) ? [i] : []));
  const cost = (c: CubeCell) => c.value * (c.costFactor ?? (c.marginal ? 10 : 1));
  const order = options.order ?? ((a, b) => cost(b) - cost(a) || (a.id < b.id ? -1 : 1));
  const candidates = cells
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !small(c) && !c.frozen && c.value > 0)
    .sort((a, b) => order(a.c, b.c))
    .map(({ i }) => i);
  const input: GaussInput = {
    cellCount: cells.length,
    sums,
    views: [
      {
        known: (i) => !protectedCells.includes(i) && !candidates.includes(i),
        protectedCells,
      },
    ],
    candidates,
  };
  const result = gaussSuppression(input);
  const hidden = new Set([...protectedCells, ...result.hidden].map((i) => (cells[i] as CubeCell).id));
  return { hidden, complements: result.hidden.map((i) => (cells[i] as CubeCell).id), result };
}

/**
 * Whether each hidden cell can be pinned, by LP over every relation and published cell: with every
 * hidden value above zero, a cell the relations do not determine can move, so its interval is wide.
 */
async function pinned(cells: CubeCell[], relations: Relation[], hidden: ReadonlySet<string>) {
  const intervals = await feasibilityIntervals(cells, relations, hidden);
  return [...intervals].filter(([, i]) => i.upper - i.lower < 1e-6).map(([id]) => id);
}

describe('the elimination pass', () => {
  test('a 2 × 2 table with one small count hides the rectangle and keeps every total', async () => {
    const table = twoWay('t', [
      [2, 30],
      [25, 35],
    ]);
    const { hidden } = suppress(table.cells, table.relations);
    expect(hidden).toEqual(new Set(table.inside.flat().map((c) => c.id)));
    expect(await pinned(table.cells, table.relations, hidden)).toEqual([]);
  });

  test('a cell that can already be worked out is published, not hidden', () => {
    // `copy` repeats the total, which an earlier release published: the total follows from it, so
    // hiding the total would protect nothing; the part beside the small count must go instead.
    const table = oneWay('t', [2, 40]);
    const copy: CubeCell = { ...table.total, id: 'copy', frozen: { suppressed: false } };
    const cells = [...table.cells, copy];
    const relations: Relation[] = [...table.relations, { kind: 'sum', total: 'copy', parts: ['t/_total'] }];
    const { hidden } = suppress(cells, relations, {
      // Decide the total last, so that it is the cheapest way to protect the small count.
      order: (a, b) => (a.id === 't/_total' ? 1 : b.id === 't/_total' ? -1 : 0),
    });
    expect(hidden).toEqual(new Set(['t/p1', 't/p2']));
  });

  test('known cells and protected cells are never decided: a cell an earlier release hid stays protected', async () => {
    // t/p1 was hidden by an earlier release (its value is no longer small); t/p3 was published.
    const table = oneWay('t', [12, 30, 40, 50]);
    const cells = table.cells.map((c) =>
      c.id === 't/p1'
        ? { ...c, frozen: { suppressed: true } }
        : c.id === 't/p3'
          ? { ...c, frozen: { suppressed: false } }
          : c,
    );
    const { hidden, complements } = suppress(cells, table.relations);
    expect(hidden.has('t/p3')).toBe(false);
    expect(complements).not.toContain('t/p1');
    // Exactly one more cell is needed, and it is the cheapest part: the total is kept.
    expect(complements).toEqual(['t/p2']);
    expect(await pinned(cells, table.relations, hidden)).toEqual([]);
  });

  test('zeros are known, never complements', () => {
    const table = oneWay('t', [2, 0, 0, 9]);
    const { complements } = suppress(table.cells, table.relations);
    expect(complements).toEqual(['t/p4']);
  });

  test('no hidden count can be pinned, and no complement is spare', async () => {
    // Tables with many small counts, each a different pattern.
    for (const seed of [1, 2, 3, 4, 5]) {
      const table = twoWay(
        `s${seed}`,
        [0, 1, 2, 3].map((r) => [0, 1, 2, 3].map((c) => ((r * 7 + c * 5 + seed * 3) % 11) * 2 + 1)),
      );
      const { hidden, complements } = suppress(table.cells, table.relations);
      expect(await pinned(table.cells, table.relations, hidden), `seed ${seed}`).toEqual([]);
      // Publishing any one complement would pin some small count.
      for (const id of complements) {
        const fewer = new Set([...hidden].filter((h) => h !== id));
        expect((await pinned(table.cells, table.relations, fewer)).length, `${id}`).toBeGreaterThan(0);
      }
    }
  });

  test('the same pattern whatever order the relations and their parts come in', () => {
    const table = twoWay('t', [
      [1, 7, 2, 9],
      [4, 4, 12, 3],
      [6, 0, 8, 2],
    ]);
    const first = suppress(table.cells, table.relations);
    const shuffled = [...table.relations]
      .reverse()
      .map((r) => (r.kind === 'sum' ? { ...r, parts: [...r.parts].reverse() } : r));
    const second = suppress([...table.cells].reverse(), shuffled);
    expect([...second.hidden].sort()).toEqual([...first.hidden].sort());
  });

  test('atMost relations are left to the audit: they neither pin nor break the pass', async () => {
    // A multi-select table: each option at most the total, the options not adding up to it.
    const total: CubeCell = { ...oneWay('m', [1]).total, value: 20, contributions: new Map([['A', 20]]) };
    const option = (id: string, value: number): CubeCell => ({
      ...total,
      id,
      value,
      contributions: new Map([['A', value]]),
      marginal: false,
    });
    const cells = [total, option('m/o1', 3), option('m/o2', 15), option('m/o3', 12)];
    const relations: Relation[] = cells
      .slice(1)
      .map((c) => ({ kind: 'atMost', cell: c.id, bound: total.id }));
    const { hidden, complements } = suppress(cells, relations);
    expect(complements).toEqual([]);
    expect(hidden).toEqual(new Set(['m/o1']));
  });

  test('a protected cell the known cells already pin is reported, not hidden around', () => {
    // An earlier release published both the total and the other part.
    const table = oneWay('t', [2, 40]);
    const cells = table.cells.map((c) => (c.id === 't/p1' ? c : { ...c, frozen: { suppressed: false } }));
    const { result, complements } = suppress(cells, table.relations);
    expect(complements).toEqual([]);
    expect(result.exposed.map((i) => (cells[i] as CubeCell).id)).toEqual(['t/p1']);
  });
});
