/**
 * What publishing a quarter now would include, in sentences: how complete it is, who is missing
 * and why, whether it is a correction, and whether it can be published at all.
 */
import { monthsOf, parseQuarter } from '../../../../api/domain/periods';
import type { ReportingPeriod } from '../../api/types';
import { choose, countOf, listWords } from '../../lib/text';
import { describeStatus } from '../submissions/status';
import { releaseName } from './status';
import type { MissingAgency, Release, ReleasePreview } from './types';

/** "12 of 14 agencies' reports approved"; "All 14 agencies' reports approved" when none is missing. */
export function completenessHeadline(preview: Pick<ReleasePreview, 'expected' | 'approved'>): string {
  const { expected, approved } = preview;
  if (expected <= 0) return 'No agencies are expected to report';
  const whose = expected === 1 ? "agency's report" : "agencies' reports";
  if (approved >= expected && expected > 1) return `All ${expected} ${whose} approved`;
  return `${approved} of ${expected} ${whose} approved`;
}

/** The counts of reports not yet approved, in review order, zeros left out: "1 awaiting review". */
export function missingFigures(
  preview: Pick<ReleasePreview, 'awaitingReview' | 'returned' | 'draft' | 'notStarted'>,
): Array<{ count: number; label: string }> {
  return [
    { count: preview.awaitingReview, label: 'awaiting review' },
    { count: preview.returned, label: 'returned for correction' },
    {
      count: preview.draft,
      label: choose(preview.draft, 'draft not yet submitted', 'drafts not yet submitted'),
    },
    { count: preview.notStarted, label: 'not started' },
  ].filter((figure) => figure.count > 0);
}

const missingOrder: Record<MissingAgency['status'], number> = {
  submitted: 0,
  returned: 1,
  draft: 2,
  not_started: 3,
  approved: 4,
};

/**
 * Agencies without an approved report, those the admin could still approve first (awaiting review),
 * then by name. Each keeps its status in words.
 */
export function sortMissing(missing: readonly MissingAgency[]): Array<MissingAgency & { reason: string }> {
  return [...missing]
    .sort(
      (a, b) =>
        (missingOrder[a.status] ?? 9) - (missingOrder[b.status] ?? 9) || a.name.localeCompare(b.name, 'en'),
    )
    .map((agency) => ({ ...agency, reason: describeStatus(agency.status)?.label ?? agency.status }));
}

/**
 * The number the next release of `period` will get: one more than the highest of its releases so
 * far, failed ones included (the server numbers every attempt).
 */
export function nextSequence(
  period: string,
  releases: ReadonlyArray<Pick<Release, 'period' | 'sequence'>>,
): number {
  return (
    releases.filter((r) => r.period === period).reduce((highest, r) => Math.max(highest, r.sequence), 0) + 1
  );
}

/** The sequence numbers of a quarter's releases that were published (and may since be replaced), oldest first. */
export function publishedSequences(
  period: string,
  releases: ReadonlyArray<Pick<Release, 'period' | 'sequence' | 'status'>>,
): number[] {
  return releases
    .filter((r) => r.period === period && (r.status === 'published' || r.status === 'superseded'))
    .map((r) => r.sequence)
    .sort((a, b) => a - b);
}

/** "Publish 2026Q3", or "Publish a correction (release 2)" when the quarter was published before. */
export function publishButtonLabel(period: string, correction: boolean, sequence: number): string {
  return correction ? `Publish a correction (release ${sequence})` : `Publish ${period}`;
}

/** What a correction is, naming the releases it follows. Empty for a first release. */
export function correctionNote(period: string, published: readonly number[], sequence: number): string {
  if (published.length === 0) return '';
  const earlier = `${choose(published.length, 'release', 'releases')} ${listWords(published.map(String))}`;
  return `${period} has been published before (${earlier}). Publishing again makes release ${sequence}, a correction, checked together with every number already published so nothing hidden before can be worked out by comparing the two.`;
}

/**
 * Why the quarter can't be published right now, or null when it can: there is nothing approved, or
 * another release is still computing (only one runs at a time).
 */
export function publishBlocker(
  preview: Pick<ReleasePreview, 'period' | 'approved'>,
  computing: Pick<Release, 'period' | 'sequence'> | undefined,
): string | null {
  if (computing) {
    return `${releaseName(computing)} is still being computed. You can publish again once it has finished.`;
  }
  if (preview.approved <= 0) {
    return `No report for ${preview.period} is approved yet, so there is nothing to publish. Approve reports first.`;
  }
  return null;
}

/** The line in the confirmation that says whose numbers go in and who will be missing. */
export function confirmIncludes(preview: Pick<ReleasePreview, 'expected' | 'approved'>): string {
  const included = `It includes the approved ${choose(preview.approved, 'report', 'reports')} of ${countOf(preview.approved, 'agency', 'agencies')}.`;
  const missing = preview.expected - preview.approved;
  if (missing <= 0) return included;
  return `${included} The ${countOf(missing, 'agency without an approved report is', 'agencies without an approved report are')} not in any figure.`;
}

/** Whether publishing now would make any period provisional (and so needs the admin to confirm it). */
export function isProvisional(preview: Pick<ReleasePreview, 'provisionalPeriods'>): boolean {
  return preview.provisionalPeriods.length > 0;
}

/**
 * Why publishing now makes periods provisional, in sentences: "Only 8 of 14 agencies have an
 * approved report for 2026Q3, fewer than 80%. FY2026 would be provisional: one of its quarters
 * is." Empty when nothing would be.
 */
export function provisionalSummary(
  preview: Pick<ReleasePreview, 'provisionalPeriods' | 'provisionalShare'>,
): string {
  const percent = `${Math.round(preview.provisionalShare * 100)}%`;
  return preview.provisionalPeriods
    .map((p) =>
      parseQuarter(p.period)
        ? `Only ${p.reported} of ${countOf(p.expected, 'agency', 'agencies')} have an approved report for ${p.period}, fewer than ${percent}.`
        : `${p.period} would be provisional: one of its quarters has fewer than ${percent} of agencies' reports approved.`,
    )
    .join(' ');
}

/** Everyone missing from a provisional period, each once, by name. */
export function provisionalMissing(
  preview: Pick<ReleasePreview, 'provisionalPeriods'>,
): Array<{ code: string; name: string }> {
  const byCode = new Map(preview.provisionalPeriods.flatMap((p) => p.missing).map((a) => [a.code, a]));
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/**
 * The quarter to preview when the address doesn't name one: the newest that is ready to publish
 * (closed for entry, past its deadline, with approved reports); failing that the newest past its
 * deadline with approved reports, then the newest with any, then simply the newest.
 */
export function defaultPublishPeriod(
  periods: ReadonlyArray<Pick<ReportingPeriod, 'period' | 'deadline' | 'approved' | 'open'>>,
  today: string,
): string | undefined {
  const newest = [...periods].sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
  const pastDeadline = (p: { deadline: string }) => p.deadline < today;
  return (
    newest.find((p) => p.approved > 0 && !p.open && pastDeadline(p))?.period ??
    newest.find((p) => p.approved > 0 && pastDeadline(p))?.period ??
    newest.find((p) => p.approved > 0)?.period ??
    newest[0]?.period
  );
}

/**
 * A quarter in the picker: "2026Q3 · July to September 2026 · 12 of 14 approved · published
 * (release 1)", so the admin can see at a glance which quarters are ready and which are out.
 */
export function periodOptionLabel(period: ReportingPeriod, releases: readonly Release[]): string {
  const parts = [period.period];
  const span = monthsOf(period.period);
  if (span) parts.push(span);
  parts.push(`${period.approved} of ${period.expected} approved`);
  const published = releases
    .filter((r) => r.period === period.period && r.status === 'published')
    .sort((a, b) => b.sequence - a.sequence)[0];
  if (published)
    parts.push(`published${published.provisional ? ' provisional' : ''} (release ${published.sequence})`);
  else if (period.open) parts.push('open for entry');
  return parts.join(' · ');
}
