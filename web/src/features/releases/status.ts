/**
 * How a release reads to people: its name, its status in words (with a shape that repeats the word
 * for people scanning the table), and who published it when.
 */
import { formatDateTime } from '../../lib/dates';
import type { Release, ReleaseStatus } from './types';

/** The outline shape beside a status word; it only repeats the word. */
export type ReleaseShape = 'tick' | 'clock' | 'cross' | 'replaced';

/** What a status looks like: the words carry the meaning; tone and shape repeat them. */
export type ReleaseStatusView = { label: string; shape: ReleaseShape; tone: ReleaseStatus };

/** "2026Q3, release 2". */
export function releaseName(release: Pick<Release, 'period' | 'sequence'>): string {
  return `${release.period}, release ${release.sequence}`;
}

/**
 * The release that replaced a superseded one: the same quarter's newest published release with a
 * higher number. Undefined when it is not in the list.
 */
export function replacedBy(release: Release, releases: readonly Release[]): Release | undefined {
  return releases
    .filter((r) => r.period === release.period && r.sequence > release.sequence && r.status === 'published')
    .sort((a, b) => b.sequence - a.sequence)[0];
}

/** A release's status in words, with its shape and tone. */
export function describeReleaseStatus(
  release: Release,
  releases: readonly Release[] = [],
): ReleaseStatusView {
  switch (release.status) {
    case 'published':
      return { label: 'Published', shape: 'tick', tone: 'published' };
    case 'computing':
      return { label: 'Being computed', shape: 'clock', tone: 'computing' };
    case 'failed':
      return { label: 'Failed — not published', shape: 'cross', tone: 'failed' };
    case 'superseded': {
      const newer = replacedBy(release, releases);
      return {
        label: newer ? `Replaced by release ${newer.sequence}` : 'Replaced by a correction',
        shape: 'replaced',
        tone: 'superseded',
      };
    }
  }
}

/**
 * When the release happened and who started it: "Published November 3, 2026 at 2:05 PM by Dana".
 * A computing release says when it started; a failed one when it was tried.
 */
export function releaseWhen(
  release: Pick<Release, 'status' | 'createdAt' | 'publishedAt' | 'createdBy'>,
  timeZone: string,
): string {
  const by = release.createdBy ? ` by ${release.createdBy}` : '';
  if ((release.status === 'published' || release.status === 'superseded') && release.publishedAt) {
    return `Published ${formatDateTime(release.publishedAt, timeZone)}${by}`;
  }
  if (release.status === 'computing') return `Started ${formatDateTime(release.createdAt, timeZone)}${by}`;
  return `Tried ${formatDateTime(release.createdAt, timeZone)}${by}`;
}

/** The release still computing, if any: only one runs at a time. */
export function computingRelease(releases: readonly Release[]): Release | undefined {
  return releases.find((release) => release.status === 'computing');
}

/** Whether a release's open-data files can be downloaded: only what was actually published. */
export function isDownloadable(release: Pick<Release, 'status'>): boolean {
  return release.status === 'published' || release.status === 'superseded';
}
