/**
 * The shapes disclosure protection works on. A release's cube is a set of cells (every number that
 * could be published, with each agency's contribution) and the additivity relations among them.
 * Protection decides, for one audience, which cells are published and which are hidden.
 */

export type Audience = 'coalition' | 'public';

/** Default thresholds T: a people count 1 ≤ v < T is hidden. */
export const defaultThresholds: Readonly<Record<Audience, number>> = { coalition: 5, public: 11 };
/** Below these a policy is refused: too little protection for the audience. */
export const minimumThresholds: Readonly<Record<Audience, number>> = { coalition: 3, public: 5 };

export type CubeCell = {
  /** Unique within the cube, stable across runs (ties are broken by it). */
  id: string;
  /** People counts are protected by the threshold; activity counts are not. */
  kind: 'people' | 'activity';
  /** The true value. Never leaves the server for a hidden cell. */
  value: number;
  /** Each contributing agency's part, by agency code; the parts sum to `value`. */
  contributions: ReadonlyMap<string, number>;
  /** Totals and marginals (any `_total` coordinate, coalition or year cells) cost more to hide. */
  marginal: boolean;
  /**
   * How much more than its value hiding the cell costs, when not the default (1, or 10 for a
   * marginal). The cube makes an element's grand totals — the headline figures — cost 100, and
   * 1,000 coalition-wide, so complements fall on breakdowns and counties first.
   */
  costFactor?: number;
  /**
   * Published by this release (a year release's cube also holds its earlier quarters, which their own
   * releases publish). Information lost is measured over these cells; when no cell says, over all.
   */
  owned?: boolean;
  /** Already published in an earlier release: its status is fixed (and, if published, its value known). */
  frozen?: { suppressed: boolean };
  /**
   * Published before with a value that is no longer true (a report approved since): unknown to the
   * model, and not protected as a hidden cell, since what a reader saw was the earlier value.
   */
  stale?: boolean;
  /**
   * Cells that vary together most, audited together in a very large component: the cube groups by
   * geography, so a region is a few counties' cells and the coalition's.
   */
  group?: string;
  /**
   * Cells that can move together in proportion and still satisfy every relation among them: an
   * element's cells in one period and geography. The audit's certificates use it (`hypercube.ts`).
   */
  block?: string;
};

/**
 * `sum`: the total equals the sum of the parts (disaggregations, county → coalition, quarters → year,
 * first quarter + new survivors → year). `atMost`: the cell is at most the bound (a multi-select
 * option is at most its total); used by the audit, not by complementary suppression.
 */
export type Relation =
  | {
      kind: 'sum';
      total: string;
      parts: string[];
      /**
       * What the parts vary along (`geo`, a table's category, a year's quarters). Relations on one
       * axis are parallel lines of a product: their parts come in the same order, so a cell can be
       * moved along an axis to the same position of its own line. The audit builds certificates from
       * such moves (see `hypercube.ts`); a relation without an axis is still audited, only by LP.
       */
      axis?: string;
    }
  | { kind: 'atMost'; cell: string; bound: string };

export type SuppressionReason = 'threshold' | 'insider' | 'complementary' | 'audit' | 'frozen';

/**
 * How complements are first chosen, before the certificates and the audit check and repair them:
 * - `gauss`: the elimination pass (`gauss.ts`), most valuable cells kept first, then the sum rules;
 * - `rules`: the rule-by-rule heuristic (a lone hidden cell, or hidden cells adding up to less than
 *   T, gets the cheapest company in its relation), then the elimination pass for what it missed;
 * - `legacy`: the engine before issue 13 (the heuristic alone; certificates hide before the LP is
 *   asked; one cell per exposure), kept so the benchmark can measure against it.
 * Neither of the first two loses less on every release: `gauss` keeps more of small tables, `rules`
 * gives more room to a year's small counts, so the audit repairs less.
 */
export type ComplementStrategy = 'gauss' | 'rules' | 'legacy';

/** What hiding takes from readers, over the people cells a release publishes. */
export type InformationLoss = {
  /** Hidden cells' share of the total count (a person counted in many tables counts in each). */
  count: number;
  /** Hidden share of the non-zero cells: however many tables count the same person, a cell is one. */
  nonZeroCells: number;
};

export type ProtectedCell = { id: string; suppressed: boolean; reason: SuppressionReason | null };

export type AuditFinding = {
  cell: string;
  /** The interval an outsider (or the named insider agency) can prove for the hidden cell. */
  lower: number;
  upper: number;
  insider: string | null;
  /**
   * `true`: the interval is what an LP over everything published proves. `false`: a large component
   * audited by neighbourhoods found no evidence that the cell is safe; its interval is unknown (NaN).
   */
  exact: boolean;
};

export type ProtectionResult = {
  audience: Audience;
  threshold: number;
  /** `passed`: every hidden cell is protected; `failed`: the release must not be published. */
  status: 'passed' | 'failed';
  cells: ProtectedCell[];
  stats: {
    cells: number;
    hidden: number;
    primary: number;
    complementary: number;
    lpsSolved: number;
    /** Sensitive cells (per view: the outsider's, each insider's) proven by a certificate, not an LP. */
    certificates: number;
    rounds: number;
    seconds: number;
    /** Hidden cells' share of all cells, and of the total count (sum of hidden people values / sum of all). */
    hiddenShareOfCells: number;
    hiddenShareOfCount: number;
    /**
     * Information lost over the cells this release publishes: in all, at the coalition level (cells
     * of the `coalition` group) and below it (every other group).
     */
    loss: { all: InformationLoss; coalition: InformationLoss; county: InformationLoss };
    /** How the complements were chosen. */
    complements: ComplementStrategy;
  };
  /** Why it failed: the cells the audit could still narrow down. Empty when passed. */
  failures: AuditFinding[];
};
