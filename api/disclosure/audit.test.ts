import { expect, test } from 'vitest';
import { releaseTimeout } from '../testTimeouts';
import { auditComponent, rowOf } from './audit';
import { feasibilityIntervals, loadHighs, protect } from './protect';
import { sixCounties, withoutAxes } from './testTables';
import type { CubeCell } from './types';

test('every way a large component is split (county regions, neighbourhoods, wider regions) proves only what the exact LP proves', {
  timeout: releaseTimeout,
}, async () => {
  // Without axes: no certificates, only the LP over the ways of splitting the component.
  const { cells, relations: withAxes } = sixCounties();
  const relations = withoutAxes(withAxes);
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
  const rows = relations.map((r) => rowOf(r, (id) => index.get(id) as number));
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
