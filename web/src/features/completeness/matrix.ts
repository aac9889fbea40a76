/**
 * How each cell of the completeness matrix reads: a status in words, a shape that repeats it for
 * people scanning the grid, and notes for lateness and resubmission. Colour only ever repeats the
 * word and the shape, so the matrix reads the same in greyscale and to colour-blind readers.
 */
import type { SubmissionStatus } from '../../api/types';
import { choose } from '../../lib/text';
import { describeStatus, type StatusTone } from '../submissions/status';
import type { CompletenessAgency, CompletenessCell } from './types';

/** A distinct outline per status: tick, clock, return arrow, pencil, open circle; a dash when not expected. */
export type CellShape = 'tick' | 'clock' | 'return' | 'pencil' | 'circle' | 'dash';

/** What one matrix cell shows. */
export type CellView = {
  /** The status in a word or two, short enough for a grid. */
  label: string;
  tone: StatusTone | 'none';
  shape: CellShape;
  /**
   * "Late" when the report came in after the deadline; "Overdue" when nothing has been submitted
   * and the deadline has passed; null when on time or not yet due.
   */
  timing: 'Late' | 'Overdue' | null;
  /** "Revision 2" once a report has been submitted more than once, e.g. after a return. */
  note: string | null;
};

const shortLabels: Record<SubmissionStatus, { label: string; shape: CellShape }> = {
  approved: { label: 'Approved', shape: 'tick' },
  submitted: { label: 'Awaiting review', shape: 'clock' },
  returned: { label: 'Returned', shape: 'return' },
  draft: { label: 'Draft', shape: 'pencil' },
  not_started: { label: 'Not started', shape: 'circle' },
};

/**
 * Describes one cell. `pastDeadline` is whether the quarter's deadline has passed, which makes a
 * report never submitted overdue. A missing cell means the agency wasn't expected to report that
 * quarter (it joined later: `firstPeriod` says when), which is different from "not started".
 */
export function describeCell(
  cell: CompletenessCell | undefined,
  pastDeadline = false,
  firstPeriod: string | null = null,
): CellView {
  if (!cell)
    return {
      label: firstPeriod ? `Not expected: reports from ${firstPeriod}` : 'Not expected',
      tone: 'none',
      shape: 'dash',
      timing: null,
      note: null,
    };
  const { label, shape } = shortLabels[cell.status];
  const neverSubmitted = cell.status === 'not_started' || cell.status === 'draft';
  return {
    label,
    tone: describeStatus(cell.status).tone,
    shape,
    timing: cell.late ? 'Late' : neverSubmitted && pastDeadline ? 'Overdue' : null,
    note: cell.revision > 1 ? `Revision ${cell.revision}` : null,
  };
}

/** Statuses that mean the report has reached the coalition at least once. */
const reachedCoalition: ReadonlySet<SubmissionStatus> = new Set(['submitted', 'returned', 'approved']);

/** How one quarter's column adds up: agencies expected, how many have submitted, how many late. */
export type ColumnSummary = { expected: number; submitted: number; late: number };

/** Adds up one quarter's column over the agencies shown. */
export function summarizeColumn(agencies: readonly CompletenessAgency[], periodCode: string): ColumnSummary {
  let expected = 0;
  let submitted = 0;
  let late = 0;
  for (const agency of agencies) {
    const cell = agency.cells[periodCode];
    if (!cell) continue;
    expected++;
    if (reachedCoalition.has(cell.status)) submitted++;
    if (cell.late) late++;
  }
  return { expected, submitted, late };
}

/** "9 of 12 submitted, 2 late" — the line under a quarter's column heading. */
export function columnSummaryText({ expected, submitted, late }: ColumnSummary): string {
  if (expected === 0) return 'No agencies expected';
  const base = `${submitted} of ${expected} submitted`;
  return late > 0 ? `${base}, ${late} late` : base;
}

/** "12 agencies" / "1 agency" shown — for the sentence above the matrix. */
export function agenciesShown(count: number): string {
  if (count === 0) return 'No agencies match these filters.';
  return `Showing ${count} ${choose(count, 'agency', 'agencies')}.`;
}
