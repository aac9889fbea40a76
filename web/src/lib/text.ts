/** Small wording helpers, so counts read as sentences ("1 agency has", "3 agencies have"). */

/** "1 agency", "3 agencies", "0 agencies". */
export function countOf(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** `singular` when the count is exactly one, otherwise `plural` (English treats 0 as plural). */
export function choose(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}

/**
 * Makes a stored code readable ("victim_services" → "Victim services"). Text that already looks
 * written for people (spaces, capitals) is returned as it is.
 */
export function humanizeCode(code: string): string {
  const trimmed = code.trim();
  if (!/^[a-z0-9]+([_-][a-z0-9]+)*$/.test(trimmed)) return trimmed;
  const words = trimmed.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export { listWords } from '../../../api/domain/words';
