import { describe, expect, test } from 'vitest';
import type { PeriodsResponse } from '../../api/types';
import { person, quarterDates, renderCached } from '../../testing';
import { authKeys } from '../auth/queries';
import { periodKeys } from '../home/queries';
import { releaseKeys } from './queries';
import { ReleaseList } from './ReleaseList';
import { PublishPreviewView, ReleaseProgressView, ReleasesPage } from './ReleasesPage';
import { audienceSummary, preview, release } from './testFixtures';
import type { Release, ReleasePreview } from './types';

// Renders the page and its parts to HTML as they look once the API has answered. The environment
// is node (no DOM), so assertions read the markup and its visible text.

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const periods: PeriodsResponse = {
  periods: [
    {
      period: '2026Q4',
      ...quarterDates('2026Q4'),
      open: true,
      openedEarly: false,
      expected: 14,
      approved: 0,
    },
    {
      period: '2026Q3',
      ...quarterDates('2026Q3'),
      open: false,
      openedEarly: false,
      expected: 14,
      approved: 12,
    },
  ],
};

const published = release({ id: 2, period: '2026Q2', periods: ['2026Q2'] });
const failed = release({
  id: 3,
  period: '2026Q3',
  status: 'failed',
  publishedAt: null,
  failureReason: 'Two hidden counts in the age table could still be worked out from the county tables.',
  audiences: { coalition: audienceSummary({ status: 'failed' }) },
});

function renderPage(
  releases: Release[] = [failed, published],
  previewData: ReleasePreview = preview(),
  path = '/releases?period=2026Q3',
) {
  return renderCached(
    <ReleasesPage />,
    [
      [authKeys.me(), person('admin')],
      [periodKeys.list(), periods],
      [releaseKeys.list(), { releases }],
      [releaseKeys.preview(previewData.period), previewData],
    ],
    path,
  );
}

const noop = () => {};

function renderPreview(overrides: Partial<Parameters<typeof PublishPreviewView>[0]> = {}) {
  return renderCached(
    <PublishPreviewView
      preview={preview()}
      releases={[]}
      thresholds={{ coalition: 5, public: 11 }}
      computing={undefined}
      today="2026-11-28"
      confirming={false}
      publishing={false}
      publishError={null}
      onStartConfirm={noop}
      onCancel={noop}
      onConfirm={noop}
      timeZone="UTC"
      {...overrides}
    />,
  );
}

describe('ReleasesPage', () => {
  test('shows the chosen quarter, how complete it is, and every release so far', () => {
    const html = renderPage();
    const text = textOf(html);
    expect(html).toContain('<h1>Releases</h1>');
    expect(html).toMatch(
      /<option value="2026Q3" selected="">2026Q3 · July to September 2026 · 12 of 14 approved<\/option>/,
    );
    expect(text).toContain("12 of 14 agencies' reports approved for 2026Q3");
    expect(text).toContain('What publishing does');
    expect(html).toContain('id="publish-button"');
    expect(text).toContain('Publish 2026Q3…');
    expect(html).toContain('<caption id="releases-caption">');
    expect(text).toContain('2026Q2 Release 1 Published');
    expect(text).toContain('2026Q3 Release 1 Failed — not published');
  });

  test('says so when nothing has been released yet', () => {
    expect(textOf(renderPage([]))).toContain('No quarter has been published yet.');
  });
});

describe('PublishPreviewView', () => {
  test('leads with the deadline and how complete the quarter is', () => {
    const text = textOf(renderPreview());
    expect(text).toContain('2026Q3 · Closed for entry · Was due October 30, 2026 (29 days ago)');
    expect(text).toContain("12 of 14 agencies' reports approved for 2026Q3");
    expect(text).toContain('1 awaiting review 1 not started');
  });

  test('lists who is missing and why, awaiting review first, each linking to the report', () => {
    const html = renderPreview();
    const text = textOf(html);
    expect(text).toContain(
      'Not included unless approved first Cedar Clinic Submitted — awaiting review Birch Legal Aid Not started',
    );
    expect(html).toContain('href="/report/CEDAR/2026Q3"');
    expect(html).toContain('href="/review?period=2026Q3"');
  });

  test('shows the server’s warnings and what the release will publish', () => {
    const text = textOf(
      renderPreview({
        preview: preview({ warnings: ['2 agencies have no approved report: their numbers will be missing'] }),
      }),
    );
    expect(text).toContain(
      'Before you publish 2 agencies have no approved report: their numbers will be missing',
    );
    expect(text).toContain(
      'This release will publish 2026Q3 (July to September 2026) and federal fiscal year FY2026 (October 2025 to September 2026).',
    );
    expect(text).toContain('2026Q3 completes federal fiscal year FY2026');
  });

  test('explains both audiences with their thresholds, the audit and the freeze', () => {
    const text = textOf(renderPreview());
    expect(text).toContain(
      'Coalition members who are signed in (workgroups, grant reports): counts of people under 5 are hidden.',
    );
    expect(text).toContain(
      'The public: coalition-wide tables with one breakdown at a time, and counts of people under 11 are hidden.',
    );
    expect(text).toContain("so the hidden ones can't be worked out by subtraction");
    expect(text).toContain('If the audit fails, nothing is published and you are told why.');
    expect(text).toContain('Freezes the result.');
  });

  test('offers a correction once the quarter has been published, naming the earlier release', () => {
    const text = textOf(
      renderPreview({
        preview: preview({ previousReleases: [11] }),
        releases: [release({ id: 11 })],
      }),
    );
    expect(text).toContain('Publish a correction (release 2)…');
    expect(text).toContain('2026Q3 has been published before (release 1). Publishing again makes release 2');
    expect(text).toContain('Release 1: Published November 3, 2026 at 2:05 PM by Dana Whitfield');
  });

  test('asks for confirmation before publishing, with any error in an alert', () => {
    const html = renderPreview({ confirming: true, publishError: 'Another release is being computed.' });
    const text = textOf(html);
    expect(html).not.toContain('id="publish-button"');
    expect(text).toContain('Publish 2026Q3 now?');
    expect(text).toContain(
      'It includes the approved reports of 12 agencies. The 2 agencies without an approved report are not in any figure.',
    );
    expect(html).toContain(
      '<div role="alert"><p class="form-error">Another release is being computed.</p></div>',
    );
    expect(text).toContain('Yes, publish 2026Q3 Cancel');
  });

  test.each([
    {
      name: 'nothing is approved',
      overrides: { preview: preview({ approved: 0 }) },
      says: 'No report for 2026Q3 is approved yet, so there is nothing to publish.',
    },
    {
      name: 'another release is computing',
      overrides: { computing: release({ id: 7, period: '2026Q2', status: 'computing' }) },
      says: '2026Q2, release 1 is still being computed.',
    },
  ])('offers no button when $name', ({ overrides, says }) => {
    const html = renderPreview(overrides);
    expect(html).not.toContain('id="publish-button"');
    expect(textOf(html)).toContain(says);
  });
});

describe('ReleaseProgressView', () => {
  function renderProgress(subject: Release) {
    return renderCached(<ReleaseProgressView release={subject} onDismiss={noop} onTryAgain={noop} />);
  }

  test('while computing: a labelled progress bar and the stage in a polite live region', () => {
    const html = renderProgress(
      release({
        status: 'computing',
        publishedAt: null,
        progress: { done: 459, total: 1020, stage: 'protecting the public figures' },
        audiences: {},
      }),
    );
    expect(html).toContain('<label for="release-progress-bar"');
    expect(html).toMatch(/<progress id="release-progress-bar" value="459" max="1020"/);
    expect(textOf(html)).toContain('45% of this step done');
    expect(html).toContain(
      '<div role="status" class="release-progress__status"><p>Step 3 of 4: protecting and checking the public figures. About a quarter done.</p></div>',
    );
    expect(html).toContain('<div role="alert"></div>');
  });

  test('before the amount of work is known, the bar is indeterminate', () => {
    const html = renderProgress(release({ status: 'computing', progress: null, audiences: {} }));
    expect(html).toMatch(/<progress id="release-progress-bar" max="1"/);
    expect(html).not.toMatch(/<progress[^>]*value=/);
  });

  test('when it fails: the reason and what to do next, in an alert', () => {
    const html = renderProgress(failed);
    const alert = html.slice(html.indexOf('<div role="alert">'));
    expect(textOf(alert)).toContain('2026Q3, release 1 was not published.');
    expect(textOf(alert)).toContain(
      'Two hidden counts in the age table could still be worked out from the county tables.',
    );
    expect(textOf(alert)).toContain('What to do next:');
    expect(html).not.toContain('<progress');
    expect(html).toContain('href="/review?period=2026Q3"');
    expect(textOf(html)).toContain('Try publishing again');
  });

  test('when published: a success message in the status region', () => {
    const html = renderProgress(release());
    expect(textOf(html.slice(html.indexOf('<div role="status"')))).toContain(
      '2026Q3, release 1 is published. Its numbers are protected, audited and frozen.',
    );
    expect(html).toContain('<div role="alert"></div>');
    expect(html).toContain('href="#release-1"');
  });
});

describe('ReleaseList', () => {
  const superseded = release({ id: 1, status: 'superseded' });
  const correction = release({ id: 4, sequence: 2 });
  const computing = release({
    id: 5,
    period: '2026Q4',
    status: 'computing',
    publishedAt: null,
    audiences: {},
  });
  const all = [computing, correction, superseded];

  test('is a captioned table in a focusable scroll region, one row per release', () => {
    const html = renderCached(<ReleaseList releases={all} timeZone="UTC" />);
    expect(html).toMatch(/<section class="table-scroll" aria-labelledby="releases-caption" tabindex="0">/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(7);
    expect(html.match(/<th scope="row"/g)).toHaveLength(3);
  });

  test('says each status in words, with what each audience has hidden and the audit result', () => {
    const text = textOf(renderCached(<ReleaseList releases={all} timeZone="UTC" />));
    expect(text).toContain(
      '2026Q4 Release 1 Being computed Started November 3, 2026 at 2:00 PM by Dana Whitfield 2026Q3, FY2026 Not computed yet Not computed yet',
    );
    expect(text).toContain(
      '2026Q3 Release 2 Published Published November 3, 2026 at 2:05 PM by Dana Whitfield 2026Q3, FY2026 38 of 412 cells hidden (9%) Audit passed 30 of 120 cells hidden (25%) Audit passed',
    );
    expect(text).toContain('2026Q3 Release 1 Replaced by release 2');
    expect(text).toContain('Details of 2026Q3, release 2');
  });

  test('gives each release a details disclosure with the full summary and downloads', () => {
    const html = renderCached(<ReleaseList releases={all} timeZone="UTC" />);
    const details = html.slice(html.indexOf('<details class="release-details" id="release-4">'));
    const text = textOf(details.slice(0, details.indexOf('</details>')));
    expect(text).toContain('2026Q3, release 2 · Published');
    expect(text).toContain('Hidden because they are small (primary) 30');
    expect(text).toContain('Hidden so others cannot be worked out by subtraction (complementary) 8');
    expect(text).toContain('Audit calculations 1,204 linear programs solved in 3.2 seconds');
    expect(text).toContain('Share of the total count hidden 2%');
    expect(text).toContain("Download the coalition members' figures (CSV) for 2026Q3, release 2");
    expect(text).toContain('Download the public figures (CSV) for 2026Q3, release 2');
  });

  test('a failed release says why and offers nothing to download', () => {
    const html = renderCached(<ReleaseList releases={[failed]} timeZone="UTC" />);
    const text = textOf(html);
    expect(text).toContain('Why it was not published: Two hidden counts in the age table');
    expect(text).toContain('Audit failed');
    expect(text).toContain('one breakdown at a time Not computed.');
    expect(html).not.toContain('Download');
  });
});

describe('publishing a provisional quarter', () => {
  const provisionalPreview = preview({
    expected: 14,
    approved: 8,
    provisionalPeriods: [
      {
        period: '2026Q3',
        reported: 8,
        expected: 14,
        provisional: true,
        missing: [
          { code: 'CEDAR', name: 'Cedar Clinic' },
          { code: 'BIRCH', name: 'Birch Legal Aid' },
        ],
      },
      {
        period: 'FY2026',
        reported: 7,
        expected: 14,
        provisional: true,
        missing: [
          { code: 'BIRCH', name: 'Birch Legal Aid' },
          { code: 'ASPEN', name: 'Aspen House' },
        ],
      },
    ],
  });

  test('the button says it publishes as provisional', () => {
    const text = textOf(renderPreview({ preview: provisionalPreview }));
    expect(text).toContain('Publish 2026Q3 as provisional…');
  });

  test('the confirm step says why and lists who is missing, once each', () => {
    const html = renderPreview({ preview: provisionalPreview, confirming: true });
    const text = textOf(html);
    expect(text).toContain('Publish 2026Q3 as provisional now?');
    expect(text).toContain(
      "Only 8 of 14 agencies have an approved report for 2026Q3, fewer than 80%. FY2026 would be provisional: one of its quarters has fewer than 80% of agencies' reports approved.",
    );
    expect(text).toContain('no change is shown against it');
    expect(text).toContain('Missing: 3 agencies Aspen House Birch Legal Aid Cedar Clinic');
    expect(html).toContain('aria-labelledby="provisional-missing-heading"');
    expect(text).toContain('Yes, publish 2026Q3 as provisional Cancel');
  });

  test('a quarter that is not provisional asks nothing more', () => {
    const text = textOf(renderPreview({ confirming: true }));
    expect(text).toContain('Publish 2026Q3 now?');
    expect(text).not.toContain('provisional');
  });

  test('the releases say which periods were published provisional', () => {
    const provisional = release({
      id: 9,
      provisional: true,
      provisionalPeriods: [{ period: '2026Q3', reported: 8, expected: 14 }],
    });
    const text = textOf(renderCached(<ReleaseList releases={[provisional]} timeZone="UTC" />));
    expect(text).toContain('2026Q3, FY2026 Provisional: 2026Q3');
    expect(text).toContain(
      'Provisional: 2026Q3 (8 of 14 agencies reported). Too few agencies had reported, so these are marked provisional wherever they appear and no change is shown against them.',
    );
    const page = renderPage([provisional], preview({ period: '2026Q3' }));
    expect(page).toContain('12 of 14 approved · published provisional (release 1)</option>');
  });
});
