/**
 * What the reporter has typed, and what of it still needs saving. Typed text is kept as text until
 * it reads as a count, so a half-typed or mistaken entry is never lost or silently changed; only
 * cells whose text is a valid count (or blank, which clears the cell) are sent.
 */

/** The most the API accepts in one cell. */
export const largestCount = 1_000_000;

export type ParsedEntry =
  | { kind: 'blank' }
  | { kind: 'count'; value: number }
  | { kind: 'invalid'; message: string };

/**
 * Reads a cell's text. Blank means "not reported", which is different from 0. Spaces and thousands
 * separators ("1,204") are allowed; anything else gets a plain message saying what to type.
 */
export function parseEntry(text: string): ParsedEntry {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'blank' };
  const compact = trimmed.replace(/[\s,]/g, '');
  if (/^-\d+([.]\d+)?$/.test(compact)) return { kind: 'invalid', message: "A count can't be negative." };
  if (/^\d*[.]\d+$/.test(compact) || /^\d+[.]$/.test(compact))
    return { kind: 'invalid', message: 'Use a whole number, like 12. Counts of people have no decimals.' };
  if (!/^\d+$/.test(compact))
    return { kind: 'invalid', message: 'Use digits only, like 12, or leave the box blank.' };
  const value = Number(compact);
  if (value > largestCount)
    return { kind: 'invalid', message: 'That is more than 1,000,000. Please check the number.' };
  return { kind: 'count', value };
}

/** The values the form stands for right now: saved values, overlaid with every valid typed entry. */
export function effectiveValues(
  saved: Readonly<Record<string, number>>,
  entries: Readonly<Record<string, string>>,
): Map<string, number> {
  const values = new Map(Object.entries(saved));
  for (const [key, text] of Object.entries(entries)) {
    const parsed = parseEntry(text);
    if (parsed.kind === 'count') values.set(key, parsed.value);
    else if (parsed.kind === 'blank') values.delete(key);
    // An invalid entry leaves the saved value in force until it is corrected.
  }
  return values;
}

/** The cells to send: each valid entry that differs from what is saved (`null` clears a cell). */
export function changedValues(
  saved: Readonly<Record<string, number>>,
  entries: Readonly<Record<string, string>>,
): Record<string, number | null> {
  const changes: Record<string, number | null> = {};
  for (const [key, text] of Object.entries(entries)) {
    const parsed = parseEntry(text);
    if (parsed.kind === 'count' && saved[key] !== parsed.value) changes[key] = parsed.value;
    else if (parsed.kind === 'blank' && saved[key] !== undefined) changes[key] = null;
  }
  return changes;
}

/** The explanations to send: each typed one that differs from what is saved (`null` removes one). */
export function changedExplanations(
  saved: Readonly<Record<string, string>>,
  drafts: Readonly<Record<string, string>>,
): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  for (const [code, text] of Object.entries(drafts)) {
    const trimmed = text.trim();
    const current = saved[code];
    if (trimmed === '') {
      if (current !== undefined && current !== '') changes[code] = null;
    } else if (trimmed !== current) changes[code] = trimmed;
  }
  return changes;
}

/** Typed cells whose text is not a count, with what to do about each. */
export function invalidEntries(entries: Readonly<Record<string, string>>): Map<string, string> {
  const problems = new Map<string, string>();
  for (const [key, text] of Object.entries(entries)) {
    const parsed = parseEntry(text);
    if (parsed.kind === 'invalid') problems.set(key, parsed.message);
  }
  return problems;
}

/** The text a cell shows: what was typed if anything, otherwise the saved count, otherwise blank. */
export function displayedText(
  key: string,
  saved: Readonly<Record<string, number>>,
  entries: Readonly<Record<string, string>>,
): string {
  const typed = entries[key];
  if (typed !== undefined) return typed;
  const value = saved[key];
  return value === undefined ? '' : String(value);
}

/** True when nothing is waiting to be sent. */
export function isEmptyChange(change: {
  values: Record<string, unknown>;
  explanations: Record<string, unknown>;
}): boolean {
  return Object.keys(change.values).length === 0 && Object.keys(change.explanations).length === 0;
}

/**
 * Leaves out explanations the server refused as personal data while they still read exactly as
 * refused, so the counts typed meanwhile can still be saved. Editing the explanation sends it again.
 */
export function withoutRefused(
  changes: Readonly<Record<string, string | null>>,
  refused: Readonly<Record<string, string>>,
): Record<string, string | null> {
  const kept: Record<string, string | null> = {};
  for (const [code, text] of Object.entries(changes)) {
    if (text !== null && refused[code] === text) continue;
    kept[code] = text;
  }
  return kept;
}
