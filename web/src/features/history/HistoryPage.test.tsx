import { Route, Routes } from 'react-router';
import { describe, expect, test } from 'vitest';
import { person, renderCached } from '../../testing';
import { authKeys } from '../auth/queries';
import { cachedCatalog, makeDetail } from '../dataEntry/testFixtures';
import { submissionKeys } from '../submissions/queries';
import type { DiffResponse, RevisionSummary, SubmissionDetail } from '../submissions/types';
import { HistoryPage } from './HistoryPage';
import { ConfirmRemove } from './RemoveText';

function render({
  detail,
  revisions,
  diff,
  role = 'admin',
}: {
  detail: SubmissionDetail;
  revisions?: RevisionSummary[];
  diff?: { from: number; to: number | 'draft'; body: DiffResponse };
  role?: 'admin' | 'reporter' | 'viewer';
}): string {
  return renderCached(
    <Routes>
      <Route path="/report/:agency/:period/history" element={<HistoryPage />} />
    </Routes>,
    [
      [authKeys.me(), person(role)],
      [submissionKeys.detail('ASH', '2026Q4'), detail],
      cachedCatalog(),
      ...(revisions ? [[submissionKeys.revisions('ASH', '2026Q4'), { revisions }] as const] : []),
      ...(diff ? [[submissionKeys.diff('ASH', '2026Q4', diff.from, diff.to), diff.body] as const] : []),
    ],
    '/report/ASH/2026Q4/history',
  );
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,:)])/g, '$1');
}

const revisions: RevisionSummary[] = [
  {
    revision: 2,
    submittedAt: '2026-11-10T20:00:00Z',
    submittedBy: 'Reporter One',
    late: true,
    explanations: { services_covered: 'Two survivors were referred on before services began.' },
    explanationIds: { services_covered: 7 },
    reply: {
      text: 'The breakdown now adds up: two survivors were counted twice.',
      textId: 12,
      by: 'Reporter One',
    },
    reviews: [
      {
        action: 'approve',
        comment: null,
        commentId: null,
        reviewedBy: 'Admin One',
        reviewedAt: '2026-11-12T20:00:00Z',
      },
    ],
  },
  {
    revision: 1,
    submittedAt: '2026-11-03T20:00:00Z',
    submittedBy: 'Reporter One',
    late: false,
    explanations: {},
    explanationIds: {},
    reply: null,
    reviews: [
      {
        action: 'return',
        comment: 'The gender breakdown adds up to 41.',
        commentId: 3,
        reviewedBy: 'Admin One',
        reviewedAt: '2026-11-05T20:00:00Z',
      },
    ],
  },
];

describe('HistoryPage', () => {
  test('waits for the revisions', () => {
    expect(textOf(render({ detail: makeDetail() }))).toContain("Loading the report's history…");
  });

  test('a report never submitted has no versions yet', () => {
    const text = textOf(render({ detail: makeDetail({ status: 'not_started' }), revisions: [] }));
    expect(text).toContain("This report hasn't been submitted yet");
    expect(text).not.toContain('Compare versions');
  });

  test('lists each revision newest first, with explanations and reviews', () => {
    const html = render({
      detail: makeDetail({ status: 'approved', revision: 2 }),
      revisions,
      diff: { from: 1, to: 2, body: { from: 1, to: 2, changes: [] } },
    });
    const text = textOf(html);
    expect(text.indexOf('Revision 2 Submitted')).toBeLessThan(text.indexOf('Revision 1 Submitted'));
    expect(text).toContain('by Reporter One');
    expect(text).toContain('Submitted late');
    expect(text).toContain(
      'The services listed add up to fewer than the survivors receiving services. Two survivors were referred on before services began.',
    );
    expect(text).toContain('Returned for correction by Admin One on November 5, 2026');
    expect(text).toContain('Comment: The gender breakdown adds up to 41.');
    expect(text).toContain('Approved by Admin One on November 12, 2026');
    expect(html).toContain('href="/report/ASH/2026Q4"');
  });

  test('a reply reads under the return it answers, with a way for an admin to remove it', () => {
    const render2 = (role: 'admin' | 'reporter') =>
      textOf(
        render({
          detail: makeDetail({ status: 'approved', revision: 2 }),
          revisions,
          diff: { from: 1, to: 2, body: { from: 1, to: 2, changes: [] } },
          role,
        }),
      );
    const text = render2('admin');
    const returned = text.indexOf('Reply to the return Returned: The gender breakdown adds up to 41.');
    expect(returned).toBeGreaterThan(text.indexOf('Revision 2 Submitted'));
    expect(returned).toBeLessThan(text.indexOf('Revision 1 Submitted'));
    expect(text).toContain(
      'Returned: The gender breakdown adds up to 41. Reply from Reporter One: The breakdown now adds up: two survivors were counted twice. Remove this text',
    );
    expect(render2('reporter')).not.toContain('Remove this text');
  });

  test('compares the two newest versions; identical ones say "No differences"', () => {
    const text = textOf(
      render({
        detail: makeDetail({ status: 'approved', revision: 2 }),
        revisions,
        diff: { from: 1, to: 2, body: { from: 1, to: 2, changes: [] } },
      }),
    );
    expect(text).toContain('No differences');
  });

  test('a returned report compares its last revision with the current draft', () => {
    const html = render({
      detail: makeDetail({ status: 'returned', revision: 2 }),
      revisions,
      diff: {
        from: 2,
        to: 'draft',
        body: {
          from: 2,
          to: 'draft',
          changes: [
            {
              cell: 'survivors_served.gender.male',
              label: 'Survivors served · By gender identity · Male',
              from: null,
              to: 2,
            },
            { cell: 'survivors_served', label: 'Survivors served', from: 43, to: 0 },
          ],
        },
      },
    });
    const text = textOf(html);
    expect(text).toContain('2 counts changed from revision 2 to current draft');
    expect(text).toContain('Survivors served · By gender identity · Male – blank 2');
    expect(text).toContain('Survivors served 43 0');
    expect(html).toContain('<option value="draft" selected="">Current draft</option>');
  });

  test.each([
    { role: 'admin' as const, buttons: 3 },
    { role: 'reporter' as const, buttons: 0 },
    { role: 'viewer' as const, buttons: 0 },
  ])('$role sees $buttons "Remove this text" actions', ({ role, buttons }) => {
    const html = render({
      detail: makeDetail({ status: 'approved', revision: 2 }),
      revisions,
      diff: { from: 1, to: 2, body: { from: 1, to: 2, changes: [] } },
      role,
    });
    expect(html.match(/>Remove this text</g) ?? []).toHaveLength(buttons);
    if (buttons > 0) {
      expect(html).toContain('aria-label="Remove this text: the explanation of “The services listed add up');
      expect(html).toContain(
        'aria-label="Remove this text: the comment (Returned for correction by Admin One',
      );
      expect(html).toContain('aria-label="Remove this text: the reply sent with revision 2"');
    }
  });

  test('a removed text shows the note, with nothing left to remove', () => {
    const note = '[removed by an administrator on 2026-11-20]';
    const [second, first] = revisions as [RevisionSummary, RevisionSummary];
    const removed: RevisionSummary[] = [
      {
        ...second,
        explanations: { services_covered: note },
        reply: { text: note, textId: 12, by: 'Reporter One' },
      },
      { ...first, reviews: first.reviews.map((r) => ({ ...r, comment: note })) },
    ];
    const html = render({
      detail: makeDetail({ status: 'approved', revision: 2 }),
      revisions: removed,
      diff: { from: 1, to: 2, body: { from: 1, to: 2, changes: [] } },
    });
    expect(textOf(html)).toContain(`Comment: ${note}`);
    expect(textOf(html)).toContain(`Reply from Reporter One: ${note}`);
    expect(html).not.toContain('Remove this text');
  });
});

describe('ConfirmRemove', () => {
  test('asks for a reason before removing, naming what goes', () => {
    const html = renderCached(
      <ConfirmRemove
        showing={[]}
        textId={7}
        what="the comment (Returned for correction)"
        onClose={() => {}}
      />,
      [],
    );
    const text = textOf(html);
    expect(text).toContain('Remove the comment (Returned for correction)?');
    expect(text).toContain('Why are you removing it? (required, kept for the record)');
    expect(html).toMatch(/<textarea[^>]*required/);
    expect(text).toContain('Yes, remove it');
    expect(text).toContain('Cancel');
  });
});
