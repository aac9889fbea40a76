/**
 * Words for the CSV upload: each problem the server found, placed by row and column so the reporter
 * can find it in their file, and a summary of what applying the file would change. Only what the
 * server returned is ever shown; nothing from the file itself is echoed.
 */
import { choose } from '../../lib/text';
import type { CellChange, UploadProblem } from '../submissions/types';
import { formatCount } from './layout';

/** "Row 7, column value: Use a whole number." — row is the line in the file, 1 being the header. */
export function describeUploadProblem(problem: UploadProblem): string {
  const where: string[] = [];
  if (problem.row !== null) where.push(`Row ${problem.row}`);
  if (problem.column !== null && problem.column !== '')
    where.push(where.length === 0 ? `Column ${problem.column}` : `column ${problem.column}`);
  const message = problem.message.trim() === '' ? 'This could not be read.' : problem.message.trim();
  return where.length === 0 ? message : `${where.join(', ')}: ${message}`;
}

/** The change in a cell, as "blank → 12", "12 → 14" or "12 → blank". */
export function describeChange(change: Pick<CellChange, 'from' | 'to'>): string {
  return `${formatCount(change.from)} → ${formatCount(change.to)}`;
}

/** How a change reads in a word: a new count, a corrected one, or a cleared one. */
export function changeKind(change: Pick<CellChange, 'from' | 'to'>): 'added' | 'changed' | 'cleared' {
  if (change.from === null) return 'added';
  if (change.to === null) return 'cleared';
  return 'changed';
}

/**
 * "3 counts would change (1 new, 2 corrected); 40 stay the same." — or, once applied, "3 counts
 * changed …". An upload that changes nothing says so plainly.
 */
export function summarizeChanges(
  changes: readonly CellChange[],
  unchanged: number,
  applied: boolean,
): string {
  const kept = `${unchanged} ${choose(unchanged, 'count stays', 'counts stay')} the same`;
  if (changes.length === 0)
    return applied
      ? `Nothing changed: the file matches your report. ${capitalize(kept)}.`
      : `Nothing would change: the file matches your report. ${capitalize(kept)}.`;
  const tally = { added: 0, changed: 0, cleared: 0 };
  for (const change of changes) tally[changeKind(change)]++;
  const details = [
    tally.added > 0 ? `${tally.added} new` : null,
    tally.changed > 0 ? `${tally.changed} corrected` : null,
    tally.cleared > 0 ? `${tally.cleared} cleared` : null,
  ].filter((part) => part !== null);
  const verb = applied ? 'changed' : 'would change';
  return `${changes.length} ${choose(changes.length, 'count', 'counts')} ${verb} (${details.join(', ')}); ${kept}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
