import { expect, test } from 'vitest';
import { auditComponent, type Row } from './audit';
import { feasibilityIntervals, loadHighs, protect } from './protect';
import { addCells, geographyRelations, twoWay, withoutAxes } from './testTables';
import type { CubeCell } from './types';

/** Six counties' small tables and the coalition's, each county its own group; no axes (LP only). */
function sixCounties() {
  const counties = [1, 2, 3, 4, 5, 6].map((seed) =>
    twoWay(
      `K${seed}`,
      [0, 1, 2].map((r) =>
        [0, 1, 2, 3].map((c) =>
          (r * 5 + c * 3 + seed) % 7 === 0 ? 0 : ((r * 7 + c * 5 + seed * 3) % 11) + 1,
        ),
      ),
    ),
  );
  const countyCells = counties.map((k, i) => k.cells.map((c) => ({ ...c, group: `K${i + 1}` })));
  const coalition = addCells('C', countyCells).map((c) => ({ ...c, group: 'coalition' }));
  return {
    cells: [...countyCells.flat(), ...coalition],
    relations: withoutAxes([
      ...counties.flatMap((k) => k.relations),
      ...geographyRelations(coalition, countyCells),
    ]),
  };
}

test('every way a large component is split (county regions, neighbourhoods, wider regions) proves only what the exact LP proves', async () => {
  const { cells, relations } = sixCounties();
  // A pattern the exact audit passes, then some of its complements published again: some small
  // cells are now exposed, some still safe.
  const safe = await protect({ cells, relations, audience: 'coalition', threshold: 5 });
  expect(safe.status).toBe('passed');
  const complements = safe.cells.filter((c) => c.suppressed && c.reason === 'complementary');
  const republished = new Set(complements.filter((_, k) => k % 7 === 0).map((c) => c.id));
  const hiddenIds = new Set(
    safe.cells.filter((c) => c.suppressed && !republished.has(c.id)).map((c) => c.id),
  );
  const exact = await feasibilityIntervals(cells, relations, hiddenIds);
  const hidden = new Uint8Array(cells.length);
  cells.forEach((c, i) => {
    if (hiddenIds.has(c.id)) hidden[i] = 1;
  });
  const index = new Map(cells.map((c, i) => [c.id, i]));
  const rows: Row[] = relations.flatMap((r) =>
    r.kind === 'sum'
      ? [
          {
            members: [
              { cell: index.get(r.total) as number, coefficient: 1 },
              ...r.parts.map((p) => ({ cell: index.get(p) as number, coefficient: -1 })),
            ],
            lower: 0,
            upper: 0,
          },
        ]
      : [],
  );
  const component = {
    cells: cells.flatMap((_, i) => (hidden[i] ? [i] : [])),
    rows: rows.filter((row) => row.members.some((m) => hidden[m.cell])),
  };
  const targets = component.cells.filter((i) => {
    const value = (cells[i] as CubeCell).value;
    return value >= 1 && value < 5;
  });
  const exposedExactly = targets.filter((i) => {
    const interval = exact.get((cells[i] as CubeCell).id);
    return !interval || interval.lower > 0 || interval.upper < 5;
  });
  expect(exposedExactly.length).toBeGreaterThan(0);
  expect(exposedExactly.length).toBeLessThan(targets.length);

  const highs = await loadHighs();
  for (const round of [1, 2, 4]) {
    const findings = await auditComponent(
      { highs, cells, component, hidden, threshold: 5, round, wholeComponentLimit: 0, countLp: () => {} },
      [{ insider: null, targets }],
    );
    const reported = new Set(findings.map((f) => f.cell));
    for (const i of exposedExactly) expect(reported, `round ${round}`).toContain((cells[i] as CubeCell).id);
    expect(reported.size, `round ${round} proves some cells`).toBeLessThan(targets.length);
  }
});
