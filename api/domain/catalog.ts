/**
 * The catalog: what agencies report. Sections hold data elements; each element has a total and any
 * number of disaggregations (category combinations of one or two categories). Types and pure
 * helpers shared by the server and the browser; the file's schema is in `catalogSchema.ts`.
 */
import type { z } from 'zod';
import type { AgencyType } from './agencyTypes';
import type { catalogSchema } from './catalogSchema';

export { type AgencyType, agencyTypes } from './agencyTypes';

export const ruleOperators = ['==', '!=', '<', '<=', '>', '>='] as const;
export type RuleOperator = (typeof ruleOperators)[number];

export type Catalog = z.infer<typeof catalogSchema>;
export type Category = Catalog['categories'][number];
export type CategoryCombo = Catalog['categoryCombos'][number];
export type Section = Catalog['sections'][number];
export type DataElement = Section['elements'][number];
export type ValidationRule = Catalog['validationRules'][number];

/** The option keys of a combination's cells: option codes in category order, joined by '|'. */
export function optionKeysOf(catalog: Catalog, combo: CategoryCombo): string[] {
  let keys: string[][] = [[]];
  for (const categoryCode of combo.categories) {
    const category = catalog.categories.find((c) => c.code === categoryCode);
    if (!category) throw new Error(`unknown category "${categoryCode}"`);
    keys = keys.flatMap((prefix) => category.options.map((o) => [...prefix, o.code]));
  }
  return keys.map((parts) => parts.join('|'));
}

/**
 * Identifies one reported number: an element's total (combo and optionKey empty) or one cell of one
 * of its disaggregations.
 */
export type CellRef = { element: string; combo: string; optionKey: string };

/** Every cell an agency can report for an element: its total first, then each disaggregation's cells. */
export function cellsOfElement(catalog: Catalog, element: DataElement): CellRef[] {
  const cells: CellRef[] = [{ element: element.code, combo: '', optionKey: '' }];
  for (const comboCode of element.disaggregations) {
    const combo = catalog.categoryCombos.find((c) => c.code === comboCode);
    if (!combo) throw new Error(`unknown category combination "${comboCode}"`);
    for (const optionKey of optionKeysOf(catalog, combo))
      cells.push({ element: element.code, combo: comboCode, optionKey });
  }
  return cells;
}

/** A stable string for a cell, used as a map key on both sides of the wire. */
export function cellKey(cell: CellRef): string {
  return cell.combo === '' ? cell.element : `${cell.element}.${cell.combo}.${cell.optionKey}`;
}

/** The sections an agency of this type reports. */
export function sectionsFor(catalog: Catalog, agencyType: AgencyType): Section[] {
  return catalog.sections.filter((s) => s.agencyTypes.includes(agencyType));
}

/** Splits a cell key back into its parts. */
export function parseCellKey(key: string): CellRef {
  const [element = '', combo = '', optionKey = ''] = key.split('.');
  return { element, combo, optionKey };
}

/** A cell in words: "Survivors served · By gender identity · Female"; an element's total is its name. */
export function cellLabel(catalog: Catalog, key: string): string {
  const { element, combo, optionKey } = parseCellKey(key);
  const el = catalog.sections.flatMap((s) => s.elements).find((e) => e.code === element);
  const name = el?.name ?? element;
  if (combo === '') return name;
  const comboDef = catalog.categoryCombos.find((c) => c.code === combo);
  const options = optionKey.split('|').map((code, i) => {
    const category = catalog.categories.find((c) => c.code === comboDef?.categories[i]);
    return category?.options.find((o) => o.code === code)?.name ?? code;
  });
  return [name, comboDef?.name ?? combo, options.join(', ')].join(' · ');
}
