import { describe, expect, test } from 'vitest';
import { type Cached, person, renderCached } from '../../testing';
import { authKeys } from '../auth/queries';
import { CompletenessResults } from './CompletenessPage';
import type { CompletenessFilters } from './filters';
import { reminderKeys } from './queries';
import { completenessPeriod } from './testFixtures';
import type { CompletenessResponse, ReminderOverview } from './types';

// Renders the matrix and the missing list to HTML as they look once the API has answered.

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const data: CompletenessResponse = {
  periods: [completenessPeriod('2026Q3'), completenessPeriod('2026Q4')],
  counties: [
    { code: 'SCL', name: 'Santa Clara County' },
    { code: 'SBN', name: 'San Benito County' },
  ],
  agencies: [
    {
      code: 'TRESROBLES',
      name: 'Tres Robles Family Advocates',
      type: 'victim_services',
      county: 'SBN',
      firstPeriod: null,
      cells: {
        '2026Q4': { status: 'not_started', late: false, revision: 0 },
        '2026Q3': { status: 'returned', late: true, revision: 1 },
      },
    },
    {
      code: 'QUAILCREST',
      name: 'Quailcrest Survivor Advocacy Center',
      type: 'victim_services',
      county: 'SCL',
      firstPeriod: null,
      cells: {
        '2026Q4': { status: 'draft', late: false, revision: 0 },
        '2026Q3': { status: 'approved', late: false, revision: 2 },
      },
    },
    {
      code: 'MESA',
      name: 'Mesa Verde School District',
      type: 'education',
      county: 'SCL',
      firstPeriod: '2026Q4',
      cells: { '2026Q4': { status: 'not_started', late: false, revision: 0 } },
    },
  ],
};

const allFilters: CompletenessFilters = { county: null, type: null, quarters: 8, status: null };

/** The server's list of whom to remind about 2026Q3, as `GET /api/completeness/reminders` answers. */
const q3Reminders: ReminderOverview = {
  period: { code: '2026Q3', deadline: '2026-10-30', pastDeadline: true },
  mailConfigured: false,
  agencies: [
    {
      code: 'TRESROBLES',
      name: 'Tres Robles Family Advocates',
      status: 'returned',
      reporters: [{ name: 'Ana', email: 'ana@tresrobles.example' }],
      lastReminded: { at: '2026-11-20T18:30:00.000Z', channel: 'copy' },
      inviteUrl: null,
      text: "Subject: Tres Robles Family Advocates' 2026Q3 report for the coalition was returned for correction",
    },
    {
      code: 'MESA',
      name: 'Mesa Verde School District',
      status: 'not_started',
      reporters: [],
      lastReminded: null,
      inviteUrl: '/people?agency=MESA',
      text: "Subject: A friendly reminder: Mesa Verde School District's 2026Q3 report",
    },
  ],
  textForAll: "Subject: A friendly reminder: your agency's 2026Q3 report for the coalition",
};

function render(
  response: CompletenessResponse = data,
  filters = allFilters,
  today = '2026-11-28',
  reminders: ReminderOverview = q3Reminders,
) {
  const cached: Cached = [
    [authKeys.me(), person('admin')],
    [reminderKeys.quarter(reminders.period.code), reminders],
  ];
  return renderCached(
    <CompletenessResults data={response} filters={filters} updating={false} today={today} />,
    cached,
  );
}

describe('the matrix', () => {
  test('agencies by name down the side, quarters newest first across the top', () => {
    const html = render();
    const text = textOf(html);
    expect(text).toContain('Showing 3 agencies.');
    expect(text.indexOf('2026Q4')).toBeLessThan(text.indexOf('2026Q3 Open'));
    const rows = ['Mesa Verde School District', 'Quailcrest', 'Tres Robles'].map((name) =>
      html.indexOf(`<th scope="row" class="matrix__agency">${name}`),
    );
    expect(rows.every((position) => position >= 0)).toBe(true);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
  });

  test('each cell says its status in words, with late and resubmitted marked', () => {
    // What is on screen: each cell link's agency and quarter are for screen readers only.
    const text = textOf(render().replace(/<span class="visually-hidden">[^<]*<\/span>/g, ''));
    expect(text).toContain(
      'Tres Robles Family Advocates Victim services · San Benito County Not started Returned Late',
    );
    expect(text).toContain('Draft Approved Revision 2');
    expect(text).toContain(
      'Mesa Verde School District Education · Santa Clara County Not started Not expected: reports from 2026Q4',
    );
  });

  test('each quarter heading adds up its column', () => {
    const text = textOf(render());
    expect(text).toContain('2026Q4 Open · Due Jan 30, 2027 0 of 3 submitted');
    expect(text).toContain('2026Q3 Open · Due Oct 30, 2026 2 of 2 submitted, 1 late');
  });

  test('is captioned with the filters applied, with header cells and a focusable scroll region', () => {
    const html = render(data, { county: 'SBN', type: 'victim_services', quarters: 4, status: null });
    expect(textOf(html)).toContain(
      "Each agency's report by quarter, newest quarter first: the last 4 quarters · San Benito County · Victim services agencies",
    );
    expect(html).toMatch(/<section class="table-scroll" aria-labelledby="matrix-caption" tabindex="0">/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html.match(/<th scope="row"/g)).toHaveLength(3);
    // The shapes repeat the words and are hidden from screen readers.
    expect(html).toMatch(/<svg class="status-shape"[^>]*aria-hidden="true"/);
  });

  test('no matching agencies: says so, and draws no empty table', () => {
    const html = render({ ...data, agencies: [] });
    expect(textOf(html)).toContain('No agencies match these filters.');
    expect(html).not.toContain('<table');
  });
});

describe('who is missing', () => {
  test('for the open quarter past its deadline: the list, and the agencies to remind', () => {
    const html = render();
    const text = textOf(html);
    expect(text).toContain('2026Q3 · Open for entry · Was due October 30, 2026 (29 days ago)');
    expect(text).toContain('Who is missing for 2026Q3');
    expect(text).toContain('1 agency still needs to send its 2026Q3 report: 1 was returned for correction.');
    expect(text).toContain(
      'Tres Robles Family Advocates Victim services · San Benito County Returned for correction',
    );
    expect(html).toContain('href="/report/TRESROBLES/2026Q3"');
    expect(text).toContain('Remind agencies');
  });
  test('everyone has sent theirs: no list and no reminder', () => {
    const done: CompletenessResponse = {
      ...data,
      agencies: data.agencies.map((agency) => ({
        ...agency,
        cells: { ...agency.cells, '2026Q3': { status: 'approved', late: false, revision: 1 } },
      })),
    };
    const html = render(done, allFilters, '2026-11-28', { ...q3Reminders, agencies: [], textForAll: null });
    expect(textOf(html)).toContain('Every agency shown has sent its 2026Q3 report.');
    expect(textOf(html)).toContain(
      'Every agency expected for 2026Q3 has sent its report: there is no one to remind.',
    );
    expect(html).not.toContain('<textarea');
  });

  test('when no open quarter is near its deadline, says when the list will appear', () => {
    const html = render({ ...data, periods: [data.periods[1] as CompletenessResponse['periods'][number]] });
    expect(textOf(html)).toContain(
      "2026Q4 is open for entry and due January 30, 2027 (in 63 days). From 14 days before its deadline, this page lists who hasn't sent a report yet",
    );
    expect(html).not.toContain('<textarea');
  });

  test('with filters on, says the list only covers matching agencies', () => {
    const text = textOf(render(data, { county: 'SBN', type: null, quarters: 8, status: null }));
    expect(text).toContain('Only agencies that match the filters above are included.');
  });
});

describe('each cell links to the report it shows', () => {
  test('one link per cell, named by agency, quarter and state', () => {
    const html = render();
    const links = [...html.matchAll(/<a class="matrix__cell-link" href="([^"]+)"[^>]*>(.*?)<\/a>/g)].map(
      ([, href, inside]) => [href, textOf(inside as string)],
    );
    expect(links).toContainEqual([
      '/report/QUAILCREST/2026Q3',
      'Quailcrest Survivor Advocacy Center, 2026Q3: Approved Revision 2',
    ]);
    expect(links).toContainEqual([
      '/report/TRESROBLES/2026Q3',
      'Tres Robles Family Advocates, 2026Q3: Returned Late',
    ]);
    // A quarter an agency was not expected for has no report to open.
    expect(links).toHaveLength(5);
    expect(html).not.toContain('href="/report/MESA/2026Q3"');
    expect(html).not.toMatch(/<td[^>]*onclick/i);
  });

  test("filtered to a quarter's state, only those agencies are shown, and the filter says so", () => {
    const html = render(data, { ...allFilters, status: { period: '2026Q4', status: 'not_started' } });
    const text = textOf(html);
    expect(text).toContain('Showing 2 agencies.');
    expect(text).toContain('2026Q4: not started only');
    expect(html).not.toContain('Quailcrest Survivor Advocacy Center, 2026Q4');
  });
});

describe('remind agencies', () => {
  test('without mail: who each reminder reaches, when last reminded, and a reminder to copy', () => {
    const html = render();
    const text = textOf(html);
    expect(text).toContain("Mail isn't set up for Scope, so copy each reminder");
    expect(html).toMatch(/<input type="checkbox" id="remind-TRESROBLES"[^>]* checked=""/);
    expect(html).toMatch(/<input type="checkbox" id="remind-MESA"[^>]* checked=""/);
    expect(text).toContain('Goes to 1 reporter: ana@tresrobles.example.');
    expect(text).toContain('Last reminded November 20, 2026 at 10:30 AM (copied to send).');
    expect(text).toContain(
      'No reporter yet, so no one to send to. Invite a reporter for Mesa Verde School District',
    );
    expect(html).toContain('href="/people?agency=MESA"');
    expect(text).toContain('Not reminded yet for this quarter.');
    // The text is the server's: one for every agency chosen, naming none.
    expect(html).toContain('<label for="reminder-text"');
    expect(text).toContain("Subject: A friendly reminder: your agency's 2026Q3 report for the coalition");
    expect(text).toContain('Copy reminder for every agency chosen');
    expect(text).not.toContain('Send by mail');
  });

  test('with mail: a note of your own, and a button that says how many agencies it reaches', () => {
    const html = render(data, allFilters, '2026-11-28', { ...q3Reminders, mailConfigured: true });
    const text = textOf(html);
    expect(text).toContain("Scope mails each agency's reporters their own reminder");
    expect(html).toContain('<label for="remind-note">A note of your own (optional)</label>');
    // Mesa Verde has no reporter, so the mail reaches one agency of the two chosen.
    expect(text).toContain('Send by mail to 1 agency');
    expect(text).not.toContain('Copy reminder');
  });
});
