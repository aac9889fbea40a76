import { describe, expect, test } from 'vitest';
import { renderCached } from '../../testing';
import { CompletenessResults } from './CompletenessPage';
import type { CompletenessFilters } from './filters';
import { completenessPeriod } from './testFixtures';
import type { CompletenessResponse } from './types';

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

const allFilters: CompletenessFilters = { county: null, type: null, quarters: 8 };
const me = { name: 'Dana Whitfield', email: 'admin@scope.demo' };

function render(response: CompletenessResponse = data, filters = allFilters, today = '2026-11-28') {
  return renderCached(
    <CompletenessResults
      data={response}
      filters={filters}
      updating={false}
      me={me}
      today={today}
      appUrl="https://scope.example.org"
    />,
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
    const text = textOf(render());
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
    const html = render(data, { county: 'SBN', type: 'victim_services', quarters: 4 });
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
  test('for the open quarter past its deadline: the list, and a reminder ready to copy', () => {
    const html = render();
    const text = textOf(html);
    expect(text).toContain('2026Q3 · Open for entry · Was due October 30, 2026 (29 days ago)');
    expect(text).toContain('Who is missing for 2026Q3');
    expect(text).toContain('1 agency still needs to send its 2026Q3 report: 1 was returned for correction.');
    expect(text).toContain(
      'Tres Robles Family Advocates Victim services · San Benito County Returned for correction',
    );
    expect(html).toMatch(/<textarea id="reminder-text" class="reminder__text" readonly=""/i);
    expect(html).toContain('<label for="reminder-text"');
    expect(html).toContain('href="/report/TRESROBLES/2026Q3"');
    expect(text).toContain('Copy reminder');
    expect(html).toMatch(/<p role="status" class="reminder__status">/);
  });

  test('the reminder names no agency', () => {
    const html = render();
    const reminder = html.slice(html.indexOf('<textarea'), html.indexOf('</textarea>'));
    expect(reminder).toContain('2026Q3 (July to September 2026)');
    expect(reminder).toContain('contact Dana Whitfield at admin@scope.demo');
    expect(reminder).not.toMatch(/Tres Robles|Quailcrest|Mesa Verde/);
  });

  test('everyone has sent theirs: no list and no reminder', () => {
    const done: CompletenessResponse = {
      ...data,
      agencies: data.agencies.map((agency) => ({
        ...agency,
        cells: { ...agency.cells, '2026Q3': { status: 'approved', late: false, revision: 1 } },
      })),
    };
    const html = render(done);
    expect(textOf(html)).toContain('Every agency shown has sent its 2026Q3 report.');
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
    const text = textOf(render(data, { county: 'SBN', type: null, quarters: 8 }));
    expect(text).toContain('Only agencies that match the filters above are included.');
  });
});
