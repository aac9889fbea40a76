import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, test } from 'vitest';
import { ReportLink, reportLinkText } from './ReportLink';

describe('reportLinkText', () => {
  test.each([
    { status: 'not_started', open: true, expected: 'Start the 2026Q4 report' },
    { status: 'not_started', open: false, expected: 'View the 2026Q4 report' },
    { status: 'draft', open: true, expected: 'Continue the 2026Q4 report' },
    { status: 'draft', open: false, expected: 'View the 2026Q4 report' },
    { status: 'returned', open: false, expected: 'Correct the 2026Q4 report' },
    { status: 'submitted', open: true, expected: 'View the 2026Q4 report' },
    { status: 'approved', open: false, expected: 'View the 2026Q4 report' },
  ])('$status (open $open) → $expected', ({ status, open, expected }) => {
    expect(reportLinkText(status, open, '2026Q4')).toBe(expected);
  });
});

describe('ReportLink', () => {
  test('links to the form inside a router', () => {
    const html = renderToStaticMarkup(
      <MemoryRouter>
        <ReportLink agency="ASH" period="2026Q4">
          Open
        </ReportLink>
      </MemoryRouter>,
    );
    expect(html).toBe('<a href="/report/ASH/2026Q4" data-discover="true">Open</a>');
  });

  test('is still a working link outside a router', () => {
    const html = renderToStaticMarkup(
      <ReportLink agency="ASH" period="2026Q4" className="button">
        Open
      </ReportLink>,
    );
    expect(html).toBe('<a href="/report/ASH/2026Q4" class="button">Open</a>');
  });
});
