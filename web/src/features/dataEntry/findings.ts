/**
 * Validation findings as the form shows them: which cells they are about, in words; where on the
 * form each message sits; and what stands between the reporter and submitting.
 */
import type { Catalog } from '../../../../api/domain/catalog';
import { blockingFindings, type Finding } from '../../../../api/domain/validation';
import { choose } from '../../lib/text';

/** A cell key split into its parts; `combo` and `options` are empty for an element's total. */
export function splitCellKey(key: string): { element: string; combo: string; options: string[] } {
  const [element = '', combo = '', optionKey = ''] = key.split('.');
  return { element, combo, options: optionKey === '' ? [] : optionKey.split('|') };
}

/**
 * A cell in words, the way the API labels it: "Survivors served · By gender identity · Female",
 * or "Survivors served · Total". Unknown codes are shown as they are rather than dropped.
 */
export function cellLabel(catalog: Catalog, key: string): string {
  const { element: elementCode, combo: comboCode, options } = splitCellKey(key);
  const element = catalog.sections.flatMap((s) => s.elements).find((e) => e.code === elementCode);
  const elementName = element?.name ?? elementCode;
  if (comboCode === '') return `${elementName} · Total`;
  const combo = catalog.categoryCombos.find((c) => c.code === comboCode);
  const optionNames = options.map((code, index) => {
    const category = catalog.categories.find((c) => c.code === combo?.categories[index]);
    return category?.options.find((o) => o.code === code)?.name ?? code;
  });
  return [elementName, combo?.name ?? comboCode, optionNames.join(', ')].join(' · ');
}

/** Where a finding's message is shown: beside one breakdown table, or beside an element's total. */
export type FindingAnchor = { element: string; combo: string | null };

/**
 * A rule about one breakdown (its cells, and perhaps the total they should add up to) is shown by
 * that table; anything else (two totals, two breakdowns) by the first element it names.
 */
export function anchorOf(finding: Pick<Finding, 'cells'>): FindingAnchor {
  const parts = finding.cells.map(splitCellKey);
  const breakdowns = new Set(parts.filter((p) => p.combo !== '').map((p) => `${p.element}.${p.combo}`));
  const [only] = [...breakdowns];
  if (breakdowns.size === 1 && only) {
    const [element = '', combo = ''] = only.split('.');
    return { element, combo };
  }
  return { element: parts[0]?.element ?? '', combo: null };
}

/** A string safe to use in an id attribute (finding codes contain dots). */
export function domId(prefix: string, code: string): string {
  return `${prefix}-${code.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** Each cell's findings, so each input can point at the messages about it. */
export function findingsByCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const byCell = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const cell of finding.cells) {
      const list = byCell.get(cell);
      if (list) list.push(finding);
      else byCell.set(cell, [finding]);
    }
  }
  return byCell;
}

/** The findings to show by each breakdown or total, keyed `element` or `element.combo`. */
export function findingsByAnchor(findings: readonly Finding[]): Map<string, Finding[]> {
  const byAnchor = new Map<string, Finding[]>();
  for (const finding of findings) {
    const { element, combo } = anchorOf(finding);
    const key = combo === null ? element : `${element}.${combo}`;
    const list = byAnchor.get(key);
    if (list) list.push(finding);
    else byAnchor.set(key, [finding]);
  }
  return byAnchor;
}

/** How many findings each section has, for the section links. */
export function countBySection(
  findings: readonly Finding[],
): Map<string, { errors: number; warnings: number }> {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const finding of findings) {
    const count = counts.get(finding.section) ?? { errors: 0, warnings: 0 };
    if (finding.severity === 'error') count.errors++;
    else count.warnings++;
    counts.set(finding.section, count);
  }
  return counts;
}

/** "1 problem to fix, 2 warnings to explain", or null when there is nothing. */
export function describeCounts(count: { errors: number; warnings: number } | undefined): string | null {
  if (!count || count.errors + count.warnings === 0) return null;
  const parts: string[] = [];
  if (count.errors > 0) parts.push(`${count.errors} ${choose(count.errors, 'problem', 'problems')} to fix`);
  if (count.warnings > 0) parts.push(`${count.warnings} ${choose(count.warnings, 'warning', 'warnings')}`);
  return parts.join(', ');
}

/** What stops a submit, ready to show: errors to fix and warnings that still need a few words. */
export type SubmitBlockers = { errors: Finding[]; unexplained: Finding[]; invalidCells: number };

export function submitBlockers(
  findings: readonly Finding[],
  explanations: Readonly<Record<string, string>>,
  invalidCells = 0,
): SubmitBlockers {
  return { ...blockingFindings(findings, explanations), invalidCells };
}

export function isBlocked(blockers: SubmitBlockers): boolean {
  return blockers.errors.length + blockers.unexplained.length + blockers.invalidCells > 0;
}

/** The opening sentence of the "can't submit yet" summary. */
export function describeBlockers(blockers: SubmitBlockers): string {
  const parts: string[] = [];
  if (blockers.invalidCells > 0)
    parts.push(
      `${blockers.invalidCells} ${choose(blockers.invalidCells, 'box has', 'boxes have')} something that isn't a count`,
    );
  if (blockers.errors.length > 0)
    parts.push(
      `${blockers.errors.length} ${choose(blockers.errors.length, 'problem needs', 'problems need')} fixing`,
    );
  if (blockers.unexplained.length > 0)
    parts.push(
      `${blockers.unexplained.length} ${choose(blockers.unexplained.length, 'warning needs', 'warnings need')} a short explanation`,
    );
  if (parts.length === 0) return 'Nothing is stopping this report from being submitted.';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Not submitted yet: ${list}.`;
}

/** Warnings the reporter has explained or still needs to, in the order the server will check them. */
export function warningsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'warning');
}

/**
 * The cells a finding is about, grouped so a long breakdown reads as one item: "Survivors served:
 * total; Survivors served, by gender identity (5 boxes)".
 */
export function describeFindingCells(catalog: Catalog, cells: readonly string[]): string {
  const groups = new Map<string, { element: string; combo: string; count: number }>();
  for (const key of cells) {
    const { element, combo } = splitCellKey(key);
    const id = `${element}.${combo}`;
    const group = groups.get(id);
    if (group) group.count++;
    else groups.set(id, { element, combo, count: 1 });
  }
  const elements = catalog.sections.flatMap((s) => s.elements);
  return [...groups.values()]
    .map(({ element, combo, count }) => {
      const name = elements.find((e) => e.code === element)?.name ?? element;
      if (combo === '') return `${name}: total`;
      const comboName = catalog.categoryCombos.find((c) => c.code === combo)?.name ?? combo;
      const by = comboName.startsWith('By ') ? `by ${comboName.slice(3)}` : comboName.toLowerCase();
      return `${name}, ${by} (${count} ${choose(count, 'box', 'boxes')})`;
    })
    .join('; ');
}
