/**
 * Certificates for the audit. The audit asks, for a hidden cell, whether some table consistent with
 * everything published has it at 0, and some has it at T or more. One such table is a certificate: it
 * is a feasible point of the audit's LP, so the LP's minimum is at most its value and its maximum at
 * least. Solving LPs over a statewide component takes minutes; a certificate is found, and checked
 * against every relation, in a fraction of a millisecond, and the LP is left the cells without one.
 *
 * The certificates are hypercubes, as in tau-ARGUS's GHMITER: the cube is a product of axes (a
 * table's categories, the quarters of a year, counties → coalition), and a hidden cell can move by t
 * when, along each of its axes, a partner cell moves with it (-t for a sibling part, +t for the
 * total), and so on for every corner of the box those partners span. When every corner is hidden
 * and can fall as far as asked, every relation still holds. When no such box is hidden yet, the
 * cheapest box of publishable cells is hidden: the repair comes with its own certificate.
 */
import type { Row } from './audit';
import type { CubeCell } from './types';

/** A relation along an axis: its cells, total first, parts in the axis's order. */
export type AxisLine = { axis: string; members: readonly number[] };

type Place = { axis: number; line: number; position: number };

/** Where each cell sits on the lines through it, one line per axis. */
export class Lattice {
  private readonly places: Place[][];
  private readonly lines: (readonly number[])[] = [];
  /** Scratch for a search: each line's balance (kept at zero between uses). */
  readonly balance: Float64Array;

  constructor(cellCount: number, lines: readonly AxisLine[]) {
    this.places = Array.from({ length: cellCount }, () => []);
    const axes = new Map<string, number>();
    for (const { axis, members } of lines) {
      const a = axes.get(axis) ?? axes.size;
      axes.set(axis, a);
      const line = this.lines.length;
      this.lines.push(members);
      members.forEach((cell, position) => {
        const places = this.places[cell] as Place[];
        // A cell on two lines of one axis (not a product): keep the first, the check catches the rest.
        if (!places.some((p) => p.axis === a)) places.push({ axis: a, line, position });
      });
    }
    this.balance = new Float64Array(this.lines.length);
  }

  placesOf(cell: number): readonly Place[] {
    return this.places[cell] ?? [];
  }

  members(line: number): readonly number[] {
    return this.lines[line] ?? [];
  }

  /** The cell at `position` of the line through `cell` along `axis`, if it has one. */
  move(cell: number, axis: number, position: number): number | undefined {
    for (const place of this.places[cell] ?? [])
      if (place.axis === axis) return this.lines[place.line]?.[position];
    return undefined;
  }
}

export type CertificateContext = {
  cells: readonly CubeCell[];
  hidden: Uint8Array;
  /** Every relation as a row over the cells (sums: lower = upper = 0; bounds: lower = -∞). */
  rows: readonly Row[];
  /** The rows each cell is in. */
  rowsOf: readonly (readonly number[])[];
  lattice: Lattice;
  threshold: number;
  /** Whether a published cell may be hidden (not frozen, not a zero). */
  canHide: (cell: number) => boolean;
  /** What hiding a published cell costs. */
  cost: (cell: number) => number;
  /** The cells of a cell's block (see `CubeCell.block`), if it has one. */
  blockOf: (cell: number) => readonly number[] | undefined;
  /** Whether a box may take the other cell of an `atMost` relation along (default: yes). */
  followBounds?: boolean;
};

/** `zero`: a consistent table with the cell at 0; `large`: one with it at T or more. */
export type Goal = 'zero' | 'large';

/**
 * How many partner choices one box's search may try: looking for a box of hidden cells, before it
 * gives up; looking for the cheapest box to hide, before it takes the cheapest found so far.
 */
const searchBudget = { find: 20_000, repair: 3_000 };
/** How many boxes one certificate may add up (a year's cell falls a quarter at a time). */
const maxBoxes = 8;
/** Lines beyond the target's own that a box may balance. */
const extraLines = 2;
/** How many times a box may take `atMost` partners along (each time, their lines too). */
const maxCouplings = 2;
const tolerance = 1e-9;

/** A box: how each of its cells moves per unit of the target's move, and how far the target moves. */
type Box = { direction: Map<number, number>; move: number };
/** Where a box starts: the target alone (weight 1), or its whole block in proportion. */
type Seed = Array<{ cell: number; weight: number }>;

/**
 * A certificate for one goal of a sensitive cell in one view (an outsider's, or an insider agency's
 * whose own parts are known): a consistent table, built box by box, each box taking the cell as far
 * towards the goal as its cells can fall. Returns the publishable cells it needs hidden (none when
 * hidden cells suffice), or `undefined` when there is none — then the LP decides. With `mayHide`
 * false, only boxes of cells already hidden are tried.
 *
 * A box starts from the target alone; failing that, from its whole block (an element's cells in one
 * period and place) moved in proportion, which keeps every relation inside the block: when a
 * county's quarter holds one survivor, every breakdown of that survivor is a lone count beside
 * zeros, and only the block as a whole can move.
 */
export function certificate(
  context: CertificateContext,
  target: number,
  insider: string | null,
  goal: Goal,
  mayHide = true,
): number[] | undefined {
  const { cells, hidden } = context;
  /** How far the certificate has moved each cell so far. */
  const shift = new Map<number, number>();
  /** Publishable cells the certificate hides. */
  const added = new Set<number>();
  const own = (cell: number) =>
    insider === null ? 0 : ((cells[cell] as CubeCell).contributions.get(insider) ?? 0);
  /** How far a cell can still fall: what the view does not know of it, less what it fell already. */
  const room = (cell: number) => (cells[cell] as CubeCell).value - own(cell) + (shift.get(cell) ?? 0);
  const start = room(target);
  let remaining = goal === 'zero' ? start : context.threshold - start;
  const alone: Seed = [{ cell: target, weight: 1 }];
  // The block moves in proportion to what the view does not know of each of its cells.
  const block: Seed = (start > 0 ? (context.blockOf(target) ?? []) : [])
    .filter((cell) => cell === target || room(cell) > tolerance)
    .map((cell) => ({ cell, weight: cell === target ? 1 : room(cell) / start }));
  const seeds = block.length > 1 ? [alone, block] : [alone];
  for (let boxes = 0; remaining > tolerance; boxes++) {
    if (boxes >= maxBoxes) return undefined;
    const search = { context, target, goal, own, room, added, shift, remaining };
    let box: Box | undefined;
    for (const [seed, least, hiding] of attempts(seeds, remaining, mayHide)) {
      box = findBox(search, seed, least, hiding);
      if (box) break;
    }
    if (!box) return undefined;
    const step = goal === 'zero' ? -box.move : box.move;
    for (const [cell, d] of box.direction) {
      shift.set(cell, (shift.get(cell) ?? 0) + step * d);
      if (!hidden[cell]) added.add(cell);
    }
    remaining -= box.move;
  }
  return [...added];
}

/**
 * The searches for the next box, in order: hidden cells before hiding more; a box taking the target
 * the whole way before one taking it part of it; the target alone before its block.
 */
function* attempts(seeds: readonly Seed[], remaining: number, mayHide: boolean) {
  for (const hiding of mayHide ? [false, true] : [false])
    for (const seed of seeds)
      for (const least of [remaining, tolerance]) yield [seed, least, hiding] as const;
}

type Search = {
  context: CertificateContext;
  target: number;
  goal: Goal;
  /** The view's own part of a cell (an insider's contribution; 0 for an outsider). */
  own: (cell: number) => number;
  room: (cell: number) => number;
  /** Cells the certificate already hides: free, like hidden ones. */
  added: ReadonlySet<number>;
  shift: ReadonlyMap<number, number>;
  remaining: number;
};

/**
 * A hypercube moving the target towards the goal by at least `least` (at most what remains): the
 * first found of hidden cells, or with `repair` the cheapest, publishable cells included.
 */
function findBox(search: Search, seed: Seed, least: number, repair: boolean): Box | undefined {
  const { context, target, goal, room, added, shift, remaining } = search;
  const known = search.own;
  const { cells, hidden, lattice, rows, rowsOf } = context;
  const free = (cell: number) => hidden[cell] === 1 || added.has(cell);
  const usable = (cell: number) => free(cell) || (repair && context.canHide(cell));
  const falls = (weight: number) => (goal === 'zero' ? weight > 0 : weight < 0);
  /** Whether a cell moving by `weight` per unit can let the target move at least `least`. */
  const roomy = (cell: number, weight: number) =>
    !falls(weight) || (room(cell) > tolerance && room(cell) >= least * Math.abs(weight) - tolerance);
  if (seed.some(({ cell, weight }) => !usable(cell) || !roomy(cell, weight))) return undefined;
  // Lines are balanced shortest first (the county axis, with a partner per county, last): the
  // target's own, then any a corner put out of balance (survivors served in a year add new survivors'
  // quarters, which new survivors' own year adds too), at most `extraLines` more.
  let depth = lattice.placesOf(target).length + extraLines;
  /** How many times this box has taken the bound of an `atMost` relation along (see `settle`). */
  let coupled = 0;

  const corners: number[] = seed.map((s) => s.cell);
  const weights: number[] = seed.map((s) => s.weight);
  let best: (Box & { cost: number }) | undefined;
  let tries = 0;
  let stop = false;

  /**
   * The next line to balance (the shortest out of balance: a line's balance is its total's change
   * less its parts'), and which corners move along its axis (those on unbalanced lines).
   */
  const nextLine = () => {
    const balance = lattice.balance;
    const touched: number[] = [];
    for (let k = 0; k < corners.length; k++) {
      const weight = weights[k] as number;
      for (const place of lattice.placesOf(corners[k] as number)) {
        if (balance[place.line] === 0) touched.push(place.line);
        balance[place.line] = (balance[place.line] as number) + (place.position === 0 ? weight : -weight);
      }
    }
    const unbalanced = (line: number) => Math.abs(balance[line] as number) > tolerance;
    let next: Place | undefined;
    let shortest = Number.POSITIVE_INFINITY;
    for (const cell of corners)
      for (const place of lattice.placesOf(cell)) {
        const length = lattice.members(place.line).length;
        if (length < shortest && unbalanced(place.line)) {
          next = place;
          shortest = length;
        }
      }
    const movers: Array<{ corner: number; position: number }> = [];
    if (next) {
      const axis = next.axis;
      corners.forEach((cell, corner) => {
        for (const place of lattice.placesOf(cell))
          if (place.axis === axis && unbalanced(place.line))
            movers.push({ corner, position: place.position });
      });
    }
    for (const line of touched) balance[line] = 0;
    return next && { axis: next.axis, line: next.line, movers };
  };

  /**
   * Checks a balanced box: how far it can move the target, and every relation it touches. When only
   * `atMost` relations fail (new survivors rising past survivors served, or served falling below
   * new), returns the cells that would keep each such pair in step: moved together, the pair keeps
   * its slack, and the box grows to balance their lines.
   */
  const settle = (): Seed | undefined => {
    const direction = new Map<number, number>();
    corners.forEach((cell, k) => {
      direction.set(cell, (direction.get(cell) ?? 0) + (weights[k] as number));
    });
    for (const [cell, d] of direction) if (Math.abs(d) <= tolerance) direction.delete(cell);
    const own = direction.get(target);
    if (own === undefined || own <= 0) return;
    for (const [cell, d] of direction) direction.set(cell, d / own);
    // Per unit of the target's move each cell moves by its weight, against the target's way if it falls.
    let move = remaining;
    let cost = 0;
    for (const [cell, d] of direction) {
      if (falls(d)) move = Math.min(move, room(cell) / Math.abs(d));
      if (!free(cell)) cost += context.cost(cell);
    }
    if (move <= tolerance || move < least - tolerance || (best && cost >= best.cost)) return;
    const step = goal === 'zero' ? -move : move;
    const checked = new Set<number>();
    const inStep: Seed = [];
    for (const cell of direction.keys())
      for (const r of rowsOf[cell] ?? []) {
        if (checked.has(r)) continue;
        checked.add(r);
        const row = rows[r] as Row;
        // Over what the view does not know: the other agencies' parts hold every relation by
        // themselves (each agency's figures add up, and each new survivor is among its own served).
        let value = 0;
        for (const m of row.members) {
          const moved = (shift.get(m.cell) ?? 0) + step * (direction.get(m.cell) ?? 0);
          value += m.coefficient * ((cells[m.cell] as CubeCell).value - known(m.cell) + moved);
        }
        if (value >= row.lower - 1e-6 && value <= row.upper + 1e-6) continue;
        const [a, b] = row.members;
        if (row.lower !== Number.NEGATIVE_INFINITY || row.members.length !== 2 || !a || !b) return [];
        // The pair's less moving cell follows the other, in the box's own units.
        const da = (direction.get(a.cell) ?? 0) * own;
        const db = (direction.get(b.cell) ?? 0) * own;
        inStep.push(
          Math.abs(da) >= Math.abs(db)
            ? { cell: b.cell, weight: da - db }
            : { cell: a.cell, weight: db - da },
        );
      }
    if (inStep.length > 0) return inStep;
    best = { direction, move, cost };
    if (!repair) stop = true;
    return undefined;
  };

  const descend = (level: number, cost: number) => {
    const next = nextLine();
    if (!next) {
      const inStep = settle();
      if (inStep && inStep.length > 0 && coupled < maxCouplings && context.followBounds !== false)
        follow(inStep, level, cost);
      return;
    }
    if (level >= depth) return;
    const { axis, line, movers } = next;
    const n = corners.length;
    // Partners in order of promise: free before publishable, cheap before dear, most room first.
    const first = movers[0] as { corner: number; position: number };
    const partners: Array<{ p: number; cost: number; room: number }> = [];
    lattice.members(line).forEach((_, p) => {
      if (movers.some((m) => m.position === p)) return;
      const moved = lattice.move(corners[first.corner] as number, axis, p);
      if (moved === undefined || !usable(moved)) return;
      partners.push({ p, cost: free(moved) ? 0 : context.cost(moved), room: room(moved) });
    });
    partners.sort((a, b) => a.cost - b.cost || b.room - a.room || a.p - b.p);
    for (const { p } of partners) {
      if (stop) return;
      if (++tries > (repair ? searchBudget.repair : searchBudget.find)) {
        stop = true;
        return;
      }
      let extra = 0;
      let ok = true;
      for (const { corner, position } of movers) {
        const moved = lattice.move(corners[corner] as number, axis, p);
        // A sibling part moves against its corner; the total (or, from the total, a part) with it.
        const weight = (weights[corner] as number) * (position !== 0 && p !== 0 ? -1 : 1);
        if (moved === undefined || !usable(moved) || !roomy(moved, weight)) {
          ok = false;
          break;
        }
        if (!free(moved)) extra += context.cost(moved);
        if (best && cost + extra >= best.cost) {
          ok = false;
          break;
        }
        corners.push(moved);
        weights.push(weight);
      }
      if (ok) descend(level + 1, cost + extra);
      corners.length = n;
      weights.length = n;
    }
  };
  /** Moves `atMost` partners with the box, then balances the lines they put out of balance. */
  const follow = (inStep: Seed, level: number, cost: number) => {
    const n = corners.length;
    let extra = 0;
    let lines = 0;
    for (const { cell, weight } of inStep) {
      if (!usable(cell) || !roomy(cell, weight)) {
        corners.length = n;
        weights.length = n;
        return;
      }
      if (!free(cell) && !corners.includes(cell)) extra += context.cost(cell);
      corners.push(cell);
      weights.push(weight);
      lines += lattice.placesOf(cell).length;
    }
    if (!(best && cost + extra >= best.cost)) {
      coupled++;
      depth += lines;
      descend(level, cost + extra);
      depth -= lines;
      coupled--;
    }
    corners.length = n;
    weights.length = n;
  };

  descend(0, 0);
  return best;
}
