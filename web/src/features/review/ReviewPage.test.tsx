import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, test } from 'vitest';
import { ReviewQueueView } from './ReviewPage';
import type { ReviewQueueResponse } from './types';

// Renders the queue to HTML the way it looks once the API has answered. The environment is node
// (no DOM), so assertions read the markup and its visible text.

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const agency = (code: string, name: string) => ({
  code,
  name,
  type: 'victim_services' as const,
  county: 'SCL',
});

const queue: ReviewQueueResponse = {
  period: { code: '2026Q3', deadline: '2026-10-30', open: true, opensOn: '2026-10-01', openedEarly: false },
  submissions: [
    {
      agency: agency('ALDER', 'Alder House'),
      status: 'approved',
      revision: 1,
      late: false,
      submittedAt: '2026-10-20T18:00:00Z',
      updatedAt: '2026-10-20T18:00:00Z',
    },
    {
      agency: agency('BIRCH', 'Birch Legal Aid'),
      status: 'not_started',
      revision: 0,
      late: true,
      submittedAt: null,
      updatedAt: null,
    },
    {
      agency: agency('CEDAR', 'Cedar Clinic'),
      status: 'submitted',
      revision: 2,
      late: true,
      submittedAt: '2026-11-03T18:00:00Z',
      updatedAt: '2026-11-03T18:00:00Z',
    },
    {
      agency: agency('DOGWOOD', 'Dogwood Shelter'),
      status: 'returned',
      revision: 1,
      late: false,
      submittedAt: '2026-10-25T18:00:00Z',
      updatedAt: '2026-10-27T18:00:00Z',
    },
  ],
};

function render(data: ReviewQueueResponse = queue) {
  return renderToStaticMarkup(
    <MemoryRouter>
      <ReviewQueueView data={data} updating={false} today="2026-11-28" timeZone="America/Los_Angeles" />
    </MemoryRouter>,
  );
}

describe('ReviewQueueView', () => {
  test('leads with what is waiting, with the quarter, its deadline and the counts', () => {
    const text = textOf(render());
    expect(text).toContain('2026Q3 · Open for entry · Was due October 30, 2026 (29 days ago)');
    expect(text).toContain('1 report is waiting for your review.');
    expect(text).toContain(
      'Of 4 agencies: 1 awaiting review 1 returned for correction 1 not started 1 approved 2 submitted late',
    );
  });

  test('puts the report awaiting review first and approved last', () => {
    const text = textOf(render());
    const order = ['Cedar Clinic', 'Dogwood Shelter', 'Birch Legal Aid', 'Alder House'].map((name) =>
      text.indexOf(name),
    );
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('marks lateness in words and links each report by name', () => {
    const html = render();
    const text = textOf(html);
    expect(text).toContain('Submitted — awaiting review Submitted late');
    expect(text).toContain('Not started Not submitted by the deadline');
    expect(html).toContain('href="/report/CEDAR/2026Q3"');
    expect(text).toContain('Review the report from Cedar Clinic for 2026Q3');
    expect(text).toContain('Open the report from Alder House for 2026Q3');
  });

  test('is a captioned table with row and column headers, in a focusable scroll region', () => {
    const html = render();
    expect(html).toContain('<caption id="queue-caption">');
    expect(html).toMatch(/<section class="table-scroll" aria-labelledby="queue-caption" tabindex="0">/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(5);
    expect(html.match(/<th scope="row"/g)).toHaveLength(4);
  });

  test('says so plainly when no agency is expected to report', () => {
    const html = render({ ...queue, submissions: [] });
    expect(textOf(html)).toContain('No agencies are expected to report for 2026Q3.');
    expect(html).not.toContain('<table');
  });
});
