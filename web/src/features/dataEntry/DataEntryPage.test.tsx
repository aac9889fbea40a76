import type { QueryKey } from '@tanstack/react-query';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Me } from '../../api/types';
import { person, renderCached } from '../../testing';
import { authKeys } from '../auth/queries';
import { submissionKeys } from '../submissions/queries';
import type { SubmissionDetail } from '../submissions/types';
import { DataEntryPage } from './DataEntryPage';
import { cachedCatalog, makeDetail } from './testFixtures';

// The page rendered to HTML with its data already cached, the way it looks once the requests have
// answered. The environment is node (no DOM), so assertions read the markup.

const ash = { code: 'ASH', name: 'Asian Women’s Shelter South Bay', type: 'victim_services' } as const;
const reporter = person('reporter', { name: 'Reporter One', agency: ash });
const admin = person('admin', { name: 'Admin One' });

function render(
  detail: SubmissionDetail | undefined,
  me: Me = reporter,
  cached: ReadonlyArray<readonly [QueryKey, unknown]> = [],
): string {
  return renderCached(
    <Routes>
      <Route path="/report/:agency/:period" element={<DataEntryPage />} />
    </Routes>,
    [
      [authKeys.me(), me],
      ...(detail ? [[submissionKeys.detail('ASH', '2026Q4'), detail] as const, cachedCatalog()] : []),
      ...cached,
    ],
    '/report/ASH/2026Q4',
  );
}

/** 2026Q4 on 1 December 2026: still under way, so not open for entry and not started. */
const underWay = () =>
  makeDetail({
    status: 'not_started',
    values: {},
    period: { ...makeDetail().period, open: false },
    permissions: { edit: false, submit: false, review: false, reopen: false, reply: false },
  });

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,:)])/g, '$1');
}

/** The opening tag of the input with this accessible name. */
function inputNamed(html: string, label: string): string {
  const escaped = label.replace(/'/g, '&#x27;');
  const match = html.match(new RegExp(`<input[^>]*aria-label="${escaped.replace(/[|()]/g, '\\$&')}"[^>]*>`));
  if (!match) throw new Error(`no input named "${label}"`);
  return match[0];
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 28, 10, 0));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('DataEntryPage', () => {
  test('shows a calm loading state until the report and catalog arrive', () => {
    const html = render(undefined);
    expect(textOf(html)).toContain('Loading the report form…');
    expect(html).toContain('role="status"');
  });

  test('a draft: header, deadline, sections and a labelled input for every cell', () => {
    const html = render(makeDetail());
    const text = textOf(html);
    expect(html).toContain('<h1>2026Q4 report');
    expect(text).toContain('October to December 2026');
    expect(text).toContain('Due January 30, 2027 (in 63 days)');
    expect(text).toContain('Status: Draft');
    // Only the sections a victim-services agency reports.
    expect(html).toContain('<fieldset class="entry-section" id="section-survivors">');
    expect(html).not.toContain('section-law_enforcement');
    expect(html).toContain('<a href="#section-survivors">Survivors served</a>');
    // 1 + 6 + 2 + 1 + 2 + 1 cells, each a numeric text box with its own name.
    expect(html.match(/<input[^>]*inputMode="numeric"/g)).toHaveLength(13);
    const cell = inputNamed(html, 'Survivors served, Sex trafficking, Under 18');
    expect(cell).toContain('id="cell-survivors_served-type_age-sex-under_18"');
    expect(cell).toContain('value=""');
    // The element's plain-language help describes its total.
    expect(inputNamed(html, 'Survivors served, total')).toContain(
      'aria-describedby="element-survivors_served-help"',
    );
    expect(html).toContain(
      '<p id="element-survivors_served-help" class="field-help">Each survivor counted once.</p>',
    );
  });

  test('blank cells stay blank and zeros stay zero; totals are computed from what is entered', () => {
    const html = render(
      makeDetail({
        values: {
          survivors_served: 5,
          'survivors_served.type_age.sex|under_18': 3,
          'survivors_served.type_age.labor|under_18': 0,
          'survivors_served.type_age.sex|18_plus': 1,
          'survivors_served.gender.female': 5,
          'survivors_served.gender.male': 0,
        },
      }),
    );
    expect(inputNamed(html, 'Survivors served, Labor trafficking, Under 18')).toContain('value="0"');
    expect(inputNamed(html, 'Survivors served, Labor trafficking, Unknown')).toContain('value=""');
    const text = textOf(html);
    // Row totals 3, 1, blank; column totals 4 and 0; grand total 4, one short of the total of 5.
    // Inputs have no text, so each row reads as its name and then its computed total.
    expect(text).toContain('Under 18 3 18 or older 1 Unknown – blank');
    expect(text).toContain('Column total 4 0 Grand total: 4');
    expect(text).toContain('These add up to 4: 1 fewer than the total of 5.');
    expect(text).toContain('These add up to 5, the same as the total.');
  });

  test('a failed rule is shown by its breakdown, and each related cell points at it', () => {
    const html = render(
      makeDetail({ values: { survivors_served: 23, 'survivors_served.gender.female': 21 } }),
    );
    expect(textOf(html)).toContain('Needs fixing: The gender breakdown must add up to survivors served.');
    const female = inputNamed(html, 'Survivors served, Gender identity: Female');
    expect(female).toContain('aria-invalid="true"');
    expect(female).toContain('aria-describedby="finding-gender_sum"');
    expect(html).toContain('id="finding-gender_sum"');
    // The summary links to the first related cell.
    expect(html).toMatch(/<a href="#finding-gender_sum">/);
  });

  test('a warning asks for a short explanation and marks its cells without calling them invalid', () => {
    const html = render(
      makeDetail({
        values: { services_provided: 4, 'services_provided.service.shelter': 2 },
        explanations: {},
      }),
    );
    const text = textOf(html);
    expect(text).toContain(
      'Please check: The services listed add up to fewer than the survivors receiving services.',
    );
    expect(text).toContain('Explain this warning (needed before you submit)');
    expect(html).toContain('id="explain-services_covered"');
    const shelter = inputNamed(html, 'Survivors receiving services, Service: Emergency shelter');
    expect(shelter).not.toContain('aria-invalid');
    expect(shelter).toContain('count-input--warning');
    // Multi-select breakdowns say the sum may exceed the total.
    expect(text).toContain('A survivor can be counted under more than one of these');
  });

  test('offers the CSV template, the upload and submit', () => {
    const html = render(makeDetail());
    expect(html).toContain('href="/api/submissions/ASH/2026Q4/template.csv"');
    expect(html).toContain('accept=".csv,text/csv"');
    expect(textOf(html)).toContain('Check file');
    expect(textOf(html)).toContain('Submit report');
    expect(html).toContain('role="alert"');
    expect(textOf(html)).toContain('Draft last saved');
  });

  test('a returned report shows the reviewer comment first and offers a resubmit', () => {
    const html = render(
      makeDetail({
        status: 'returned',
        revision: 1,
        submittedAt: '2026-11-03T18:00:00Z',
        returnComment: 'The gender breakdown adds up to 41, but 43 survivors are listed as served.',
      }),
    );
    const text = textOf(html);
    expect(text).toContain('The coalition returned this report for correction');
    expect(text).toContain(
      "Reviewer's comment The gender breakdown adds up to 41, but 43 survivors are listed as served.",
    );
    expect(text).toContain('Submit the corrected report');
    expect(html).toContain('href="/report/ASH/2026Q4/history"');
  });

  test('a submitted report is read-only for its reporter, with the reason', () => {
    const html = render(
      makeDetail({
        status: 'submitted',
        revision: 2,
        late: true,
        submittedAt: '2026-11-03T18:00:00Z',
        values: { survivors_served: 0 },
        permissions: { edit: false, submit: false, review: false, reopen: false, reply: false },
      }),
    );
    const text = textOf(html);
    expect(html).not.toContain('<input');
    expect(text).toContain("waiting for the coalition's review");
    expect(text).toContain('Submitted late');
    expect(text).toContain('Total 0');
    expect(text).not.toContain('Upload a CSV file instead');
    expect(text).not.toContain('Submit report');
    // Locked tables scroll inside a focusable, labelled region.
    expect(html).toContain('aria-labelledby="table-survivors_served-type_age" tabindex="0"');
  });

  test('an admin sees the counts read-only, with approve and return', () => {
    const html = render(
      makeDetail({
        status: 'submitted',
        revision: 1,
        submittedAt: '2026-11-03T18:00:00Z',
        permissions: { edit: false, submit: false, review: true, reopen: false, reply: false },
      }),
      admin,
    );
    const text = textOf(html);
    expect(html).not.toContain('inputMode="numeric"');
    expect(text).toContain("Only the agency's own reporters can change the counts.");
    expect(text).toContain('Approve report');
    expect(text).toContain('Comment for the agency (required to return)');
    expect(text).toContain('Return for correction');
    expect(text).not.toContain('Reopen report');
  });

  test('an admin can reopen an approved report', () => {
    const html = render(
      makeDetail({
        status: 'approved',
        revision: 1,
        submittedAt: '2026-11-03T18:00:00Z',
        // A quarter that has ended and that the coalition has closed.
        period: { ...makeDetail().period, open: false, opensOn: '2026-10-01' },
        permissions: { edit: false, submit: false, review: false, reopen: true, reply: false },
      }),
      admin,
    );
    const text = textOf(html);
    expect(text).toContain('Status: Approved');
    expect(text).toContain('Closed for entry');
    expect(text).toContain('Reason for reopening (required)');
    expect(text).not.toContain('Approve report');
  });

  test('a quarter still under way says when it opens, calmly, with nothing to type in', () => {
    vi.setSystemTime(new Date('2026-12-01T18:00:00Z'));
    const html = render(underWay());
    const text = textOf(html);
    expect(text).toContain('Status: Not started');
    expect(text).toContain('Opens for entry January 1, 2027');
    expect(text).toContain(
      '2026Q4 is not open for entry yet. It opens on January 1, 2027, the day after the quarter ends, and is due by January 30, 2027.',
    );
    expect(html).not.toContain('<input');
    expect(text).not.toContain('Check file');
    expect(text).not.toContain('Submit report');
    expect(text).not.toContain('Closed for entry');
  });

  test('an admin looking at a quarter still under way is told where to open it early', () => {
    vi.setSystemTime(new Date('2026-12-01T18:00:00Z'));
    const html = render(underWay(), admin);
    expect(textOf(html)).toContain('You can open it early for every agency from the completeness page.');
  });

  test('a draft past its deadline says so without blame', () => {
    const html = render(makeDetail({ period: { ...makeDetail().period, deadline: '2026-10-30' } }));
    expect(textOf(html)).toContain('Was due October 30, 2026');
    expect(textOf(html)).toContain('A late report still counts');
  });

  test('an empty report offers to start from the previous quarter’s figures', () => {
    const text = textOf(render(makeDetail({ copyFrom: '2026Q3' })));
    expect(text).toContain('Start from 2026Q3’s figures? If little has changed');
    expect(text).toContain('Explanations are not copied.');
    expect(text).toContain('Start from 2026Q3’s figures');
    expect(textOf(render(makeDetail()))).not.toContain('Start from');
  });

  test('a copied draft says so and asks for a tick before it is submitted', () => {
    const html = render(makeDetail({ copiedFromPeriod: '2026Q2', values: { survivors_served: 3 } }));
    const text = textOf(html);
    expect(text).toContain(
      "These are 2026Q2's figures, copied as a starting point. Check and change every number before you submit.",
    );
    expect(text).toContain("I have checked every figure This report started from 2026Q2's figures.");
    const box = html.match(/<input[^>]*type="checkbox"[^>]*>/)?.[0] ?? '';
    expect(box).toMatch(/id="([^"]+)"/);
    expect(html).toContain(
      `<label for="${box.match(/id="([^"]+)"/)?.[1]}">I have checked every figure</label>`,
    );
    expect(textOf(render(makeDetail()))).not.toContain('I have checked every figure');
  });

  test('a returned report gives its reporter a box to reply, holding the saved reply', () => {
    const returned = makeDetail({
      status: 'returned',
      revision: 1,
      submittedAt: '2026-11-03T18:00:00Z',
      returnComment: 'Please check the county breakdown.',
      reply: 'Two survivors were counted in both counties.',
      permissions: { edit: true, submit: true, review: false, reopen: false, reply: true },
    });
    const html = render(returned);
    const text = textOf(html);
    expect(text).toContain('Please check the county breakdown. Your reply to the coalition (optional)');
    expect(html).toMatch(
      /<textarea[^>]*maxLength="1000"[^>]*>Two survivors were counted in both counties.<\/textarea>/,
    );
    expect(
      textOf(render({ ...returned, permissions: { ...returned.permissions, reply: false } })),
    ).not.toContain('Your reply to the coalition');
  });

  test('the reviewer of a corrected report reads the reply under the return, beside what changed', () => {
    const submitted = makeDetail({
      status: 'submitted',
      revision: 2,
      submittedAt: '2026-11-10T18:00:00Z',
      permissions: { edit: false, submit: false, review: true, reopen: false, reply: false },
    });
    const revision = { submittedBy: 'Reporter One', late: false, explanations: {}, explanationIds: {} };
    const text = textOf(
      render(submitted, admin, [
        [
          submissionKeys.revisions('ASH', '2026Q4'),
          {
            revisions: [
              {
                ...revision,
                revision: 2,
                submittedAt: '2026-11-10T18:00:00Z',
                reply: { text: 'Two survivors were counted twice.', textId: 9, by: 'Reporter One' },
                reviews: [],
              },
              {
                ...revision,
                revision: 1,
                submittedAt: '2026-11-03T18:00:00Z',
                reply: null,
                reviews: [
                  {
                    action: 'return',
                    comment: 'Please check the county breakdown.',
                    commentId: 3,
                    reviewedBy: 'Admin One',
                    reviewedAt: '2026-11-05T18:00:00Z',
                  },
                ],
              },
            ],
          },
        ],
        [
          submissionKeys.diff('ASH', '2026Q4', 1, 2),
          {
            from: 1,
            to: 2,
            changes: [{ cell: 'survivors_served', label: 'Survivors served', from: 5, to: 3 }],
          },
        ],
      ]),
    );
    expect(text).toContain(
      'The agency’s answer to your return of revision 1 Returned: Please check the county breakdown. Reply from Reporter One: Two survivors were counted twice.',
    );
    expect(text).toContain('What changed since revision 1');
    expect(text).toContain('1 count changed from revision 1 to revision 2');
    expect(text).toContain('Survivors served 5 3');
  });
});
