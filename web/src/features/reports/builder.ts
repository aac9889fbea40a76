/**
 * The builder's plain rules: which periods and kinds a report can be made for, and how its parts
 * read (sizes, hashes, counts, what an outdated report lost). Pure, so tested with tables.
 */
import { comparePeriods } from '../../../../api/domain/periods';
import type {
  ChangedValue,
  ChoicePeriod,
  ReportChoices,
  ReportFormat,
  ReportKind,
  ReportSummary,
  Template,
} from './types';

const count = new Intl.NumberFormat('en-US');

/** The kinds of report, in the words the page uses. */
export const kindNames: Record<ReportKind, string> = {
  protected: 'Protected',
  confidential: 'Confidential — exact counts',
};

/** The files a report is kept as, in the order they are offered. */
export const formats: { format: ReportFormat; name: string }[] = [
  { format: 'pdf', name: 'PDF' },
  { format: 'xlsx', name: 'Workbook (XLSX)' },
  { format: 'csv', name: 'CSV' },
];

/** Whether a period can be made as `kind`. */
export function periodAllows(period: ChoicePeriod, kind: ReportKind): boolean {
  return kind === 'protected' ? period.protected : period.confidential;
}

/** The periods, newest first. */
export function newestFirst(periods: readonly ChoicePeriod[]): ChoicePeriod[] {
  return [...periods].sort((a, b) => comparePeriods(b.code, a.code));
}

/**
 * A period as its option reads: "July to December 2025 (2025H2) · protected or confidential", saying
 * which kinds it can be made as. Confidential is mentioned only to those who may make one.
 */
export function periodOptionLabel(period: ChoicePeriod, confidentialOffered: boolean): string {
  const name = `${period.label} (${period.code})`;
  if (!confidentialOffered) return period.protected ? name : `${name} · not published yet`;
  if (period.protected && period.confidential) return `${name} · protected or confidential`;
  if (period.protected) return `${name} · protected only`;
  if (period.confidential) return `${name} · confidential only, not published yet`;
  return `${name} · no approved reports yet`;
}

/** The kinds this person can make of this template now: confidential only for admins, when the coalition allows it. */
export function kindsOffered(template: Pick<Template, 'kinds'>, choices: ReportChoices): ReportKind[] {
  return template.kinds.filter(
    (kind) => kind === 'protected' || (choices.confidential.allowed && choices.confidential.canMake),
  );
}

/** Why confidential is not offered for a template, or null when it is (or the template never has it). */
export function confidentialUnavailable(
  template: Pick<Template, 'kinds' | 'audience'>,
  choices: ReportChoices,
): string | null {
  if (!template.kinds.includes('confidential')) {
    return template.audience === 'funder'
      ? 'This report is made with protected figures only.'
      : 'This report is meant to be shared, so it is made with protected figures only.';
  }
  if (!choices.confidential.canMake)
    return 'Confidential reports with exact counts are made by coalition admins.';
  if (!choices.confidential.allowed) return 'Confidential reports are switched off on the Settings page.';
  return null;
}

/** The newest period that can be made as `kind`, else the newest of all. */
export function defaultPeriod(periods: readonly ChoicePeriod[], kind: ReportKind): string | undefined {
  const sorted = newestFirst(periods);
  return (sorted.find((period) => periodAllows(period, kind)) ?? sorted[0])?.code;
}

/** "120 of 4,000 characters", the count a narrative field shows. */
export function characterCount(text: string, maxLength: number): string {
  return `${count.format(text.length)} of ${count.format(maxLength)} characters`;
}

/** A file size in words a person reads: "850 bytes", "48 KB", "1.2 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${count.format(bytes)} bytes`;
  if (bytes < 1_000_000) return `${count.format(Math.round(bytes / 1000))} KB`;
  return `${(bytes / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

/** The first 12 characters of a SHA-256, enough to tell two files apart at a glance. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** A release as people name it: "2025Q4-1" for 2025Q4's first release. */
export function releaseName(release: { period: string; sequence: number }): string {
  return `${release.period}-${release.sequence}`;
}

/**
 * What made a report outdated: "A correction replaced release 2025Q4-1, which this report used.", or
 * null when nothing did.
 */
export function outdatedNote(report: Pick<ReportSummary, 'outdated'>): string | null {
  const replaced = report.outdated?.replaced ?? [];
  if (replaced.length === 0) return null;
  const names = replaced.map(releaseName);
  return replaced.length === 1
    ? `A correction replaced release ${names[0]}, which this report used.`
    : `Corrections replaced releases ${names.slice(0, -1).join(', ')} and ${names.at(-1)}, which this report used.`;
}

/** A figure in the "What changed" table: the number, "S (hidden)", or "not shown". */
export function changedValueText(value: ChangedValue): string {
  if (value === null) return 'not shown';
  if (value === 'S') return 'S (hidden)';
  return count.format(value);
}

/** The progress line of a report being made: "Drawing the PDF (2 of 4)". */
export function progressText(report: Pick<ReportSummary, 'progress'>): string {
  const progress = report.progress;
  if (!progress) return 'Getting started…';
  return `${sentenceCase(progress.stage)} (${progress.done} of ${progress.total})`;
}

function sentenceCase(text: string): string {
  return text.length === 0 ? text : `${text[0]?.toUpperCase()}${text.slice(1)}`;
}

/** The sections a person writes for a template. */
export function narrativeSections(template: Pick<Template, 'sections'>) {
  return template.sections.flatMap((section) => (section.kind === 'narrative' ? [section] : []));
}
