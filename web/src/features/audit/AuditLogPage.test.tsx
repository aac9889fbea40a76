import { describe, expect, test } from 'vitest';
import { renderCached } from '../../testing';
import { AuditLogResults } from './AuditLogPage';
import { type AuditFilters, parseAuditFilters } from './filters';
import type { AuditLogResponse } from './types';

// Renders the audit log as it looks once the API has answered.

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const hash = 'a'.repeat(64);

function answer(overrides: Partial<AuditLogResponse> = {}): AuditLogResponse {
  return {
    entries: [
      {
        id: 120,
        at: '2026-11-03T22:05:00.000Z',
        user: { id: 1, name: 'Dana Whitfield' },
        action: 'approve',
        entityType: 'submission',
        entityId: '14',
        description: 'Approved Hillside’s 2025 Q3 report',
        details: { agency: 'HILLSIDE', period: '2025Q3' },
        hash,
      },
      {
        id: 119,
        at: '2026-11-03T08:00:00.000Z',
        user: null,
        action: 'release-failed',
        entityType: 'release',
        entityId: '3',
        description: 'A release failed: The server stopped while it was computing.',
        details: {},
        hash,
      },
    ],
    total: 120,
    page: 1,
    pageSize: 50,
    filters: { actions: ['approve', 'release-failed'], entityTypes: ['release', 'submission'], users: [] },
    chain: { ok: true, checked: 2, brokenAt: null, problem: null },
    ...overrides,
  };
}

const noFilters: AuditFilters = parseAuditFilters(new URLSearchParams());

function render(data = answer(), filters = noFilters) {
  return renderCached(
    <AuditLogResults data={data} filters={filters} updating={false} timeZone="America/Los_Angeles" />,
  );
}

describe('the audit log page', () => {
  test('entries newest first, in words, with when on the coalition’s clock, who, and the entry number', () => {
    const html = render();
    const text = textOf(html);
    expect(text).toContain('Showing entries 1 to 2 of 120, newest first.');
    expect(text).toContain(
      'November 3, 2026 at 2:05 PM Dana Whitfield Approved Hillside’s 2025 Q3 report 120',
    );
    expect(text).toContain('Scope itself A release failed');
    expect(html).toMatch(/<section class="table-scroll" aria-labelledby="audit-caption" tabindex="0">/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(4);
    expect(text).toContain('The seals check out');
  });

  test('a broken chain is an alert saying what is wrong and what to do', () => {
    const html = render(
      answer({
        chain: {
          ok: false,
          checked: 1,
          brokenAt: 119,
          problem: 'Entry 119 was changed after it was written.',
        },
      }),
    );
    expect(html).toMatch(/<div class="notice notice--error" role="alert">/);
    expect(textOf(html)).toContain(
      'The record has been changed outside Scope Entry 119 was changed after it was written.',
    );
    expect(textOf(html)).toContain('npm run audit:verify');
  });

  test('pages link to newer and older entries, keeping the filters', () => {
    const filters = parseAuditFilters(new URLSearchParams('action=approve&page=2'));
    const html = render(answer({ page: 2 }), filters);
    expect(html).toContain('<nav class="audit-pages" aria-label="Audit log pages">');
    expect(html).toContain('href="/audit?action=approve" data-discover="true">Newer entries');
    expect(html).toContain('href="/audit?action=approve&amp;page=3" data-discover="true">Older entries');
    expect(textOf(html)).toContain('Page 2 of 3');
  });

  test('nothing matching says so, and draws no empty table', () => {
    const html = render(
      answer({ entries: [], total: 0, chain: { ok: true, checked: 0, brokenAt: null, problem: null } }),
    );
    expect(textOf(html)).toContain('No entries match these filters.');
    expect(html).not.toContain('<table');
  });
});

describe('parseAuditFilters', () => {
  test.each([
    ['nothing', '', { action: null, entityType: null, user: null, from: null, to: null, page: 1 }],
    [
      'every filter',
      'action=approve&entityType=submission&user=4&from=2026-10-01&to=2026-10-31&page=3',
      { action: 'approve', entityType: 'submission', user: 4, from: '2026-10-01', to: '2026-10-31', page: 3 },
    ],
    ['dates the wrong way round', 'from=2026-10-31&to=2026-10-01', { from: '2026-10-01', to: '2026-10-31' }],
    [
      'values that cannot be right',
      'action=DROP TABLE&user=-1&from=yesterday&page=0',
      { action: null, user: null, from: null, page: 1 },
    ],
  ])('%s', (_, search, expected) => {
    expect(parseAuditFilters(new URLSearchParams(search))).toMatchObject(expected);
  });
});
