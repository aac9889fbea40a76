/**
 * How a report writes its figures, dates and headings, the same in the PDF, the workbook and the CSV.
 */
import { type Figure, hiddenMark, type ReportDocument } from '../../domain/reportDocument';

const counts = new Intl.NumberFormat('en-US');

/** A figure as a reader sees it: "1,234", or "S" when hidden. */
export const formatFigure = (figure: Figure): string =>
  figure === null ? hiddenMark : counts.format(figure);

/** A count with thousands separators. */
export const formatCount = (count: number): string => counts.format(count);

const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
const dateAndTime = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** "March 2, 2026": the day a report was generated or a release published. */
export const formatDate = (iso: string): string => longDate.format(new Date(iso));

/** "March 2, 2026 at 4:45 PM UTC". */
export const formatDateTime = (iso: string): string => `${dateAndTime.format(new Date(iso))} UTC`;

/** "Protected (figures as published to coalition members)" or "Confidential (exact approved counts)". */
export function kindWords(doc: ReportDocument): string {
  if (doc.kind === 'confidential') return 'Confidential: exact approved counts';
  const readers = doc.audience === 'public' ? 'the public' : 'coalition members';
  return `Protected: figures as published to ${readers}`;
}

/** What a report without releases says in their place: a confidential one's figures need none. */
export const noReleaseWords = (doc: ReportDocument): string =>
  doc.kind === 'confidential'
    ? 'None: exact approved counts'
    : 'None: nothing in this report is published for its period and area';

/** "2025Q3 release 1 (published November 4, 2025)", one a release. */
export const releaseWords = (doc: ReportDocument): string[] =>
  doc.releases.map((r) => `${r.period} release ${r.sequence} (published ${formatDate(r.publishedAt)})`);

/** "11 of 12 agencies reported". */
export const coverageWords = ({ reported, expected }: { reported: number; expected: number }): string =>
  `${formatCount(reported)} of ${formatCount(expected)} ${expected === 1 ? 'agency' : 'agencies'} reported`;

/** Why a multi-select table's rows can add up to more than its total. */
export const multiSelectWords =
  'One survivor can be counted in more than one row, so the rows can add up to more than the total.';
