/**
 * The form's shape, worked out from the catalog: for each element, its total and one table per
 * disaggregation. A two-category disaggregation becomes a grid whose rows are the second
 * category's options and whose columns are the first's (age rows × type-of-trafficking columns);
 * a one-category disaggregation becomes a single column. Pure, so it can be tested without a page.
 */
import {
  type Catalog,
  type Category,
  type CategoryCombo,
  cellKey,
  type DataElement,
  type Section,
} from '../../../../api/domain/catalog';

/** One input on the form. */
export type CellLayout = {
  key: string;
  /** The accessible name: "Survivors served, Sex trafficking, 12 to 17". */
  label: string;
};

/** A disaggregation of one category: one count per option. */
export type ListLayout = {
  kind: 'list';
  combo: CategoryCombo;
  category: Category;
  /** True when one survivor may be counted under several options, so the sum may exceed the total. */
  multiSelect: boolean;
  rows: Array<{ code: string; name: string; cell: CellLayout }>;
};

/** A disaggregation of two categories: rows are the second category's options, columns the first's. */
export type GridLayout = {
  kind: 'grid';
  combo: CategoryCombo;
  columnCategory: Category;
  rowCategory: Category;
  columns: Array<{ code: string; name: string }>;
  /** `cells[i]` lines up with `columns[i]`. */
  rows: Array<{ code: string; name: string; cells: CellLayout[] }>;
  multiSelect: boolean;
};

export type DisaggregationLayout = ListLayout | GridLayout;

export type ElementLayout = {
  element: DataElement;
  total: CellLayout;
  disaggregations: DisaggregationLayout[];
};

export type SectionLayout = { section: Section; elements: ElementLayout[] };

function categoryOf(catalog: Catalog, code: string): Category {
  const category = catalog.categories.find((c) => c.code === code);
  if (!category) throw new Error(`unknown category "${code}"`);
  return category;
}

function comboOf(catalog: Catalog, code: string): CategoryCombo {
  const combo = catalog.categoryCombos.find((c) => c.code === code);
  if (!combo) throw new Error(`unknown category combination "${code}"`);
  return combo;
}

/** The layout of one disaggregation of `element`. */
export function layoutDisaggregation(
  catalog: Catalog,
  element: DataElement,
  comboCode: string,
): DisaggregationLayout {
  const combo = comboOf(catalog, comboCode);
  const categories = combo.categories.map((code) => categoryOf(catalog, code));
  const [first, second] = categories;
  if (!first) throw new Error(`category combination "${comboCode}" has no categories`);
  const multiSelect = categories.some((c) => c.multiSelect);
  const key = (optionKey: string) => cellKey({ element: element.code, combo: combo.code, optionKey });

  if (!second) {
    return {
      kind: 'list',
      combo,
      category: first,
      multiSelect,
      rows: first.options.map((option) => ({
        code: option.code,
        name: option.name,
        cell: { key: key(option.code), label: `${element.name}, ${first.name}: ${option.name}` },
      })),
    };
  }
  return {
    kind: 'grid',
    combo,
    columnCategory: first,
    rowCategory: second,
    multiSelect,
    columns: first.options.map(({ code, name }) => ({ code, name })),
    rows: second.options.map((row) => ({
      code: row.code,
      name: row.name,
      cells: first.options.map((column) => ({
        key: key(`${column.code}|${row.code}`),
        label: `${element.name}, ${column.name}, ${row.name}`,
      })),
    })),
  };
}

/** The layout of one element: its total, then each disaggregation in catalog order. */
export function layoutElement(catalog: Catalog, element: DataElement): ElementLayout {
  return {
    element,
    total: {
      key: cellKey({ element: element.code, combo: '', optionKey: '' }),
      label: `${element.name}, total`,
    },
    disaggregations: element.disaggregations.map((code) => layoutDisaggregation(catalog, element, code)),
  };
}

/** The layout of every section in `sections` (usually `sectionsFor(catalog, agencyType)`). */
export function layoutSections(catalog: Catalog, sections: readonly Section[]): SectionLayout[] {
  return sections.map((section) => ({
    section,
    elements: section.elements.map((element) => layoutElement(catalog, element)),
  }));
}

/** Every cell of a disaggregation, in reading order (row by row). */
export function cellsOf(layout: DisaggregationLayout): CellLayout[] {
  return layout.kind === 'list'
    ? layout.rows.map((row) => row.cell)
    : layout.rows.flatMap((row) => row.cells);
}

/**
 * The order Enter moves through the form: down a column, then to the top of the next column, then on
 * to the next table or element. Tab keeps the page's reading order (across each row).
 */
export function enterOrder(sections: readonly SectionLayout[]): string[] {
  const order: string[] = [];
  for (const { elements } of sections) {
    for (const { total, disaggregations } of elements) {
      order.push(total.key);
      for (const layout of disaggregations) {
        if (layout.kind === 'list') {
          for (const row of layout.rows) order.push(row.cell.key);
          continue;
        }
        for (let column = 0; column < layout.columns.length; column++) {
          for (const row of layout.rows) {
            const cell = row.cells[column];
            if (cell) order.push(cell.key);
          }
        }
      }
    }
  }
  return order;
}

/** The cell Enter (or Shift+Enter, `step = -1`) moves to from `key`, or undefined at either end. */
export function nextInOrder(order: readonly string[], key: string, step: 1 | -1 = 1): string | undefined {
  const at = order.indexOf(key);
  if (at === -1) return undefined;
  return order[at + step];
}

/** A sum of some cells: `null` when every one of them is blank, which is not the same as 0. */
export function sumOf(values: ReadonlyMap<string, number>, keys: readonly string[]): number | null {
  let total: number | null = null;
  for (const key of keys) {
    const value = values.get(key);
    if (value !== undefined) total = (total ?? 0) + value;
  }
  return total;
}

/** The computed totals of a grid: one per row, one per column, and the whole grid. */
export type GridTotals = { rows: Array<number | null>; columns: Array<number | null>; grand: number | null };

export function gridTotals(layout: GridLayout, values: ReadonlyMap<string, number>): GridTotals {
  return {
    rows: layout.rows.map((row) =>
      sumOf(
        values,
        row.cells.map((cell) => cell.key),
      ),
    ),
    columns: layout.columns.map((_, column) =>
      sumOf(
        values,
        layout.rows.flatMap((row) => {
          const cell = row.cells[column];
          return cell ? [cell.key] : [];
        }),
      ),
    ),
    grand: sumOf(
      values,
      cellsOf(layout).map((cell) => cell.key),
    ),
  };
}

/** How a breakdown's sum stands against the element's total. */
export type TotalComparison =
  | { kind: 'nothing' }
  | { kind: 'no-total'; sum: number }
  | { kind: 'no-breakdown'; total: number }
  | { kind: 'matches'; sum: number; total: number }
  | { kind: 'fewer'; sum: number; total: number; gap: number }
  | { kind: 'more'; sum: number; total: number; gap: number; allowed: boolean };

/**
 * Compares a breakdown's sum with the element's total. For a multi-select category a sum above the
 * total is expected (one survivor, several services), so it is marked `allowed`.
 */
export function compareWithTotal(
  sum: number | null,
  total: number | null,
  multiSelect: boolean,
): TotalComparison {
  if (sum === null && total === null) return { kind: 'nothing' };
  if (sum === null) return { kind: 'no-breakdown', total: total as number };
  if (total === null) return { kind: 'no-total', sum };
  if (sum === total) return { kind: 'matches', sum, total };
  if (sum < total) return { kind: 'fewer', sum, total, gap: total - sum };
  return { kind: 'more', sum, total, gap: sum - total, allowed: multiSelect };
}

const countFormat = new Intl.NumberFormat('en-US');

/** A count as people read it ("1,204"), or "blank" for a cell with nothing in it. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? 'blank' : countFormat.format(value);
}

/** The comparison in a sentence, for under each breakdown. */
export function describeComparison(comparison: TotalComparison): string {
  switch (comparison.kind) {
    case 'nothing':
      return 'Nothing entered yet.';
    case 'no-breakdown':
      return `Nothing entered in this breakdown yet. The total is ${formatCount(comparison.total)}.`;
    case 'no-total':
      return `These add up to ${formatCount(comparison.sum)}. The total above is still blank.`;
    case 'matches':
      return `These add up to ${formatCount(comparison.sum)}, the same as the total.`;
    case 'fewer':
      return `These add up to ${formatCount(comparison.sum)}: ${formatCount(comparison.gap)} fewer than the total of ${formatCount(comparison.total)}.`;
    case 'more':
      return comparison.allowed
        ? `These add up to ${formatCount(comparison.sum)}, more than the total of ${formatCount(comparison.total)}. That's expected when survivors are counted under more than one.`
        : `These add up to ${formatCount(comparison.sum)}: ${formatCount(comparison.gap)} more than the total of ${formatCount(comparison.total)}.`;
  }
}
