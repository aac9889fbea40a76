/**
 * How a kept text reads once an admin has removed it. Plain TypeScript shared with the browser, which
 * recognises the note so it offers no second removal.
 */

const notePrefix = '[removed by an administrator on ';

/** What every reader sees in place of a removed text: when it was removed (the UTC day), and nothing of it. */
export function removedTextNote(redactedAt: string): string {
  return `${notePrefix}${redactedAt.slice(0, 10)}]`;
}

/** Whether a text as served is the note of a removed one. */
export function isRemovedTextNote(text: string): boolean {
  return text.startsWith(notePrefix) && text.endsWith(']');
}

/** Whether typed text carries the note's wording, which would pass it off as a removal. */
export function looksLikeRemovedNote(text: string): boolean {
  return text.toLowerCase().includes(notePrefix.toLowerCase());
}
