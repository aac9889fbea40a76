import { describe, expect, test } from 'vitest';
import { makeCatalog } from '../dataEntry/testFixtures';
import type { RevisionReview } from '../submissions/types';
import {
  defaultComparison,
  describeReview,
  describeSubmission,
  explanationTopic,
  hasWorkingDraft,
  parseVersion,
  returnAnswered,
  reviewCommentLabel,
  versionName,
  versionsOf,
} from './revisions';

const revs = (...numbers: number[]) => numbers.map((revision) => ({ revision }));

describe('versionsOf and defaultComparison', () => {
  test.each([
    { name: 'never submitted', revisions: revs(), draft: true, versions: ['draft'], comparison: null },
    { name: 'one revision, no draft', revisions: revs(1), draft: false, versions: [1], comparison: null },
    {
      name: 'one revision and a draft',
      revisions: revs(1),
      draft: true,
      versions: [1, 'draft'],
      comparison: { from: 1, to: 'draft' },
    },
    {
      name: 'newest first from the API',
      revisions: revs(3, 2, 1),
      draft: false,
      versions: [1, 2, 3],
      comparison: { from: 2, to: 3 },
    },
    {
      name: 'three revisions and a draft',
      revisions: revs(3, 2, 1),
      draft: true,
      versions: [1, 2, 3, 'draft'],
      comparison: { from: 3, to: 'draft' },
    },
    {
      name: 'a repeated revision is listed once',
      revisions: revs(2, 2, 1),
      draft: false,
      versions: [1, 2],
      comparison: { from: 1, to: 2 },
    },
  ])('$name', ({ revisions, draft, versions, comparison }) => {
    expect(versionsOf(revisions, draft)).toEqual(versions);
    expect(defaultComparison(revisions, draft)).toEqual(comparison);
  });
});

describe('hasWorkingDraft', () => {
  test.each([
    { status: 'not_started' as const, expected: false },
    { status: 'draft' as const, expected: true },
    { status: 'submitted' as const, expected: false },
    { status: 'returned' as const, expected: true },
    { status: 'approved' as const, expected: false },
  ])('$status → $expected', ({ status, expected }) => {
    expect(hasWorkingDraft({ status })).toBe(expected);
  });
});

describe('parseVersion and versionName', () => {
  test.each([
    { value: 'draft', version: 'draft', name: 'Current draft' },
    { value: '2', version: 2, name: 'Revision 2' },
    { value: '0', version: null, name: null },
    { value: '-1', version: null, name: null },
    { value: '1.5', version: null, name: null },
    { value: '', version: null, name: null },
  ])('"$value"', ({ value, version, name }) => {
    const parsed = parseVersion(value);
    expect(parsed).toBe(version);
    if (parsed !== null) expect(versionName(parsed)).toBe(name);
  });
});

describe('describeSubmission and describeReview', () => {
  const zone = 'America/Los_Angeles';
  test.each([
    { submittedBy: 'Reporter One', expected: 'Submitted November 3, 2026 at 10:00 AM by Reporter One' },
    { submittedBy: null, expected: 'Submitted November 3, 2026 at 10:00 AM' },
  ])('submitted by $submittedBy', ({ submittedBy, expected }) => {
    expect(describeSubmission({ submittedAt: '2026-11-03T18:00:00Z', submittedBy }, zone)).toBe(expected);
  });

  test.each<{ review: RevisionReview; expected: string; label: string }>([
    {
      review: {
        action: 'approve',
        comment: null,
        commentId: null,
        reviewedBy: 'Admin One',
        reviewedAt: '2026-11-05T17:10:00Z',
      },
      expected: 'Approved by Admin One on November 5, 2026 at 9:10 AM',
      label: 'Comment',
    },
    {
      review: {
        action: 'return',
        comment: 'Check gender.',
        commentId: 4,
        reviewedBy: null,
        reviewedAt: '2026-11-05T17:10:00Z',
      },
      expected: 'Returned for correction on November 5, 2026 at 9:10 AM',
      label: 'Comment',
    },
    {
      review: {
        action: 'reopen',
        comment: 'Late correction.',
        commentId: 5,
        reviewedBy: 'Admin One',
        reviewedAt: '2026-11-05T17:10:00Z',
      },
      expected: 'Reopened by Admin One on November 5, 2026 at 9:10 AM',
      label: 'Reason',
    },
  ])('$review.action', ({ review, expected, label }) => {
    expect(describeReview(review, zone)).toBe(expected);
    expect(reviewCommentLabel(review.action)).toBe(label);
  });
});

describe('explanationTopic', () => {
  test.each([
    {
      code: 'services_covered',
      expected: 'The services listed add up to fewer than the survivors receiving services.',
    },
    { code: 'outlier.survivors_served', expected: 'Unusual figure: Survivors served' },
    { code: 'outlier.retired_element', expected: 'Unusual figure: retired_element' },
    { code: 'retired_rule', expected: 'retired_rule' },
  ])('$code', ({ code, expected }) => {
    expect(explanationTopic(makeCatalog(), code)).toBe(expected);
  });

  test('before the catalog has loaded, codes are shown as they are', () => {
    expect(explanationTopic(undefined, 'services_covered')).toBe('services_covered');
  });
});

describe('returnAnswered', () => {
  const review = (action: RevisionReview['action'], comment: string | null): RevisionReview => ({
    action,
    comment,
    commentId: comment === null ? null : 1,
    reviewedBy: 'Admin One',
    reviewedAt: '2026-11-05T20:00:00Z',
  });
  const revisions = [
    { revision: 1, reviews: [review('return', 'First return.'), review('return', 'Check the counties.')] },
    { revision: 2, reviews: [review('approve', null), review('reopen', 'A duplicate.')] },
    { revision: 3, reviews: [] },
  ];

  test.each([
    ['the first revision answers nothing', 1, null],
    ['a revision sent after a return answers its latest return', 2, 'Check the counties.'],
    ['a revision sent after a reopening answers no return', 3, null],
    ['a revision not in the list answers nothing', 9, null],
  ])('%s', (_, revision, comment) => {
    expect(returnAnswered(revisions, revision)?.comment ?? null).toBe(comment);
  });
});
