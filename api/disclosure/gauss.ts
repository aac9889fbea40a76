/**
 * Complementary suppression by Gaussian elimination: which publishable cells must be hidden so that
 * no protected cell (a small count, or a cell an earlier release hid) can be worked out exactly.
 *
 * Cells are unknowns, each sum relation is a linear equation, and a published cell is a known value.
 * A hidden cell h can be worked out exactly when e_h lies in the span of the relations' rows and of
 * e_p for every published p. Publishing a cell removes its column: the relations then speak only of
 * the cells still unknown. So the pass keeps those relations in reduced row echelon form over the
 * unknown cells (each row has a pivot column found in no other row), and a cell can be worked out
 * exactly when it is a pivot whose row has nothing else left.
 *
 * Candidates are taken most valuable first: each is published unless publishing it would let an
 * attacker work out a protected cell, and then it is hidden. A candidate that can already be worked
 * out is published: hiding it would protect nothing. This is the approach of Statistics Norway's
 * GaussSuppression (Langsrud), over the relations rather than over inner cells.
 *
 * Arithmetic is on integers (each row divided by the greatest common divisor of its coefficients),
 * checked to stay exact; should a coefficient ever outgrow that, the pass throws `GaussOverflow`
 * rather than decide on a rounded number. `atMost` relations are inequalities, not equations: they
 * narrow a cell rather than pin it, and whatever they give away the LP audit finds.
 */

/** One attacker's view: what it knows, and which hidden cells it must not be able to work out. */
export type GaussView = {
  /** Cells this view knows before the pass: zeros, cells earlier releases published, an agency's own cells. */
  known: (cell: number) => boolean;
  /** Hidden cells that must stay undetermined in this view. */
  protectedCells: readonly number[];
};

export type GaussInput = {
  cellCount: number;
  /** Each sum relation's cells, total first (coefficient +1), then its parts (−1 each). */
  sums: readonly (readonly number[])[];
  /**
   * The outsider's view first, then any insider's (an agency that knows its own cells). A candidate
   * is published only when no view could then work out one of its protected cells.
   */
  views: readonly GaussView[];
  /**
   * The cells that may be published, in the order they are decided (most valuable first). Every cell
   * that is neither known nor protected nor a candidate stays hidden, unprotected.
   */
  candidates: readonly number[];
};

export type GaussResult = {
  /** Candidates that must be hidden, in the order they were decided. */
  hidden: number[];
  /** Protected cells (of any view) that can be worked out from what the view knows alone: no hiding helps them. */
  exposed: number[];
};

/** A coefficient grew past exact integer arithmetic: the caller falls back to another method. */
export class GaussOverflow extends Error {}

type Row = Map<number, number>;

const gcd = (a: number, b: number) => {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
};

const exact = (value: number) => {
  if (!Number.isSafeInteger(value)) throw new GaussOverflow('a coefficient outgrew exact arithmetic');
  return value;
};

/** Divides a row by the greatest common divisor of its coefficients, keeping them small. */
function primitive(row: Row) {
  let g = 0;
  for (const v of row.values()) {
    g = gcd(g, v);
    if (g === 1) return;
  }
  if (g > 1) for (const [k, v] of row) row.set(k, v / g);
}

/**
 * The relations over the cells still unknown, in reduced row echelon form, with each column's rows
 * so that publishing a cell or choosing a pivot touches only the rows it must.
 */
class Echelon {
  private readonly rows: Array<Row | undefined> = [];
  private readonly pivotOf: number[] = [];
  /** Row whose pivot a column is, or −1. */
  private readonly pivotRow: Int32Array;
  private readonly columnRows: Array<Set<number> | undefined>;

  /** `rank`: how late a column will be decided (higher: later; never, for a hidden cell). */
  constructor(
    cellCount: number,
    private readonly rank: (cell: number) => number,
  ) {
    this.pivotRow = new Int32Array(cellCount).fill(-1);
    this.columnRows = new Array(cellCount);
  }

  private rowsOf(column: number) {
    let set = this.columnRows[column];
    if (!set) {
      set = new Set();
      this.columnRows[column] = set;
    }
    return set;
  }

  /** `target` less the multiple of `source` that cancels `column` from it (both kept integral). */
  private eliminate(target: Row, targetIndex: number, source: Row, column: number) {
    const a = source.get(column) as number;
    const b = target.get(column) as number;
    const g = gcd(a, b);
    const scaleTarget = a / g;
    const scaleSource = b / g;
    if (scaleTarget !== 1) for (const [k, v] of target) target.set(k, exact(v * scaleTarget));
    for (const [k, v] of source) {
      const next = exact((target.get(k) ?? 0) - exact(v * scaleSource));
      if (next === 0) {
        target.delete(k);
        if (targetIndex >= 0) this.columnRows[k]?.delete(targetIndex);
      } else {
        if (targetIndex >= 0 && !target.has(k)) this.rowsOf(k).add(targetIndex);
        target.set(k, next);
      }
    }
    primitive(target);
  }

  /** Makes `column` row `r`'s pivot and clears it from every other row. */
  private setPivot(r: number, column: number) {
    const row = this.rows[r] as Row;
    this.pivotOf[r] = column;
    this.pivotRow[column] = r;
    for (const other of [...this.rowsOf(column)]) {
      if (other === r) continue;
      this.eliminate(this.rows[other] as Row, other, row, column);
    }
  }

  /**
   * The pivot for a row: the column in fewest other rows (clearing it fills in least), then the one
   * decided last (a pivot that is published must be replaced), then the lowest.
   */
  private choosePivot(row: Row) {
    let best = -1;
    for (const k of row.keys()) {
      if (best < 0) {
        best = k;
        continue;
      }
      const rk = this.rank(k);
      const rb = this.rank(best);
      const nk = this.columnRows[k]?.size ?? 0;
      const nb = this.columnRows[best]?.size ?? 0;
      if (nk < nb || (nk === nb && (rk > rb || (rk === rb && k < best)))) best = k;
    }
    return best;
  }

  /** Adds an equation (cell → coefficient) to the span, reduced against the rows so far. */
  addEquation(equation: Row) {
    const row = new Map(equation);
    for (const k of [...row.keys()]) {
      const r = this.pivotRow[k] as number;
      if (r >= 0 && row.has(k)) this.eliminate(row, -1, this.rows[r] as Row, k);
    }
    if (row.size === 0) return;
    primitive(row);
    const r = this.rows.length;
    this.rows.push(row);
    this.pivotOf.push(-1);
    for (const k of row.keys()) this.rowsOf(k).add(r);
    this.setPivot(r, this.choosePivot(row));
  }

  /** Whether a cell's value follows from the relations and the published cells. */
  determined(cell: number) {
    const r = this.pivotRow[cell] as number;
    return r >= 0 && (this.rows[r] as Row).size === 1;
  }

  /**
   * Whether publishing `cell` would let some protected cell be worked out. Publishing adds r, the
   * cell's residue against the rows (itself if it is no pivot, else the rest of its row); a protected
   * cell h becomes determined exactly when its own residue (itself, or the rest of its row) is a
   * multiple of r.
   */
  wouldDetermine(cell: number, isProtected: (cell: number) => boolean) {
    const r = this.pivotRow[cell] as number;
    let residue: Row;
    if (r < 0) residue = new Map([[cell, 1]]);
    else {
      residue = new Map(this.rows[r] as Row);
      residue.delete(cell);
      if (residue.size === 0) return false;
      if (residue.size === 1 && isProtected(residue.keys().next().value as number)) return true;
    }
    // Any protected pivot row whose rest is a multiple of the residue holds each of its columns:
    // look through the column held by fewest rows.
    let through = -1;
    for (const k of residue.keys())
      if (through < 0 || this.rowsOf(k).size < this.rowsOf(through).size) through = k;
    const base = residue.get(through) as number;
    for (const s of this.rowsOf(through)) {
      if (s === r) continue;
      const pivot = this.pivotOf[s] as number;
      const row = this.rows[s] as Row;
      if (!isProtected(pivot) || row.size !== residue.size + 1) continue;
      const other = row.get(through) as number;
      let multiple = true;
      for (const [k, v] of residue) {
        const w = row.get(k);
        if (w === undefined || w * base !== v * other) {
          multiple = false;
          break;
        }
      }
      if (multiple) return true;
    }
    return false;
  }

  /** Publishes a cell: its column leaves every row (its value is now a known constant). */
  publish(cell: number) {
    const r = this.pivotRow[cell] as number;
    const holders = this.rowsOf(cell);
    if (r < 0) {
      for (const s of holders) (this.rows[s] as Row).delete(cell);
      holders.clear();
      return;
    }
    const row = this.rows[r] as Row;
    row.delete(cell);
    holders.clear();
    this.pivotRow[cell] = -1;
    if (row.size === 0) {
      this.rows[r] = undefined;
      return;
    }
    primitive(row);
    this.setPivot(r, this.choosePivot(row));
  }
}

/** Connected components of the relations over a view's unknown cells, as a find function. */
function components(cellCount: number, sums: GaussInput['sums'], unknown: (cell: number) => boolean) {
  const parent = Int32Array.from({ length: cellCount }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  for (const sum of sums) {
    let first = -1;
    for (const cell of sum) {
      if (!unknown(cell)) continue;
      if (first < 0) first = find(cell);
      else parent[find(cell)] = first;
    }
  }
  return find;
}

/** One view's relations over the cells it does not know, in echelon form. */
function viewState(input: GaussInput, view: GaussView, rank: (cell: number) => number) {
  const { cellCount, sums } = input;
  const isProtected = new Uint8Array(cellCount);
  for (const cell of view.protectedCells) isProtected[cell] = 1;
  const unknown = (cell: number) => !view.known(cell);
  const componentOf = components(cellCount, sums, unknown);
  // Only components holding a protected cell need the elimination: elsewhere nothing can be exposed.
  const guarded = new Set<number>();
  for (const cell of view.protectedCells) if (unknown(cell)) guarded.add(componentOf(cell));
  const echelon = new Echelon(cellCount, rank);
  for (const sum of sums) {
    const equation: Row = new Map();
    sum.forEach((cell, position) => {
      if (!unknown(cell) || !guarded.has(componentOf(cell))) return;
      const next = (equation.get(cell) ?? 0) + (position === 0 ? 1 : -1);
      if (next === 0) equation.delete(cell);
      else equation.set(cell, next);
    });
    if (equation.size > 0) echelon.addEquation(equation);
  }
  const protects = (cell: number) => isProtected[cell] === 1;
  return {
    exposed: view.protectedCells.filter((cell) => unknown(cell) && echelon.determined(cell)),
    /** Whether the view must not see this cell published. */
    objects: (cell: number) =>
      unknown(cell) &&
      guarded.has(componentOf(cell)) &&
      !echelon.determined(cell) &&
      echelon.wouldDetermine(cell, protects),
    publish: (cell: number) => {
      if (unknown(cell) && guarded.has(componentOf(cell))) echelon.publish(cell);
    },
  };
}

/**
 * Decides the candidates: which to publish and which to hide so that no view can work out one of its
 * protected cells exactly. Deterministic: the result depends only on the order of the candidates and
 * on the relations as sets.
 */
export function gaussSuppression(input: GaussInput): GaussResult {
  const order = new Float64Array(input.cellCount).fill(Number.POSITIVE_INFINITY);
  input.candidates.forEach((cell, k) => {
    order[cell] = k;
  });
  const rank = (cell: number) => order[cell] as number;
  const views = input.views.map((view) => viewState(input, view, rank));
  const hidden: number[] = [];
  for (const cell of input.candidates) {
    if (views.some((view) => view.objects(cell))) {
      hidden.push(cell);
      // Hidden for good: the best kind of pivot, never published.
      order[cell] = Number.POSITIVE_INFINITY;
    } else for (const view of views) view.publish(cell);
  }
  return { hidden, exposed: [...new Set(views.flatMap((view) => view.exposed))].sort((a, b) => a - b) };
}
