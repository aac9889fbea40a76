/**
 * Disclosure protection for one audience: primary suppression (threshold and insider rule),
 * complementary suppression over every additivity relation (an elimination pass that keeps the most
 * valuable cells, `gauss.ts`, and rules for sums under T), and an audit that proves no hidden cell
 * can be narrowed down — by an outsider, or by an agency that knows its own numbers: certificates
 * first (consistent tables built directly, `hypercube.ts`), the LP for the rest (`audit.ts`). Cells
 * the audit can still narrow get more suppression and the loop runs again; if that doesn't settle,
 * the result fails and nothing may be published.
 */
import highsLoader, { type Highs } from 'highs';
import { auditComponent, defaultWholeComponentLimit, type Row, rowOf, type View } from './audit';
import { GaussOverflow, gaussSuppression } from './gauss';
import { type CertificateContext, certificate, type Goal, Lattice } from './hypercube';
import { type RegionThread, regionThread } from './regionThreads';
import {
  type AuditFinding,
  type ComplementStrategy,
  type CubeCell,
  minimumThresholds,
  type ProtectionResult,
  type Relation,
} from './types';

let highsRuntime: Promise<Highs> | undefined;
/** The LP solver, loaded once per process. */
export function loadHighs(): Promise<Highs> {
  highsRuntime ??= highsLoader();
  return highsRuntime;
}

export type ProtectInput = {
  cells: readonly CubeCell[];
  relations: readonly Relation[];
  audience: 'coalition' | 'public';
  threshold: number;
  /** Called as the audit proceeds; awaited, so a caller can yield to the event loop. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Rounds of audit and extra suppression before giving up (fail closed). */
  maxRounds?: number;
  /** Components with more hidden cells than this are audited by regions (default 1,000). */
  wholeComponentLimit?: number;
  /**
   * How complements are chosen (see `ComplementStrategy`); by default both ways for a cube of up to
   * 20,000 cells, keeping the pattern that costs less, and `rules` alone for a larger one.
   */
  complements?: ComplementStrategy | 'best';
};

/** How many relations away from an exposed cell the repair looks for a cell to hide. */
const repairReach = 8;

/** Thrown for a policy that would protect too little. */
export class PolicyError extends Error {}

/**
 * The small counts that must not be learnable: a people cell 1 ≤ v < T, and a people cell where some
 * agency's contribution leaves the others with 0 < v − v_a < T. For each, which agencies' insider
 * view must be audited (those whose remainder is small and non-zero).
 */
function sensitiveCells(cells: readonly CubeCell[], threshold: number) {
  const threshold_ = new Set<number>();
  const insiders = new Map<number, string[]>();
  cells.forEach((cell, i) => {
    if (cell.kind !== 'people' || cell.stale) return;
    if (cell.value >= 1 && cell.value < threshold) threshold_.add(i);
    const agencies: string[] = [];
    for (const [agency, part] of cell.contributions) {
      const remainder = cell.value - part;
      if (part > 0 && remainder > 0 && remainder < threshold) agencies.push(agency);
    }
    if (agencies.length > 0) insiders.set(i, agencies.sort());
  });
  return { threshold: threshold_, insiders };
}

/**
 * Whose view a component's audit takes: the outsider's, for its cells under the threshold; and each
 * agency's with a small, non-zero remainder in one of its cells (the insider rule's threat). Agencies
 * that contribute nothing to a cell are not separately audited for it.
 */
function viewsOf(
  componentCells: readonly number[],
  primary: ReadonlySet<number>,
  sensitive: ReturnType<typeof sensitiveCells>,
): View[] {
  const audited = componentCells.filter((cell) => primary.has(cell)).sort((a, b) => a - b);
  const insiders = new Map<string, number[]>();
  for (const cell of audited)
    for (const agency of sensitive.insiders.get(cell) ?? []) {
      const targets = insiders.get(agency) ?? [];
      targets.push(cell);
      insiders.set(agency, targets);
    }
  return [
    { insider: null, targets: audited.filter((cell) => sensitive.threshold.has(cell)) },
    ...[...insiders.keys()]
      .sort()
      .map((agency) => ({ insider: agency, targets: insiders.get(agency) ?? [] })),
  ];
}

/** Up to this many cells, `protect()` tries both strategies and keeps the cheaper pattern. */
const bothStrategiesLimit = 20_000;

/** What hiding a cell costs: its value, times ten for totals and marginals, more for headline totals. */
export const hidingCost = (cell: CubeCell) => cell.value * (cell.costFactor ?? (cell.marginal ? 10 : 1));

/**
 * Protects a cube for one audience. Deterministic: the same input gives the same pattern. A pattern
 * that passes the audit beats one that fails; between two that pass, the one whose hidden cells (of
 * this release's own, when the cube says which) cost less.
 */
export async function protect(input: ProtectInput): Promise<ProtectionResult> {
  const started = performance.now();
  const { cells, audience, threshold } = input;
  if (!Number.isInteger(threshold) || threshold < minimumThresholds[audience])
    throw new PolicyError(
      `A threshold of ${threshold} is too low for the ${audience} audience: it must be at least ${minimumThresholds[audience]}.`,
    );
  const asked = input.complements ?? 'best';
  const strategies: ComplementStrategy[] =
    asked !== 'best' ? [asked] : cells.length <= bothStrategiesLimit ? ['gauss', 'rules'] : ['rules'];
  const owned = ownedCells(cells);
  const costOf = (result: ProtectionResult) =>
    result.cells.reduce(
      (sum, c, i) => sum + (c.suppressed && owned(i) ? hidingCost(cells[i] as CubeCell) : 0),
      0,
    );
  let best: ProtectionResult | undefined;
  let lpsSolved = 0;
  for (const strategy of strategies) {
    const result = await protectWith(input, strategy);
    lpsSolved += result.stats.lpsSolved;
    const better =
      !best ||
      (result.status === 'passed' && best.status === 'failed') ||
      (result.status === best.status && costOf(result) < costOf(best));
    if (better) best = result;
  }
  const chosen = best as ProtectionResult;
  return { ...chosen, stats: { ...chosen.stats, lpsSolved, seconds: (performance.now() - started) / 1000 } };
}

/** Whether a cell is this release's own: the cells marked `owned`, or every cell when none is marked. */
function ownedCells(cells: readonly CubeCell[]) {
  const marked = cells.some((c) => c.owned !== undefined);
  return (i: number) => !marked || cells[i]?.owned === true;
}

/**
 * What hiding takes from a reader, over the people cells this release publishes: overall, at the
 * coalition level (cells of the `coalition` group) and below it (every other group).
 */
function informationLoss(cells: readonly CubeCell[], hidden: Uint8Array): ProtectionResult['stats']['loss'] {
  const owned = ownedCells(cells);
  const tally = () => ({ count: 0, hiddenCount: 0, nonZero: 0, hiddenNonZero: 0 });
  const levels = { all: tally(), coalition: tally(), county: tally() };
  cells.forEach((cell, i) => {
    if (cell.kind !== 'people' || !owned(i) || cell.value === 0) return;
    for (const level of [levels.all, cell.group === 'coalition' ? levels.coalition : levels.county]) {
      level.count += cell.value;
      level.nonZero++;
      if (hidden[i]) {
        level.hiddenCount += cell.value;
        level.hiddenNonZero++;
      }
    }
  });
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  const lossOf = (t: ReturnType<typeof tally>) => ({
    count: share(t.hiddenCount, t.count),
    nonZeroCells: share(t.hiddenNonZero, t.nonZero),
  });
  return { all: lossOf(levels.all), coalition: lossOf(levels.coalition), county: lossOf(levels.county) };
}

/** One strategy's pattern, certified and audited. */
async function protectWith(input: ProtectInput, strategy: ComplementStrategy): Promise<ProtectionResult> {
  const started = performance.now();
  const { cells, relations, audience, threshold } = input;
  const legacy = strategy === 'legacy';
  const index = new Map(cells.map((c, i) => [c.id, i]));
  if (index.size !== cells.length) throw new Error('cube cell ids must be unique');
  const at = (id: string) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`a relation names unknown cell ${id}`);
    return i;
  };

  // Relations in a canonical order, so the pattern doesn't depend on the order they were given in.
  const relationKey = (r: Relation) =>
    r.kind === 'sum' ? `s ${r.total} ${[...r.parts].sort().join(' ')}` : `a ${r.cell} ${r.bound}`;
  const ordered = [...relations].sort((a, b) =>
    relationKey(a) < relationKey(b) ? -1 : relationKey(a) > relationKey(b) ? 1 : 0,
  );
  const sums = ordered.flatMap((r) => (r.kind === 'sum' ? [[at(r.total), ...r.parts.map(at)]] : []));
  const rows: Row[] = ordered.map((r) => rowOf(r, at));
  const relationsOf: number[][] = cells.map(() => []);
  sums.forEach((members, r) => {
    for (const m of members) relationsOf[m]?.push(r);
  });
  const rowsOf: number[][] = cells.map(() => []);
  rows.forEach((row, r) => {
    for (const m of row.members) rowsOf[m.cell]?.push(r);
  });
  const blocks = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    if (cell.block === undefined) return;
    const members = blocks.get(cell.block) ?? [];
    members.push(i);
    blocks.set(cell.block, members);
  });
  const lattice = new Lattice(
    cells.length,
    ordered.flatMap((r) =>
      r.kind === 'sum' && r.axis !== undefined
        ? [{ axis: r.axis, members: [at(r.total), ...r.parts.map(at)] }]
        : [],
    ),
  );

  const hidden = new Uint8Array(cells.length);
  const reason: Array<ProtectionResult['cells'][number]['reason']> = cells.map(() => null);
  // Each sum relation's hidden cells, counted and added up as cells are hidden, so the heuristic
  // never rescans a relation to learn them.
  const hiddenCount = new Int32Array(sums.length);
  const hiddenSum = new Float64Array(sums.length);
  const hide = (i: number, why: NonNullable<(typeof reason)[number]>) => {
    if (hidden[i]) return false;
    hidden[i] = 1;
    reason[i] = why;
    for (const r of relationsOf[i] ?? []) {
      hiddenCount[r] = (hiddenCount[r] as number) + 1;
      hiddenSum[r] = (hiddenSum[r] as number) + (cells[i] as CubeCell).value;
    }
    return true;
  };

  // Primary suppression. Frozen cells keep the status an earlier release gave them.
  const sensitive = sensitiveCells(cells, threshold);
  cells.forEach((cell, i) => {
    if (cell.frozen) {
      if (cell.frozen.suppressed) hide(i, 'frozen');
    } else if (sensitive.threshold.has(i)) hide(i, 'threshold');
    else if (sensitive.insiders.has(i)) hide(i, 'insider');
  });
  const primary = new Set<number>();
  cells.forEach((_, i) => {
    if (hidden[i] && (sensitive.threshold.has(i) || sensitive.insiders.has(i))) primary.add(i);
  });

  const canHide = (i: number) => !hidden[i] && !cells[i]?.frozen && (cells[i]?.value ?? 0) > 0;
  /** How many of a cell's relations have exactly one hidden cell: hiding it would settle them too. */
  const singletonsClosed = (i: number) => {
    let k = 0;
    for (const r of relationsOf[i] ?? []) if (hiddenCount[r] === 1) k++;
    return k;
  };
  /**
   * Hiding cost: the value, times the cell's cost factor (ten for totals and marginals, more for
   * headline totals); a cell that would also settle other relations with a lone hidden cell is
   * cheaper by that many (the rectangle's opposite corner).
   */
  const cost = (i: number) => costOf(i) / (1 + singletonsClosed(i));
  const costOf = (i: number) => hidingCost(cells[i] as CubeCell);
  const byId = (a: number, b: number) => {
    const x = (cells[a] as CubeCell).id;
    const y = (cells[b] as CubeCell).id;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  /** The cheapest cell that may still be hidden, ties broken by id. */
  const cheapest = (candidates: Iterable<number>) => {
    let best = -1;
    let bestCost = 0;
    for (const i of candidates) {
      if (!canHide(i)) continue;
      const c = cost(i);
      if (
        best < 0 ||
        c < bestCost ||
        (c === bestCost && (cells[i] as CubeCell).id < (cells[best] as CubeCell).id)
      ) {
        best = i;
        bestCost = c;
      }
    }
    return best;
  };

  /**
   * The sum rule as an agency sees it: an agency that knows its own part of every cell knows the
   * others' remainder of a relation's hidden cells; when those add up to less than T and one of them
   * is a small remainder the agency must not learn, another cell the agency does not fully know is
   * hidden (the cheapest). Returns it, or −1.
   */
  const insiderComplement = (r: number) => {
    const members = sums[r] ?? [];
    const agencies = new Set<string>();
    for (const m of members) if (hidden[m]) for (const a of sensitive.insiders.get(m) ?? []) agencies.add(a);
    for (const agency of [...agencies].sort()) {
      const remainder = (m: number) => {
        const cell = cells[m] as CubeCell;
        return cell.value - (cell.contributions.get(agency) ?? 0);
      };
      let sum = 0;
      for (const m of members) if (hidden[m]) sum += remainder(m);
      if (sum <= 0 || sum >= threshold) continue;
      const pick = cheapest(members.filter((m) => remainder(m) > 0));
      if (pick >= 0) return pick;
    }
    return -1;
  };

  /** SIMPLEHEURISTIC: until nothing changes, no relation has a lone hidden cell or hidden cells summing under T. */
  const peopleRelation = sums.map((members) => members.some((m) => (cells[m] as CubeCell).kind === 'people'));
  // A relation through a stale cell (published before with a value no longer true) pins nothing:
  // the stale cell is a free unknown, so hiding a partner of it protects nothing.
  const staleRelation = sums.map((members) => members.some((m) => (cells[m] as CubeCell).stale === true));
  const complementary = () => {
    // A worklist of relations that may need another hidden cell: at first every relation with a hidden
    // cell, then only the relations of each newly hidden cell (and the relation itself, re-checked).
    const queued = new Uint8Array(sums.length);
    const queue: number[] = [];
    const enqueue = (r: number) => {
      if (!queued[r] && (hiddenCount[r] as number) > 0) {
        queued[r] = 1;
        queue.push(r);
      }
    };
    sums.forEach((_, r) => {
      enqueue(r);
    });
    for (let head = 0; head < queue.length; head++) {
      const r = queue[head] as number;
      queued[r] = 0;
      const count = hiddenCount[r] as number;
      const sum = hiddenSum[r] as number;
      let pick = -1;
      if (staleRelation[r]) continue;
      if (count === 1 || (peopleRelation[r] && sum < threshold && sum > 0)) pick = cheapest(sums[r] ?? []);
      else if (peopleRelation[r] && !legacy) pick = insiderComplement(r);
      if (pick >= 0 && hide(pick, 'complementary')) {
        for (const other of relationsOf[pick] ?? []) enqueue(other);
        enqueue(r);
      }
    }
  };

  /**
   * The audit's components: published cells are known constants, so only hidden cells are LP
   * variables, and hidden cells linked through a relation are audited together. Recomputed each
   * round, as the hidden set grows.
   */
  const hiddenComponents = () => {
    const parent = new Map<number, number>();
    const find = (i: number): number => {
      let root = i;
      while (parent.get(root) !== root) root = parent.get(root) as number;
      parent.set(i, root);
      return root;
    };
    cells.forEach((_, i) => {
      if (hidden[i]) parent.set(i, i);
    });
    const active = rows.filter((row) => row.members.some((m) => hidden[m.cell]));
    for (const row of active) {
      const members = row.members.filter((m) => hidden[m.cell]);
      for (const m of members.slice(1)) parent.set(find(m.cell), find(members[0]?.cell as number));
    }
    const components = new Map<number, { cells: number[]; rows: Row[] }>();
    for (const i of parent.keys()) {
      const root = find(i);
      if (!components.has(root)) components.set(root, { cells: [], rows: [] });
      components.get(root)?.cells.push(i);
    }
    for (const row of active) {
      const first = row.members.find((m) => hidden[m.cell]);
      components.get(find(first?.cell as number))?.rows.push(row);
    }
    return [...components.values()];
  };

  const highs = await loadHighs();
  let lpsSolved = 0;
  let rounds = 0;
  let failures: AuditFinding[] = [];
  const maxRounds = input.maxRounds ?? 40;

  const proven = new Map<string, Set<number>>();
  const isProven = (insider: string | null, cell: number) => proven.get(insider ?? '')?.has(cell) === true;
  const prove = (insider: string | null, cell: number) => {
    const cellsOfView = proven.get(insider ?? '') ?? new Set<number>();
    cellsOfView.add(cell);
    proven.set(insider ?? '', cellsOfView);
  };

  const wholeComponentLimit = input.wholeComponentLimit ?? defaultWholeComponentLimit;
  /** A second thread for large components' regions, started when the first one is met. */
  let regions: RegionThread | undefined;
  /** Audits every component holding a sensitive hidden cell; returns what an attacker could narrow. */
  const audit = async (): Promise<AuditFinding[]> => {
    const found: AuditFinding[] = [];
    const work = hiddenComponents().filter((c) => c.cells.some((i) => primary.has(i)));
    let done = 0;
    for (const component of work) {
      // A cell shown safe stays safe: hiding more only removes what an attacker knows, so the
      // consistent tables that proved it are still consistent. Later rounds audit the rest.
      const views = viewsOf(component.cells, primary, sensitive)
        .map((view) => ({ ...view, targets: view.targets.filter((cell) => !isProven(view.insider, cell)) }))
        .filter((view) => view.targets.length > 0);
      const large = component.cells.length > wholeComponentLimit;
      if (large) regions ??= regionThread(cells, threshold);
      const findings = await auditComponent(
        {
          highs,
          cells,
          component,
          hidden,
          threshold,
          round: rounds,
          wholeComponentLimit,
          countLp: () => lpsSolved++,
        },
        views,
        large ? regions?.solve : undefined,
      );
      const exposed = new Set(findings.map((f) => `${f.insider ?? ''} ${f.cell}`));
      for (const view of views)
        for (const cell of view.targets)
          if (!exposed.has(`${view.insider ?? ''} ${(cells[cell] as CubeCell).id}`))
            prove(view.insider, cell);
      found.push(...findings);
      done++;
      await input.onProgress?.(done, work.length);
    }
    return found;
  };

  /**
   * Cells are proven by certificates first (`hypercube.ts`): for each sensitive cell and view, a box
   * of hidden cells that moves it to 0, and one that moves it to T; where there is none, and the cell
   * is in a component the LP would audit by regions, the cheapest box is hidden. Only what this leaves
   * goes to the LP, whole or by regions; a cell the LP finds exposed gets the cheapest box then.
   */
  const certificates: CertificateContext = {
    cells,
    hidden,
    rows,
    rowsOf,
    lattice,
    threshold,
    // A coalition-wide headline total is never hidden to make a certificate: the LP and the
    // rule-based extra suppression decide about those cells.
    canHide: (i) => canHide(i) && ((cells[i] as CubeCell).costFactor ?? 0) < 1000,
    cost: costOf,
    blockOf: (cell) => {
      const key = (cells[cell] as CubeCell).block;
      return key === undefined ? undefined : blocks.get(key);
    },
    followBounds: !legacy,
  };
  const certifiedBy = (
    cell: number,
    insider: string | null,
    mayHide = true,
    goals: readonly Goal[] = ['zero', 'large'],
  ) => {
    for (const goal of goals) {
      const hides = certificate(certificates, cell, insider, goal, mayHide);
      if (!hides) return false;
      for (const c of hides) hide(c, 'audit');
    }
    return true;
  };
  let certified = 0;
  const certify = (mayHide: (cell: number) => boolean) => {
    for (const view of viewsOf([...primary], primary, sensitive))
      for (const cell of view.targets)
        if (!isProven(view.insider, cell) && certifiedBy(cell, view.insider, mayHide(cell))) {
          certified++;
          prove(view.insider, cell);
        }
  };

  /**
   * The elimination pass (`gauss.ts`): publishable cells most valuable first, each hidden only if
   * publishing it would let a small count, or a cell an earlier release hid, be worked out exactly.
   */
  const gaussPass = () => {
    const candidates = cells
      .map((_, i) => i)
      .filter(canHide)
      .sort((a, b) => costOf(b) - costOf(a) || byId(a, b));
    // A stale cell (published before, no longer true) is a free unknown: nothing to keep undetermined.
    const protectedCells = cells.map((_, i) => i).filter((i) => hidden[i] && !cells[i]?.stale);
    try {
      // Cells that are neither hidden nor publishable are zeros and earlier releases' published cells.
      const known = (i: number) => !hidden[i] && !canHide(i);
      const pass = gaussSuppression({
        cellCount: cells.length,
        sums,
        views: [{ known, protectedCells }],
        candidates,
      });
      for (const i of pass.hidden) hide(i, 'complementary');
    } catch (error) {
      // Exactness first: the rule-by-rule heuristic below still protects, only less economically.
      if (!(error instanceof GaussOverflow)) throw error;
    }
  };

  /**
   * Once the pattern passes: a hidden complement that a sum gives away exactly (every other cell of
   * the sum published — a group of one option beside that option, say) protects nothing, so it is
   * published after all. Until nothing changes; a reader learns nothing they could not work out.
   */
  const publishDerivable = () => {
    for (let changed = true; changed; ) {
      changed = false;
      sums.forEach((members) => {
        const hiddenHere = members.filter((m) => hidden[m]);
        if (hiddenHere.length !== 1) return;
        const only = hiddenHere[0] as number;
        if (primary.has(only) || cells[only]?.frozen || cells[only]?.stale) return;
        hidden[only] = 0;
        reason[only] = null;
        for (const r of relationsOf[only] ?? []) {
          hiddenCount[r] = (hiddenCount[r] as number) - 1;
          hiddenSum[r] = (hiddenSum[r] as number) - (cells[only] as CubeCell).value;
        }
        changed = true;
      });
    }
  };

  if (strategy === 'gauss') gaussPass();
  complementary();
  if (strategy === 'rules') {
    gaussPass();
    complementary();
  }
  try {
    for (;;) {
      rounds++;
      // Certificates may hide a box to prove a cell only where the LP would audit it by regions (a very
      // large component): there the LP's evidence is partial and slow. Elsewhere the exact LP decides
      // first, and only a cell it finds exposed is repaired.
      const large = new Set<number>();
      if (!legacy)
        for (const component of hiddenComponents())
          if (component.cells.length > wholeComponentLimit) for (const c of component.cells) large.add(c);
      certify((cell) => legacy || large.has(cell));
      complementary();
      failures = await audit();
      if (failures.length === 0 || rounds >= maxRounds) break;
      // Each cell still exposed gets more complementary suppression.
      let progress = false;
      for (const finding of [...failures].sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0))) {
        const i = index.get(finding.cell) as number;
        // The cheapest box that proves it, for whichever side the LP could not show (both, when a
        // region's audit found no evidence at all).
        if (!legacy && !isProven(finding.insider, i)) {
          const goals: Goal[] = [];
          if (!(finding.exact && finding.lower <= 0)) goals.push('zero');
          if (!(finding.exact && finding.upper >= threshold)) goals.push('large');
          if (certifiedBy(i, finding.insider, true, goals)) {
            certified++;
            prove(finding.insider, i);
            // Proven now, hidden cells added or not: the next round audits what is left.
            progress = true;
            continue;
          }
        }
        // Otherwise one more cell: its relations' cells first; while nothing there can be hidden but a
        // headline total, reach one relation further out, and hide a headline total only if nothing
        // is cheaper. An old hidden cell's own relations are often all frozen: the cells this release
        // can still hide may be several relations away (its year, that year's other quarters).
        let ring = new Set<number>([i]);
        let pick = -1;
        for (
          let reach = 0;
          reach < repairReach && (pick < 0 || ((cells[pick] as CubeCell).costFactor ?? 0) >= 100);
          reach++
        ) {
          const wider = new Set<number>(pick < 0 ? [] : [pick]);
          // Every relation, bounds included: a published part of a hidden total bounds it from below.
          for (const n of ring)
            for (const r of rowsOf[n] ?? []) for (const m of rows[r]?.members ?? []) wider.add(m.cell);
          ring = wider;
          pick = cheapest(ring);
        }
        if (pick >= 0 && hide(pick, 'audit')) progress = true;
      }
      // Nothing more to hide: go on only while some cell is merely not proven yet (wider regions
      // next round may prove it), not when the LP has shown an exposure nothing can fix.
      if (!progress && failures.every((f) => f.exact)) break;
      complementary();
    }
  } finally {
    await regions?.close();
  }

  if (failures.length === 0) publishDerivable();
  const hiddenCells = cells.filter((_, i) => hidden[i]);
  const peopleTotal = cells.reduce((s, c) => s + (c.kind === 'people' ? c.value : 0), 0);
  const hiddenPeople = hiddenCells.reduce((s, c) => s + (c.kind === 'people' ? c.value : 0), 0);
  return {
    audience,
    threshold,
    status: failures.length === 0 ? 'passed' : 'failed',
    cells: cells.map((c, i) => ({ id: c.id, suppressed: hidden[i] === 1, reason: reason[i] ?? null })),
    stats: {
      cells: cells.length,
      hidden: hiddenCells.length,
      primary: primary.size,
      complementary: hiddenCells.length - primary.size,
      lpsSolved,
      certificates: certified,
      rounds,
      seconds: (performance.now() - started) / 1000,
      hiddenShareOfCells: cells.length === 0 ? 0 : hiddenCells.length / cells.length,
      hiddenShareOfCount: peopleTotal === 0 ? 0 : hiddenPeople / peopleTotal,
      loss: informationLoss(cells, hidden),
      complements: strategy,
    },
    failures,
  };
}

/**
 * What an attacker can prove about each hidden cell, given every published cell and every relation:
 * the min and max of each, by LP. With `insider`, that agency's own contributions are known and the
 * intervals are of the others' remainder. Used by the tests (and the attack they demonstrate); the
 * release pipeline audits component by component instead.
 */
export async function feasibilityIntervals(
  cells: readonly CubeCell[],
  relations: readonly Relation[],
  hiddenIds: ReadonlySet<string>,
  insider?: string,
  /** The hidden cells to bound (all of them unless given). */
  targets?: ReadonlySet<string>,
): Promise<Map<string, { lower: number; upper: number }>> {
  const highs = await loadHighs();
  const index = new Map(cells.map((c, i) => [c.id, i]));
  const at = (id: string) => index.get(id) as number;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const r of relations) {
    const members =
      r.kind === 'sum'
        ? [[at(r.total), 1], ...r.parts.map((p) => [at(p), -1])]
        : [
            [at(r.cell), 1],
            [at(r.bound), -1],
          ];
    for (const [cell, coefficient] of members) {
      indices.push(cell as number);
      values.push(coefficient as number);
    }
    starts.push(indices.length);
    rowLower.push(r.kind === 'sum' ? 0 : -highs.infinity);
    rowUpper.push(0);
  }
  const known = (c: CubeCell) => c.value - (insider ? (c.contributions.get(insider) ?? 0) : 0);
  const model = highs.createModel({
    numCols: cells.length,
    numRows: relations.length,
    colCost: new Float64Array(cells.length),
    colLower: cells.map((c) => (hiddenIds.has(c.id) ? 0 : known(c))),
    colUpper: cells.map((c) => (hiddenIds.has(c.id) ? highs.infinity : known(c))),
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: relations.length, numCols: cells.length, starts, indices, values },
  });
  const intervals = new Map<string, { lower: number; upper: number }>();
  try {
    model.options.set({ output_flag: false });
    for (const id of [...hiddenIds].sort()) {
      if (targets && !targets.has(id)) continue;
      const j = at(id);
      model.changeColCost(j, 1);
      const bound = (sense: number) => {
        model.changeObjectiveSense(sense as never);
        model.run();
        return model.getModelStatus() === highs.constants.modelStatus.optimal
          ? model.getObjectiveValue()
          : Number.POSITIVE_INFINITY;
      };
      const lower = bound(highs.constants.objectiveSense.minimize);
      const upper = bound(highs.constants.objectiveSense.maximize);
      model.changeColCost(j, 0);
      intervals.set(id, { lower: Math.round(lower * 1e6) / 1e6, upper: Math.round(upper * 1e6) / 1e6 });
    }
  } finally {
    model.dispose();
  }
  return intervals;
}
