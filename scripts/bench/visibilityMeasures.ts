/**
 * What the visibility benchmark measures, from published cells and true values only: no database, no
 * catalog beyond a table's categories, no cube builder. New tables and groupings (such as
 * `survivors_served.type_age:age_minor_adult`) are measured as they appear, without changes here.
 */

/** A cell as a release stored it for one audience (the published_cells table). */
export type PublishedCell = {
  table: string;
  period: string;
  geo: string;
  optionKey: string;
  value: number | null;
  suppressed: boolean;
};

/** True values by cell id, `<period>/<geo>/<table>/<optionKey>`. */
export type TrueValues = ReadonlyMap<string, number>;

/** A table's categories in option-key order (none for an element's grand total). */
export type CategoriesOf = (table: string) => readonly string[];

const total = '_total';

export const cellKey = (c: Pick<PublishedCell, 'period' | 'geo' | 'table' | 'optionKey'>) =>
  `${c.period}/${c.geo}/${c.table}/${c.optionKey}`;

/** The categories counted in the demographic share: trafficking type, age, gender, citizenship, LGBTQ+, disability. */
export const demographicCategories = [
  'trafficking_type',
  'age_group',
  'gender',
  'citizenship',
  'lgbtq',
  'disability',
] as const;

/** The element whose breakdowns are the demographic picture. */
export const demographicElement = 'survivors_served';

export const elementOf = (table: string) => table.split('.', 1)[0] as string;

/** An element's grand total (`<element>` / `_total`): the headline figure of a period and place. */
export const isHeadline = (table: string, optionKey: string) => !table.includes('.') && optionKey === total;

/** One audience's published cells by id, and which tables it has cells of in each period and place. */
export type Published = {
  cells: ReadonlyMap<string, PublishedCell>;
  /** `<period>/<geo>` → tables with at least one stored cell there. */
  tables: ReadonlyMap<string, ReadonlySet<string>>;
};

export function indexPublished(cells: Iterable<PublishedCell>): Published {
  const byId = new Map<string, PublishedCell>();
  const tables = new Map<string, Set<string>>();
  for (const cell of cells) {
    byId.set(cellKey(cell), cell);
    const view = `${cell.period}/${cell.geo}`;
    const set = tables.get(view) ?? new Set<string>();
    tables.set(view, set);
    set.add(cell.table);
  }
  return { cells: byId, tables };
}

/** A true cell of one period and place. */
type TrueCell = { table: string; optionKey: string; id: string; value: number };

/** True values grouped by `<period>/<geo>`, in the order they were given (the catalog's). */
export function indexTruth(truth: TrueValues): Map<string, TrueCell[]> {
  const views = new Map<string, TrueCell[]>();
  for (const [id, value] of truth) {
    const [period, geo, table, optionKey] = id.split('/') as [string, string, string, string];
    const view = `${period}/${geo}`;
    const list = views.get(view) ?? [];
    views.set(view, list);
    list.push({ table, optionKey, id, value });
  }
  return views;
}

const isVisible = (published: Published, id: string) => {
  const cell = published.cells.get(id);
  return cell !== undefined && !cell.suppressed;
};

export type TableVisibility = {
  table: string;
  /** Whether the audience has any cell of the table in this period and place. */
  published: boolean;
  cells: number;
  visibleCells: number;
  /** The sum of the table's finest cells (for a two-way table, its inner cells): the count it breaks down. */
  count: number;
  visibleCount: number;
};

/** A table's finest cells: no `_total` coordinate; an element's grand total is its own finest cell. */
const isFinest = (optionKey: string) => optionKey === total || !optionKey.split('|').includes(total);

/**
 * Per table of one period and place, the share of its cells the audience sees and the share of the
 * count they hold. Every true cell is counted; one the audience was not given counts as not visible.
 */
export function tableVisibility(
  truth: ReadonlyMap<string, TrueCell[]>,
  published: Published,
  period: string,
  geo: string,
): TableVisibility[] {
  const view = `${period}/${geo}`;
  const tablesGiven = published.tables.get(view) ?? new Set<string>();
  const byTable = new Map<string, TableVisibility>();
  // A two-way table published by its margins only has no finest cells: it breaks its count down
  // along its first category instead (the cells with one coordinate, at that coordinate's position).
  const margins = new Map<string, { count: number; visibleCount: number }>();
  for (const cell of truth.get(view) ?? []) {
    let entry = byTable.get(cell.table);
    if (!entry) {
      entry = {
        table: cell.table,
        published: tablesGiven.has(cell.table),
        cells: 0,
        visibleCells: 0,
        count: 0,
        visibleCount: 0,
      };
      byTable.set(cell.table, entry);
    }
    const visible = isVisible(published, cell.id);
    entry.cells++;
    if (visible) entry.visibleCells++;
    if (isFinest(cell.optionKey)) {
      entry.count += cell.value;
      if (visible) entry.visibleCount += cell.value;
    } else if (cell.optionKey.split('|')[0] !== total) {
      const margin = margins.get(cell.table) ?? { count: 0, visibleCount: 0 };
      margin.count += cell.value;
      if (visible) margin.visibleCount += cell.value;
      margins.set(cell.table, margin);
    }
  }
  for (const entry of byTable.values()) {
    const margin = margins.get(entry.table);
    if (entry.count === 0 && margin) Object.assign(entry, margin);
  }
  return [...byTable.values()];
}

export type CategoryVisibility = {
  category: string;
  /** The table the audience sees most of this category's count in; null when it has none along it. */
  table: string | null;
  visible: number;
  /** The element's grand total: every survivor has one option of the category. */
  total: number;
};

export type DemographicVisibility = { visible: number; total: number; categories: CategoryVisibility[] };

/**
 * The share of the demographic count the audience sees in one period and place. A demographic table is
 * one of survivors served whose categories are all demographic; a cell counts along a category when
 * that is its only coordinate that is not `_total` (one-way cells, and the marginals of two-way and
 * grouped tables; inner cells of a two-way table are left out). For each category the audience's best
 * table counts (the one it sees most of, so a fine and a grouped table of the same category are not
 * counted twice), out of the element's grand total; the share is the sum over the categories.
 */
export function demographicVisibility(
  truth: ReadonlyMap<string, TrueCell[]>,
  published: Published,
  categoriesOf: CategoriesOf,
  period: string,
  geo: string,
): DemographicVisibility {
  const view = `${period}/${geo}`;
  const tablesGiven = published.tables.get(view) ?? new Set<string>();
  const wanted = new Set<string>(demographicCategories);
  const cells = truth.get(view) ?? [];
  const grandTotal = cells.find((c) => c.table === demographicElement && c.optionKey === total)?.value ?? 0;
  // table → category → visible count along it
  const lines = new Map<string, Map<string, number>>();
  for (const cell of cells) {
    if (elementOf(cell.table) !== demographicElement || !tablesGiven.has(cell.table)) continue;
    const categories = categoriesOf(cell.table);
    if (categories.length === 0 || !categories.every((c) => wanted.has(c))) continue;
    const open = cell.optionKey.split('|').flatMap((option, i) => (option === total ? [] : [i]));
    if (open.length !== 1) continue;
    const category = categories[open[0] as number] as string;
    const byCategory = lines.get(cell.table) ?? new Map<string, number>();
    lines.set(cell.table, byCategory);
    const visible = isVisible(published, cell.id) ? cell.value : 0;
    byCategory.set(category, (byCategory.get(category) ?? 0) + visible);
  }
  const result: CategoryVisibility[] = demographicCategories.map((category) => {
    let best: CategoryVisibility = { category, table: null, visible: 0, total: grandTotal };
    for (const [table, byCategory] of lines) {
      const visible = byCategory.get(category);
      if (visible !== undefined && (best.table === null || visible > best.visible))
        best = { category, table, visible, total: grandTotal };
    }
    return best;
  });
  return {
    visible: result.reduce((sum, c) => sum + c.visible, 0),
    total: result.reduce((sum, c) => sum + c.total, 0),
    categories: result,
  };
}

export type HeadlineVisibility = { element: string; value: number; visible: boolean };

/** Every element's grand total in one period and place, and whether the audience sees it. */
export function headlineVisibility(
  truth: ReadonlyMap<string, TrueCell[]>,
  published: Published,
  period: string,
  geo: string,
): HeadlineVisibility[] {
  return (truth.get(`${period}/${geo}`) ?? [])
    .filter((c) => isHeadline(c.table, c.optionKey))
    .map((c) => ({ element: c.table, value: c.value, visible: isVisible(published, c.id) }));
}

export type Nesting = {
  /** Cells published to the public. */
  publicCells: number;
  /** Public cells members were not given at all. */
  missingForMembers: number;
  /** Cells the public sees and members don't, and the count they hold. */
  hiddenFromMembers: number;
  hiddenFromMembersCount: number;
  /** Cells both see with different values. */
  differentValues: number;
  /** `<table> <period>` pairs (any place) in which the public sees a cell members don't. */
  publicSeesMore: string[];
};

/** Members should see everything the public sees, with the same values: checks it cell by cell. */
export function compareAudiences(members: Published, audience: Published): Nesting {
  const nesting: Nesting = {
    publicCells: 0,
    missingForMembers: 0,
    hiddenFromMembers: 0,
    hiddenFromMembersCount: 0,
    differentValues: 0,
    publicSeesMore: [],
  };
  const pairs = new Set<string>();
  for (const [id, cell] of audience.cells) {
    nesting.publicCells++;
    const member = members.cells.get(id);
    if (!member) {
      nesting.missingForMembers++;
      continue;
    }
    if (cell.suppressed) continue;
    if (member.suppressed) {
      nesting.hiddenFromMembers++;
      nesting.hiddenFromMembersCount += cell.value ?? 0;
      pairs.add(`${cell.table} ${cell.period}`);
    } else if (member.value !== cell.value) nesting.differentValues++;
  }
  nesting.publicSeesMore = [...pairs].sort();
  return nesting;
}

/** A share as a percentage; a dash when there is nothing to share. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '—';
  const share = (part / whole) * 100;
  return `${share >= 99.95 && part < whole ? '99.9' : share.toFixed(1)}%`;
}
