import { describe, expect, test } from 'vitest';
import { computingRelease, describeReleaseStatus, isDownloadable, releaseName, releaseWhen } from './status';
import { release } from './testFixtures';

describe('describeReleaseStatus', () => {
  const corrected = release({ id: 2, sequence: 2 });
  test.each([
    {
      name: 'published',
      subject: release(),
      expected: { label: 'Published', shape: 'tick', tone: 'published' },
    },
    {
      name: 'computing',
      subject: release({ status: 'computing', publishedAt: null }),
      expected: { label: 'Being computed', shape: 'clock', tone: 'computing' },
    },
    {
      name: 'failed',
      subject: release({ status: 'failed', publishedAt: null }),
      expected: { label: 'Failed — not published', shape: 'cross', tone: 'failed' },
    },
    {
      name: 'superseded, with the correction in the list',
      subject: release({ status: 'superseded' }),
      expected: { label: 'Replaced by release 2', shape: 'replaced', tone: 'superseded' },
    },
  ])('$name', ({ subject, expected }) => {
    expect(describeReleaseStatus(subject, [corrected, subject])).toEqual(expected);
  });

  test('superseded, with the correction not in the list', () => {
    expect(describeReleaseStatus(release({ status: 'superseded' })).label).toBe('Replaced by a correction');
  });
});

test('releaseName', () => {
  expect(releaseName({ period: '2026Q3', sequence: 2 })).toBe('2026Q3, release 2');
});

describe('releaseWhen', () => {
  test.each([
    {
      name: 'published',
      subject: release(),
      expected: 'Published November 3, 2026 at 2:05 PM by Dana Whitfield',
    },
    {
      name: 'superseded',
      subject: release({ status: 'superseded', createdBy: null }),
      expected: 'Published November 3, 2026 at 2:05 PM',
    },
    {
      name: 'computing',
      subject: release({ status: 'computing', publishedAt: null }),
      expected: 'Started November 3, 2026 at 2:00 PM by Dana Whitfield',
    },
    {
      name: 'failed',
      subject: release({ status: 'failed', publishedAt: null }),
      expected: 'Tried November 3, 2026 at 2:00 PM by Dana Whitfield',
    },
  ])('$name', ({ subject, expected }) => {
    expect(releaseWhen(subject, 'UTC')).toBe(expected);
  });
});

test.each([
  { status: 'published' as const, expected: true },
  { status: 'superseded' as const, expected: true },
  { status: 'computing' as const, expected: false },
  { status: 'failed' as const, expected: false },
])('isDownloadable($status) is $expected', ({ status, expected }) => {
  expect(isDownloadable({ status })).toBe(expected);
});

test.each([
  { name: 'empty', releases: [], expected: undefined },
  { name: 'none computing', releases: [release()], expected: undefined },
  { name: 'one computing', releases: [release({ id: 9, status: 'computing' }), release()], expected: 9 },
])('computingRelease: $name', ({ releases, expected }) => {
  expect(computingRelease(releases)?.id).toBe(expected);
});
