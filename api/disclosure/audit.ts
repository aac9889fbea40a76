/**
 * The LP audit of one component of hidden cells: can an attacker — an outsider, or an agency that
 * knows its own numbers — narrow a sensitive hidden cell down? A cell passes when some table
 * consistent with everything published has it at 0, and some has it at T or more (DISCLOSURE.md).
 *
 * Any feasible point is evidence: every LP solution is harvested, and one LP can show many cells at
 * once. A component is solved whole, in one model whose objective (and, per insider, row bounds)
 * change; a very large one is solved region by region, every other hidden cell held at its true
 * value (the true table is always consistent, so a region's solution completed with true values is a
 * consistent table too).
 */
import type { Highs } from 'highs';
import type { AuditFinding, CubeCell, Relation } from './types';

export type Member = { cell: number; coefficient: number };
export type Row = { members: Member[]; lower: number; upper: number };
/**
 * A relation as a row over cell indices: a sum's total less its parts is 0; a bounded cell less its
 * bound is at most 0.
 */
export function rowOf(relation: Relation, at: (id: string) => number): Row {
  return relation.kind === 'sum'
    ? {
        members: [
          { cell: at(relation.total), coefficient: 1 },
          ...relation.parts.map((p) => ({ cell: at(p), coefficient: -1 })),
        ],
        lower: 0,
        upper: 0,
      }
    : {
        members: [
          { cell: at(relation.cell), coefficient: 1 },
          { cell: at(relation.bound), coefficient: -1 },
        ],
        lower: Number.NEGATIVE_INFINITY,
        upper: 0,
      };
}

/** Hidden cells linked through relations, with the relations that hold any of them. */
export type Component = { cells: number[]; rows: Row[] };

/**
 * Whose view is audited: the outsider's (nothing subtracted) or an insider agency's, whose own part
 * of every cell is known (published cells lose it; hidden cells become the others' remainder).
 */
export type View = { insider: string | null; targets: number[] };

const tolerance = 1e-6;
type Context = {
  highs: Highs;
  cells: readonly CubeCell[];
  component: Component;
  hidden: Uint8Array;
  threshold: number;
  /** The protection loop's round, from 1: large components' regions grow with it. */
  round: number;
  /** Components with more hidden cells than this are audited by regions. */
  wholeComponentLimit: number;
  countLp: () => void;
};

/**
 * Audits a component's views; returns the cells each view can still narrow down. A component of at
 * most this many hidden cells is solved whole, exactly. A larger one (a statewide release links
 * thousands of cells across counties) is audited region by region: a region is one group's hidden
 * cells (a county's) with its partner groups' and the coalition's, every other hidden cell held at
 * its true value, so each solution is a consistent table. A cell no region shows safe is reported as
 * not proven: it may be safe, but without the evidence it is treated as exposed and gets another
 * suppression, and regions grow each round. That costs some information, never safety.
 */
export const defaultWholeComponentLimit = 1000;
/**
 * How many other groups join a group's region: three in the first round of regions, doubling each
 * round of them, so a cell that keeps failing is soon audited over the whole component.
 */
const partnerGroups = (round: number) => 3 * 2 ** Math.min(10, round - 1);

/** A region's audit, as it can be sent to another thread: its cells (the variables), rows and views. */
export type RegionJob = { cells: number[]; rows: Row[]; views: View[] };
/** Audits some regions elsewhere (another thread), each as `auditRegion` would. */
export type RegionSolver = (jobs: RegionJob[]) => Promise<{ findings: AuditFinding[][]; lps: number }>;

export async function auditComponent(
  context: Context,
  views: readonly View[],
  elsewhere?: RegionSolver,
): Promise<AuditFinding[]> {
  const large = context.component.cells.length > context.wholeComponentLimit;
  const near = neighbourhoodRounds.includes(context.round);
  // Regions of partner groups grow from round to round, leaving out the neighbourhoods' rounds.
  const growth = context.round - (context.round > 1 ? neighbourhoodRounds.length : 0);
  const regions = !large ? [] : near ? neighbourhoodsOf(context, views) : regionsOf(context, growth);
  // Small, or a single group (nothing to split by): the whole component, exactly.
  if (!large || (!near && regions.length <= 1)) return auditWholeComponent(context, views);
  // One model per region, shared by every view with cells to audit there (only row bounds change).
  const jobs = regions
    .map((region) => ({
      cells: region.component.cells,
      rows: region.component.rows,
      views: views
        .map((view) => ({
          insider: view.insider,
          targets: view.targets.filter((cell) => region.audits.has(cell)),
        }))
        .filter((view) => view.targets.length > 0),
    }))
    .filter((job) => job.views.length > 0);
  // With another thread, every other region is audited there, at the same time as the rest here;
  // the findings come back in the regions' order either way.
  const away = (k: number) => elsewhere !== undefined && k % 2 === 1;
  const sent = jobs.filter((_, k) => away(k));
  const there = sent.length > 0 && elsewhere ? elsewhere(sent) : undefined;
  const here = jobs.map((job, k) => (away(k) ? [] : auditRegion(context, job)));
  const answer = there ? await there : { findings: [], lps: 0 };
  for (let k = 0; k < answer.lps; k++) context.countLp();
  return here.flatMap((findings, k) => (away(k) ? (answer.findings[(k - 1) / 2] ?? []) : findings));
}

/**
 * One region's audit: only its cells are variables, the component's other hidden cells held at their
 * true values. Its findings say "not proven" (no interval): the region is not the whole component.
 */
export function auditRegion(
  context: Pick<Context, 'highs' | 'cells' | 'threshold' | 'countLp'>,
  job: RegionJob,
): AuditFinding[] {
  const hidden = new Uint8Array(context.cells.length);
  for (const cell of job.cells) hidden[cell] = 1;
  const region = {
    ...context,
    component: { cells: job.cells, rows: job.rows },
    hidden,
    round: 0,
    wholeComponentLimit: Number.POSITIVE_INFINITY,
  };
  return auditWholeComponent(region, job.views).map((finding) => ({
    ...finding,
    lower: Number.NaN,
    upper: Number.NaN,
    exact: false,
  }));
}

/**
 * A large component's regions, one per group other than the coalition: the group's hidden cells, those
 * of the groups it shares most relations with, and the coalition's. Within a region only its own cells are variables (`hidden`);
 * the rest of the component counts as known, at its true value. Each cell is audited in one region:
 * its group's, or for a coalition cell, one taken in turn. `round` counts the rounds of regions.
 */
function regionsOf(
  context: Context,
  round: number,
): Array<Pick<Context, 'component'> & { audits: ReadonlySet<number> }> {
  const { cells, component } = context;
  const groups = new Map<string, number[]>();
  for (const cell of component.cells) {
    const group = (cells[cell] as CubeCell).group ?? '';
    const members = groups.get(group) ?? [];
    members.push(cell);
    groups.set(group, members);
  }
  const coalition = groups.get('coalition') ?? [];
  const order = [...groups.keys()].filter((g) => g !== 'coalition').sort();
  const rowsOf = hiddenRowsOf(context);
  // A group's partners are the groups it shares most relations with (a coalition cell's county
  // parts): where a change in one county can be balanced by another.
  const groupOf = (cell: number) => (cells[cell] as CubeCell).group ?? '';
  const shared = new Map<string, Map<string, number>>();
  for (const row of component.rows) {
    const present = [...new Set(row.members.filter((m) => rowsOf.has(m.cell)).map((m) => groupOf(m.cell)))];
    for (const a of present)
      for (const b of present) {
        if (a === b) continue;
        const counts = shared.get(a) ?? new Map<string, number>();
        counts.set(b, (counts.get(b) ?? 0) + 1);
        shared.set(a, counts);
      }
  }
  return order.map((group, i) => {
    const partners = [...(shared.get(group) ?? new Map<string, number>())]
      .filter(([g]) => g !== 'coalition')
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, partnerGroups(round))
      .map(([g]) => g);
    const members = [group, ...partners];
    const regionCells = [...members.flatMap((g) => groups.get(g) ?? []), ...coalition].sort((a, b) => a - b);
    const rows = [...new Set(regionCells.flatMap((cell) => rowsOf.get(cell) ?? []))];
    const audits = new Set([
      ...(groups.get(group) ?? []),
      ...coalition.filter((_, k) => k % order.length === i),
    ]);
    return { component: { cells: regionCells, rows }, audits };
  });
}

/**
 * The rounds that audit a large component by neighbourhoods: the first audits by county regions
 * (most cells are proven there, a few regions at a time), the next by neighbourhoods (few cells are
 * left, each needing partners beyond its county's), later ones by ever larger regions.
 */
const neighbourhoodRounds = [2, 3];
/** A neighbourhood's cells in the target's own group, at most. */
const neighbourhoodLimit = 1500;

/**
 * A large component's neighbourhoods: for a cell to audit, the hidden cells of its own group linked to
 * it through hidden cells (its table's other positions, its year and quarters, linked tables), and
 * the same cells in the groups that hide a part or the total of it (the coalition and the counties
 * that hide the same position): where a consistent table moving it can find its partners. A cell is
 * audited in the first neighbourhood that holds it; cells of the same group share one.
 */
function neighbourhoodsOf(
  context: Context,
  views: readonly View[],
): Array<Pick<Context, 'component'> & { audits: ReadonlySet<number> }> {
  const { cells, hidden } = context;
  const groupOf = (cell: number) => (cells[cell] as CubeCell).group ?? '';
  const rowsOf = hiddenRowsOf(context);
  const targets = [...new Set(views.flatMap((v) => v.targets))].sort((a, b) => a - b);
  const isTarget = new Set(targets);
  const assigned = new Set<number>();
  const regions: Array<Pick<Context, 'component'> & { audits: ReadonlySet<number> }> = [];
  for (const target of targets) {
    if (assigned.has(target)) continue;
    const group = groupOf(target);
    // The target's own group: breadth first through hidden cells.
    const local = [target];
    const inLocal = new Set(local);
    for (let head = 0; head < local.length && local.length < neighbourhoodLimit; head++)
      for (const row of rowsOf.get(local[head] as number) ?? [])
        for (const m of row.members)
          if (hidden[m.cell] && !inLocal.has(m.cell) && groupOf(m.cell) === group) {
            inLocal.add(m.cell);
            local.push(m.cell);
          }
    // The groups hiding a part or the total of the target, and their cells linked to the local ones.
    const partners = new Set<string>();
    for (const row of rowsOf.get(target) ?? [])
      for (const m of row.members)
        if (hidden[m.cell] && groupOf(m.cell) !== group) partners.add(groupOf(m.cell));
    const regionCells = new Set(local);
    for (const cell of local)
      for (const row of rowsOf.get(cell) ?? [])
        for (const m of row.members)
          if (hidden[m.cell] && partners.has(groupOf(m.cell))) regionCells.add(m.cell);
    const audits = new Set(local.filter((cell) => isTarget.has(cell) && !assigned.has(cell)));
    for (const t of audits) assigned.add(t);
    const sorted = [...regionCells].sort((a, b) => a - b);
    const rows = [...new Set(sorted.flatMap((cell) => rowsOf.get(cell) ?? []))];
    regions.push({ component: { cells: sorted, rows }, audits });
  }
  return regions;
}

/** The component's rows through each of its hidden cells. */
function hiddenRowsOf({ component, hidden }: Pick<Context, 'component' | 'hidden'>): Map<number, Row[]> {
  const rowsOf = new Map<number, Row[]>();
  for (const row of component.rows)
    for (const m of row.members) {
      if (!hidden[m.cell]) continue;
      const rows = rowsOf.get(m.cell) ?? [];
      rows.push(row);
      rowsOf.set(m.cell, rows);
    }
  return rowsOf;
}

const partOf = (cells: readonly CubeCell[], insider: string | null) => (cell: number) =>
  insider === null ? 0 : ((cells[cell] as CubeCell).contributions.get(insider) ?? 0);

/**
 * The whole component in one model. Variables are its hidden cells (≥ 0); each relation becomes a
 * row whose bounds absorb the published cells' known values. Each audited cell also gets a capped
 * copy y ≤ min(x, T), so that one LP can push many cells to T at once. Per view, batches first
 * (minimise the sum of the cells not yet shown to reach 0; maximise the sum of the capped copies
 * not yet shown to reach T), harvesting every solution; then one LP per cell the batches leave open.
 * An insider's view changes only the row bounds.
 */
function auditWholeComponent(context: Context, views: readonly View[]): AuditFinding[] {
  const { highs, cells, component, hidden, threshold, countLp } = context;
  const column = new Map(component.cells.map((cell, j) => [cell, j]));
  const n = component.cells.length;
  const audited = [...new Set(views.flatMap((v) => v.targets))].sort((a, b) => a - b);
  const auditedColumns = audited.map((cell) => column.get(cell) as number);
  // The capped copy of audited column j.
  const capped = new Map(auditedColumns.map((j, i) => [j, n + i]));
  const numCols = n + audited.length;
  const numRelations = component.rows.length;
  const numRows = numRelations + audited.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of component.rows) {
    for (const m of row.members) {
      if (!hidden[m.cell]) continue;
      indices.push(column.get(m.cell) as number);
      values.push(m.coefficient);
    }
    starts.push(indices.length);
  }
  for (const j of auditedColumns) {
    indices.push(j, capped.get(j) as number);
    values.push(-1, 1);
    starts.push(indices.length);
  }
  /** Relation rows' bounds once the published cells' values (less an insider's own parts) are moved across. */
  const rowBounds = (insider: string | null) => {
    const part = partOf(cells, insider);
    const lower = new Float64Array(numRelations);
    const upper = new Float64Array(numRelations);
    component.rows.forEach((row, r) => {
      let known = 0;
      for (const m of row.members)
        if (!hidden[m.cell]) known += m.coefficient * ((cells[m.cell] as CubeCell).value - part(m.cell));
      lower[r] = row.lower === Number.NEGATIVE_INFINITY ? -highs.infinity : row.lower - known;
      upper[r] = row.upper - known;
    });
    return { lower, upper };
  };
  const rowLower = new Float64Array(numRows).fill(-highs.infinity);
  const rowUpper = new Float64Array(numRows);
  const colUpper = new Float64Array(numCols).fill(highs.infinity);
  colUpper.fill(threshold, n);
  const model = highs.createModel({
    numCols,
    numRows,
    colCost: new Float64Array(numCols),
    colLower: new Float64Array(numCols),
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows, numCols, starts, indices, values },
  });
  const findings: AuditFinding[] = [];
  try {
    model.options.set({ output_flag: false, presolve: 'off' });
    const canBeZero = new Uint8Array(n);
    const canBeLarge = new Uint8Array(n);
    const harvest = () => {
      const x = model.getSolution().colValue;
      for (const j of auditedColumns) {
        const v = x[j] as number;
        if (v <= tolerance) canBeZero[j] = 1;
        if (v >= threshold - tolerance) canBeLarge[j] = 1;
      }
    };
    const costs = new Float64Array(numCols);
    const allColumns = { kind: 'range', from: 0, to: numCols - 1 } as const;
    // After the row bounds change, the last basis is still dual feasible, so dual simplex restarts
    // from it; after only the objective changes it is still primal feasible, so primal simplex does
    // (measured: 26 ms → about 1 ms per LP on the demo's largest component).
    let boundsChanged = true;
    /** Optimises the sum of some columns: the optimum, or NaN when there is none (which proves nothing). */
    const optimise = (columns: readonly number[], sense: 'minimize' | 'maximize') => {
      costs.fill(0);
      for (const j of columns) costs[j] = 1;
      model.changeColsCost(allColumns, costs);
      model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
      model.options.set({ simplex_strategy: boundsChanged ? 1 : 4 });
      boundsChanged = false;
      model.run();
      countLp();
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return Number.NaN;
      harvest();
      return model.getObjectiveValue();
    };
    /** Batches while they make progress, then one LP per target left: each one's own optimum. */
    const prove = (targets: readonly number[], evidence: Uint8Array, sense: 'minimize' | 'maximize') => {
      const objective = (j: number) => (sense === 'minimize' ? j : (capped.get(j) as number));
      let open = targets.filter((j) => !evidence[j]);
      while (open.length > 1) {
        if (Number.isNaN(optimise(open.map(objective), sense))) break;
        const still = open.filter((j) => !evidence[j]);
        if (still.length === open.length) break;
        open = still;
      }
      const optimum = new Map<number, number>();
      for (const j of open) if (!evidence[j]) optimum.set(j, optimise([objective(j)], sense));
      return optimum;
    };

    for (const view of views) {
      const bounds = rowBounds(view.insider);
      if (numRelations > 0)
        model.changeRowsBounds({ kind: 'range', from: 0, to: numRelations - 1 }, bounds.lower, bounds.upper);
      boundsChanged = true;
      canBeZero.fill(0);
      canBeLarge.fill(0);
      const columns = view.targets.map((cell) => column.get(cell) as number);
      const lows = prove(columns, canBeZero, 'minimize');
      const large = prove(
        columns.filter((j) => canBeZero[j]),
        canBeLarge,
        'maximize',
      );
      view.targets.forEach((cell, t) => {
        const j = columns[t] as number;
        if (canBeZero[j] && canBeLarge[j]) return;
        findings.push({
          cell: (cells[cell] as CubeCell).id,
          lower: canBeZero[j] ? 0 : (lows.get(j) ?? Number.NaN),
          upper: canBeLarge[j] ? threshold : (large.get(j) ?? Number.NaN),
          insider: view.insider,
          exact: true,
        });
      });
    }
  } finally {
    model.dispose();
  }
  return findings;
}
