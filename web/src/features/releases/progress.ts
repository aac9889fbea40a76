/**
 * A computing release's progress as a bar and words, and how it ended. The bar moves with every
 * poll; what is announced to screen readers changes only with the stage or each quarter of the way,
 * so they aren't talked over every 700 milliseconds.
 */
import { releaseName } from './status';
import type { Release } from './types';

/** What the progress bar shows. `percent` is null when the amount of work isn't known yet. */
export type ProgressView = {
  /** For <progress value max>; null leaves it indeterminate. */
  value: number | null;
  max: number;
  percent: number | null;
  /** What it is doing now, in words. */
  stage: string;
};

/** The stage words for when the server hasn't said yet. */
export const startingStage = 'Getting started';

/** The server's stages, in the order it works through them, in words for admins. */
const knownStages: ReadonlyArray<{ match: RegExp; words: string }> = [
  { match: /^waiting$/, words: 'Waiting to start' },
  { match: /^loading$/, words: 'Step 1 of 4: reading the approved reports' },
  {
    match: /^protecting the coalition figures$/,
    words: "Step 2 of 4: protecting and checking the coalition members' figures",
  },
  {
    match: /^protecting the public figures$/,
    words: 'Step 3 of 4: protecting and checking the public figures',
  },
  { match: /^publishing$/, words: 'Step 4 of 4: saving and freezing the release' },
];

/** The stage in words: a known stage with its step, anything else as the server said it. */
export function stageWords(stage: string | undefined): string {
  const trimmed = stage?.trim() ?? '';
  if (trimmed === '') return startingStage;
  const known = knownStages.find((s) => s.match.test(trimmed.toLowerCase()));
  if (known) return known.words;
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/**
 * The bar for a release. Percent is rounded down, so it reads 100% only when everything is done;
 * anything not computing is shown as complete.
 */
export function progressView(release: Pick<Release, 'status' | 'progress'>): ProgressView {
  if (release.status !== 'computing') {
    return { value: 1, max: 1, percent: 100, stage: release.status === 'failed' ? 'Stopped' : 'Done' };
  }
  const progress = release.progress;
  const stage = stageWords(progress?.stage);
  if (!progress || !(progress.total > 0)) return { value: null, max: 1, percent: null, stage };
  const done = Math.min(Math.max(progress.done, 0), progress.total);
  return { value: done, max: progress.total, percent: Math.floor((done / progress.total) * 100), stage };
}

/**
 * "45% of this step done", or "Working out how much there is to do" while that isn't known. The
 * server counts each step's work separately, so the bar fills once per step.
 */
export function progressText(view: ProgressView): string {
  return view.percent === null ? 'Working out how much there is to do' : `${view.percent}% of this step done`;
}

/**
 * What the polite live region says: the stage, and progress through it to the quarter of the way
 * below ("Step 3 of 4: protecting and checking the public figures. About half done.").
 */
export function progressAnnouncement(view: ProgressView): string {
  if (view.percent === null) return `${view.stage}.`;
  const quarter = Math.floor(view.percent / 25);
  const amount = ['Just started', 'About a quarter done', 'About half done', 'About three quarters done'][
    quarter
  ];
  return `${view.stage}. ${amount ?? 'Finishing this step'}.`;
}

/** How a release ended, for the message after it has computed. */
export type ReleaseOutcome =
  | { kind: 'published'; title: string; text: string }
  | { kind: 'failed'; title: string; reason: string; nextSteps: string[] }
  | { kind: 'computing' };

/** The message once a release has finished: published, or failed with why and what to do next. */
export function releaseOutcome(release: Release): ReleaseOutcome {
  const name = releaseName(release);
  switch (release.status) {
    case 'computing':
      return { kind: 'computing' };
    case 'published':
    case 'superseded':
      return {
        kind: 'published',
        title: `${name} is published`,
        text:
          release.sequence > 1
            ? `Its numbers are protected, audited together with every number published before, and frozen. Dashboards, grant reports and exports now use this release instead of release ${release.sequence - 1}.`
            : 'Its numbers are protected, audited and frozen. Dashboards, grant reports and exports now use them.',
      };
    case 'failed':
      return {
        kind: 'failed',
        title: `${name} was not published`,
        reason:
          release.failureReason?.trim() ||
          "Scope couldn't prove that every hidden number is safe, so it stopped before publishing anything.",
        nextSteps: [
          'Nothing from this release is shown anywhere. Everything published before stays as it was.',
          `Check the approved reports for ${release.period}: a very unusual number, or a correction to a number already published, can make the figures impossible to protect.`,
          'Then try publishing again. If it fails a second time, send the reason above to the people who run Scope for the coalition.',
        ],
      };
  }
}
