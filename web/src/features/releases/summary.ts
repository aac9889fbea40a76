/**
 * What protection did for one audience, in words: how many cells it hid, and whether the audit
 * proved the hidden ones can't be worked out.
 */
import type { Audience, AudienceSummary } from './types';

const numberFormat = new Intl.NumberFormat('en-GB');

/** The audiences in the order the page shows them: the wider-reaching, stricter one second. */
export const audiences: readonly Audience[] = ['coalition', 'public'];

/** "1,204". */
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/**
 * A share (0 to 1) as a whole percentage that never rounds a real difference away: anything hidden
 * is never "0%", and anything short of all is never "100%".
 */
export function formatShare(fraction: number): string {
  if (!Number.isFinite(fraction) || fraction <= 0) return '0%';
  if (fraction >= 1) return '100%';
  if (fraction < 0.005) return 'less than 1%';
  if (fraction > 0.995) return 'more than 99%';
  return `${Math.round(fraction * 100)}%`;
}

/** Who an audience is, as a short name. */
export function audienceName(audience: Audience): string {
  return audience === 'coalition' ? 'Coalition members' : 'The public';
}

/** Who sees an audience's figures, and what they see. */
export function audienceWho(audience: Audience): string {
  return audience === 'coalition'
    ? 'signed-in members, workgroups and grant reports'
    : 'anyone: the public page and open data, coalition-wide tables with one breakdown at a time';
}

/** "Counts of people under 5 are hidden". */
export function thresholdRule(threshold: number): string {
  return `Counts of people under ${threshold} are hidden`;
}

/** "38 of 412 cells hidden (9%)"; "No cells to publish" when there were none. */
export function hiddenCellsText(summary: Pick<AudienceSummary, 'cells' | 'hidden'>): string {
  if (summary.cells <= 0) return 'No cells to publish';
  const noun = summary.cells === 1 ? 'cell' : 'cells';
  const share = formatShare(summary.hidden / summary.cells);
  return `${formatCount(summary.hidden)} of ${formatCount(summary.cells)} ${noun} hidden (${share})`;
}

/** "Audit passed" or "Audit failed". */
export function auditText(status: AudienceSummary['status']): string {
  return status === 'passed' ? 'Audit passed' : 'Audit failed';
}

/** "3.2 seconds", "1 second", "less than 0.1 seconds". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0.05) return 'less than 0.1 seconds';
  const rounded = seconds < 10 ? Math.round(seconds * 10) / 10 : Math.round(seconds);
  return `${numberFormat.format(rounded)} ${rounded === 1 ? 'second' : 'seconds'}`;
}

/**
 * How the audit did its work: linear programs solved, and the checks (a hidden cell, as an outsider or
 * as one agency sees it) settled without one, by an example table consistent with everything
 * published (a certificate).
 */
function auditCalculations(summary: AudienceSummary): string {
  const lps = `${formatCount(summary.lpsSolved)} linear ${summary.lpsSolved === 1 ? 'program' : 'programs'} solved`;
  const certificates = summary.certificates ?? 0;
  const examples =
    certificates > 0
      ? ` and ${formatCount(certificates)} ${certificates === 1 ? 'check' : 'checks'} settled by an example table`
      : '';
  return `${lps}${examples} in ${formatSeconds(summary.seconds)}`;
}

/** One labelled line of an audience's details. */
export type SummaryRow = { label: string; value: string };

/** Everything about one audience's protection, as labelled lines for a description list. */
export function audienceSummaryRows(summary: AudienceSummary): SummaryRow[] {
  const rows: SummaryRow[] = [
    { label: 'Rule', value: `${thresholdRule(summary.threshold)}; zeros are shown` },
    {
      label: 'Audit',
      value:
        summary.status === 'passed'
          ? 'Passed: no hidden number can be worked out, or narrowed down to a small range, from what is shown'
          : 'Failed: some hidden numbers could still be worked out, so nothing from this release was published',
    },
    { label: 'Cells', value: formatCount(summary.cells) },
    { label: 'Hidden', value: hiddenCellsText(summary) },
    {
      label: 'Hidden because they are small (primary)',
      value: formatCount(summary.primary),
    },
    {
      label: 'Hidden so others cannot be worked out by subtraction (complementary)',
      value: formatCount(summary.complementary),
    },
    {
      label: 'Audit calculations',
      value: auditCalculations(summary),
    },
  ];
  // Only admins are sent the share of the count: with the published cells it would reveal the hidden total.
  if (summary.hiddenShareOfCount !== undefined) {
    rows.splice(6, 0, {
      label: 'Share of the total count hidden',
      value: formatShare(summary.hiddenShareOfCount),
    });
  }
  return rows;
}

/**
 * The short lines for one audience in the releases table. A release that stopped before reaching
 * an audience says so rather than showing an empty cell.
 */
export function audienceCellLines(
  summary: AudienceSummary | undefined,
  releaseStatus: 'computing' | 'published' | 'failed' | 'superseded',
): string[] {
  if (!summary) return [releaseStatus === 'computing' ? 'Not computed yet' : 'Not computed'];
  return [hiddenCellsText(summary), auditText(summary.status)];
}
