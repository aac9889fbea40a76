/**
 * Shaping a report's history for people: which versions can be compared, what each review said,
 * and what each explanation was about. Pure, so it is tested without a page.
 */
import type { Catalog } from '../../../../api/domain/catalog';
import { formatDateTime } from '../../lib/dates';
import type { RevisionReview, RevisionSummary, SubmissionDetail } from '../submissions/types';

/** A version that can be compared: a submitted revision, or the working draft. */
export type Version = number | 'draft';

/** "Revision 2", or "Current draft". */
export function versionName(version: Version): string {
  return version === 'draft' ? 'Current draft' : `Revision ${version}`;
}

/** Whether the report has a working copy that may differ from its last revision. */
export function hasWorkingDraft(detail: Pick<SubmissionDetail, 'status'>): boolean {
  return detail.status === 'draft' || detail.status === 'returned';
}

/** Every version, oldest first, with the working draft last when there is one. */
export function versionsOf(
  revisions: readonly Pick<RevisionSummary, 'revision'>[],
  draft: boolean,
): Version[] {
  const numbers = [...new Set(revisions.map((r) => r.revision))].sort((a, b) => a - b);
  return draft ? [...numbers, 'draft'] : numbers;
}

/**
 * The comparison to show first: the two newest versions (the latest revision against the draft
 * being worked on, or the two latest revisions). Null when there is only one version.
 */
export function defaultComparison(
  revisions: readonly Pick<RevisionSummary, 'revision'>[],
  draft: boolean,
): { from: number; to: Version } | null {
  const versions = versionsOf(revisions, draft);
  const to = versions.at(-1);
  const from = versions.at(-2);
  if (to === undefined || from === undefined || from === 'draft') return null;
  return { from, to };
}

/** Parses a version from a select's value ("2" or "draft"). */
export function parseVersion(value: string): Version | null {
  if (value === 'draft') return 'draft';
  return /^[1-9]\d*$/.test(value) ? Number(value) : null;
}

/** "Submitted November 3, 2026 at 2:05 PM by Reporter One". */
export function describeSubmission(
  revision: Pick<RevisionSummary, 'submittedAt' | 'submittedBy'>,
  timeZone: string,
) {
  const by = revision.submittedBy ? ` by ${revision.submittedBy}` : '';
  return `Submitted ${formatDateTime(revision.submittedAt, timeZone)}${by}`;
}

const reviewVerbs: Record<RevisionReview['action'], string> = {
  approve: 'Approved',
  return: 'Returned for correction',
  reopen: 'Reopened',
};

/** "Returned for correction by Admin One on November 5, 2026 at 9:10 AM". */
export function describeReview(review: RevisionReview, timeZone: string): string {
  const by = review.reviewedBy ? ` by ${review.reviewedBy}` : '';
  return `${reviewVerbs[review.action]}${by} on ${formatDateTime(review.reviewedAt, timeZone)}`;
}

/** What a review's comment is called: the reviewer's comment, or the reason for reopening. */
export function reviewCommentLabel(action: RevisionReview['action']): string {
  return action === 'reopen' ? 'Reason' : 'Comment';
}

/**
 * What an explanation was about, from its finding code: the rule's message, or for an outlier
 * "Unusual figure: Survivors served". Unknown codes (a rule since removed) are shown as they are.
 */
export function explanationTopic(catalog: Catalog | undefined, code: string): string {
  if (code.startsWith('outlier.')) {
    const elementCode = code.slice('outlier.'.length);
    const element = catalog?.sections.flatMap((s) => s.elements).find((e) => e.code === elementCode);
    return `Unusual figure: ${element?.name ?? elementCode}`;
  }
  // The rule's message is what the reporter read when they wrote the explanation.
  return catalog?.validationRules.find((r) => r.code === code)?.message ?? code;
}

/**
 * The return a revision answers: the latest return of the revision just before it, when that is how
 * the report came back to the agency. Null for a first revision, or one sent after a reopening.
 */
export function returnAnswered(
  revisions: readonly Pick<RevisionSummary, 'revision' | 'reviews'>[],
  revision: number,
): RevisionReview | null {
  const before = revisions.find((r) => r.revision === revision - 1);
  return before?.reviews.findLast((review) => review.action === 'return') ?? null;
}
