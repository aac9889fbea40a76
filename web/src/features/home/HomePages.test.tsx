import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { AgencyQuarter, CompletenessSummaryResponse, PeriodsResponse } from '../../api/types';
import { agencyQuarter, agencySubmissions, person, quarterDates, renderCached } from '../../testing';
import { authKeys } from '../auth/queries';
import { AdminHome } from './AdminHome';
import { completenessKeys, periodKeys, submissionKeys } from './queries';
import { ReporterHome } from './ReporterHome';
import { ViewerHome } from './ViewerHome';

// These render the real components to HTML with data already in the cache, the way a page looks
// once its request has answered. The environment is node (no DOM), so assertions read the markup.

/** The page's visible text, with tags dropped and HTML entities decoded, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,:)])/g, '$1')
    .replace(/\( /g, '(');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 28, 10, 0));
});

afterEach(() => {
  vi.useRealTimers();
});

const ash = { code: 'ASH', name: 'Asian Women’s Shelter South Bay', type: 'victim_services' } as const;
const reporter = person('reporter', { name: 'Reporter One', agency: ash });

/** 2026Q3 with its dates, for a quarter the tests turn into what they need. */
const q3 = { period: '2026Q3', ...quarterDates('2026Q3') };

/** The agency's quarters: 2026Q4 a draft, 2026Q3 returned (it was late), 2026Q2 approved. */
const ashQuarters: AgencyQuarter[] = [
  agencyQuarter(),
  agencyQuarter({
    ...q3,
    open: false,
    status: 'returned',
    late: true,
    submittedAt: '2026-11-03T18:00:00Z',
    revision: 2,
    returnComment: 'The gender breakdown adds up to 41, but 43 survivors are listed as served.',
  }),
  agencyQuarter({
    period: '2026Q2',
    ...quarterDates('2026Q2'),
    open: false,
    status: 'approved',
    submittedAt: '2026-07-20T18:00:00Z',
    revision: 1,
  }),
];

/**
 * The reporter's home once these of the agency's quarters have loaded (`null`: still loading), for
 * `me`, who carries the coalition's time zone.
 */
const reporterHome = (quarters: AgencyQuarter[] | null = ashQuarters, me = reporter) =>
  renderCached(<ReporterHome me={me} />, [
    [authKeys.me(), me],
    ...(quarters ? [[submissionKeys.byAgency('ASH'), agencySubmissions(quarters, ash)] as const] : []),
  ]);

describe('ReporterHome', () => {
  test('shows a calm loading state until the reports arrive', () => {
    const html = reporterHome(null);
    expect(html).toContain('role="status"');
    expect(textOf(html)).toContain("Loading your agency's reports…");
  });

  test('puts the returned report first, then the quarter due next with its deadline, status and next step', () => {
    const html = reporterHome();
    const text = textOf(html);
    expect(text).toContain("Your agency's quarterly reports");
    expect(text).toContain('Asian Women’s Shelter South Bay · Victim services');
    expect(text).toMatch(/^.*?Returned for correction 2026Q3 July to September 2026/);
    expect(text).toContain('Correct the 2026Q3 report');
    expect(text).toContain(
      'Open for entry 2026Q4 October to December 2026 Due January 30, 2027 (in 63 days)',
    );
    expect(text).toContain('Status: Draft');
    expect(text).toContain('Next step: Your draft is saved. Check it and submit it by January 30, 2027.');
    expect(text.indexOf('Returned for correction 2026Q3')).toBeLessThan(
      text.indexOf('Open for entry 2026Q4'),
    );
  });

  test('an overdue report comes before the one due next', () => {
    const quarters = [
      agencyQuarter({ period: '2026Q4', status: 'not_started' }),
      agencyQuarter({
        ...q3,
        status: 'draft',
      }),
    ];
    const text = textOf(reporterHome(quarters));
    expect(text).toMatch(
      /^.*?Overdue 2026Q3 July to September 2026 Was due October 30, 2026 \(29 days ago\)/,
    );
    expect(text).toContain('Continue the 2026Q3 report');
    expect(text.indexOf('Overdue 2026Q3')).toBeLessThan(text.indexOf('Open for entry 2026Q4'));
  });

  test('on 1 December, the quarter under way is the one due next: not open yet, and when it opens', () => {
    vi.setSystemTime(new Date('2026-12-01T18:00:00Z'));
    const quarters = [
      agencyQuarter({ period: '2026Q4', status: 'not_started', open: false }),
      agencyQuarter({
        ...q3,
        status: 'approved',
        submittedAt: '2026-10-20T18:00:00Z',
        revision: 1,
      }),
    ];
    const html = reporterHome(quarters);
    const text = textOf(html);
    expect(text).toContain(
      'Opens for entry January 1, 2027 2026Q4 October to December 2026 Due January 30, 2027 (in 60 days)',
    );
    expect(text).toContain(
      'Next step: 2026Q4 is not open for entry yet. It opens on January 1, 2027, the day after the quarter ends, and is due by January 30, 2027.',
    );
    expect(html).toContain('href="/report/ASH/2026Q4"');
    expect(text).toContain('View the 2026Q4 report');
    expect(text).not.toContain('Start the 2026Q4 report');
  });

  test('says so calmly when nothing needs the reporter', () => {
    const quarters = [
      agencyQuarter({
        period: '2026Q4',
        status: 'submitted',
        submittedAt: '2026-11-20T18:00:00Z',
        revision: 1,
      }),
    ];
    const text = textOf(reporterHome(quarters));
    expect(text).toContain('Nothing needs you right now');
  });

  test("shows a returned report's comment, and marks a late one in words", () => {
    const text = textOf(reporterHome());
    expect(text).toContain(
      "Reviewer's comment The gender breakdown adds up to 41, but 43 survivors are listed as served.",
    );
    expect(text).toContain('Returned for correction');
    expect(text).toContain('Submitted late');
    expect(text).toContain('Approved');
    expect(text).toContain('Revision 2');
  });

  test('lays the history out as a captioned table with header cells', () => {
    const html = reporterHome();
    expect(html).toMatch(/<caption id="agency-quarters-caption">/);
    expect(html).toMatch(
      /<section class="table-scroll" aria-labelledby="agency-quarters-caption" tabindex="0">/,
    );
    expect(html.match(/<th scope="col">/g)).toHaveLength(4);
    expect(html.match(/<th scope="row">/g)).toHaveLength(3);
  });

  test("dates a submission by the coalition's clock, not the browser's", () => {
    // 03:00 UTC on January 31 is still the evening of January 30 in Los Angeles.
    const returned = agencyQuarter({
      ...q3,
      open: false,
      status: 'returned',
      submittedAt: '2027-01-31T03:00:00Z',
    });
    expect(textOf(reporterHome([returned]))).toContain('Submitted January 30, 2027');
    const inUtc = reporterHome([returned], { ...reporter, timeZone: 'UTC' });
    expect(textOf(inUtc)).toContain('Submitted January 31, 2027');
  });

  test('explains, rather than failing, when the account has no agency', () => {
    const text = textOf(renderCached(<ReporterHome me={{ ...reporter, agency: null }} />));
    expect(text).toContain("Your account isn't linked to an agency yet");
  });
});

const completeness: CompletenessSummaryResponse = {
  quarters: [
    {
      period: '2026Q4',
      deadline: '2027-01-30',
      open: true,
      opensOn: '2027-01-01',
      openedEarly: false,
      pastDeadline: false,
      expected: 12,
      approved: 0,
      submitted: 2,
      returned: 0,
      draft: 4,
      notStarted: 6,
      late: 0,
    },
    {
      period: '2026Q3',
      deadline: '2026-10-30',
      open: false,
      opensOn: '2026-10-01',
      openedEarly: false,
      pastDeadline: true,
      expected: 12,
      approved: 6,
      submitted: 2,
      returned: 1,
      draft: 1,
      notStarted: 2,
      late: 2,
    },
  ],
};

describe('AdminHome', () => {
  test('leads with who still needs chasing for the past-deadline quarter', () => {
    const text = textOf(
      renderCached(<AdminHome />, [
        [authKeys.me(), person('admin')],
        [completenessKeys.summary(4), completeness],
      ]),
    );
    expect(text).toContain('2026Q3 · Closed for entry · Was due October 30, 2026');
    expect(text).toContain('3 agencies have not submitted 2026Q3.');
    expect(text).toContain('Of these, 2 have not started and 1 has a draft saved.');
    expect(text).toContain('2 reports are waiting for your review.');
    expect(text).toContain(
      '2026Q4 is open for entry until January 30, 2027. 2 of 12 agencies have submitted so far.',
    );
  });

  test('shows every count in a captioned table, one row per quarter', () => {
    const html = renderCached(<AdminHome />, [
      [authKeys.me(), person('admin')],
      [completenessKeys.summary(4), completeness],
    ]);
    expect(textOf(html)).toContain(
      "Agencies' reports by quarter, out of the number of agencies expected to report",
    );
    expect(html.match(/<th scope="col"/g)).toHaveLength(9);
    const q3Row = textOf(html.slice(html.indexOf('<tr class="row--current">')));
    expect(q3Row).toMatch(/^ ?2026Q3 Deadline passed October 30, 2026 12 6 2 1 1 2 2/);
  });

  test('each count links to the page that lists exactly those reports', () => {
    const html = renderCached(<AdminHome />, [
      [authKeys.me(), person('admin')],
      [completenessKeys.summary(4), completeness],
    ]);
    expect(html).toContain(
      '<a aria-label="2 submitted in 2026Q3, awaiting review" href="/review?period=2026Q3"',
    );
    expect(html).toContain(
      '<a aria-label="2 not started in 2026Q3" href="/completeness?period=2026Q3&amp;status=not_started"',
    );
    expect(html).toContain(
      '<a aria-label="1 with a draft in 2026Q3" href="/completeness?period=2026Q3&amp;status=draft"',
    );
    expect(html).toContain(
      '<a aria-label="1 returned for correction in 2026Q3" href="/completeness?period=2026Q3&amp;status=returned"',
    );
    // The summary line for review is a link too.
    expect(html).toMatch(
      /<a href="\/review\?period=2026Q3"[^>]*>2 reports are waiting for your review\.<\/a>/,
    );
  });
});

const periods: PeriodsResponse = {
  periods: [
    {
      period: '2026Q4',
      ...quarterDates('2026Q4'),
      open: true,
      openedEarly: false,
      expected: 12,
      approved: 0,
    },
    {
      period: '2026Q3',
      ...quarterDates('2026Q3'),
      open: false,
      openedEarly: false,
      expected: 12,
      approved: 10,
    },
  ],
};

describe('ViewerHome', () => {
  test('says which quarters have approved reports and which are open', () => {
    const html = renderCached(<ViewerHome />, [[periodKeys.list(), periods]]);
    const text = textOf(html);
    expect(text).toContain(
      "The most recent quarter with approved reports is 2026Q3 (July to September 2026): 10 of 12 agencies' reports approved.",
    );
    expect(text).toContain("2026Q4 October to December 2026 0 of 12 agencies' reports approved Yes");
    expect(text).toContain("2026Q3 July to September 2026 10 of 12 agencies' reports approved No");
    expect(html).toContain('<caption id="periods-caption">');
  });

  test('says plainly when no quarter has data yet', () => {
    const empty: PeriodsResponse = { periods: [] };
    const text = textOf(renderCached(<ViewerHome />, [[periodKeys.list(), empty]]));
    expect(text).toContain('No quarter has approved reports yet.');
    expect(text).toContain('There are no reporting quarters yet.');
  });
});
