import { describe, expect, test } from 'vitest';
import { progressAnnouncement, progressText, progressView, releaseOutcome, stageWords } from './progress';
import { release } from './testFixtures';
import type { Release } from './types';

describe('progressView', () => {
  test.each<{
    name: string;
    subject: Pick<Release, 'status' | 'progress'>;
    expected: ReturnType<typeof progressView>;
  }>([
    {
      name: 'computing, not started',
      subject: { status: 'computing', progress: null },
      expected: { value: null, max: 1, percent: null, stage: 'Getting started' },
    },
    {
      name: 'computing, nothing to count yet (zero total)',
      subject: { status: 'computing', progress: { done: 0, total: 0, stage: 'loading' } },
      expected: { value: null, max: 1, percent: null, stage: 'Step 1 of 4: reading the approved reports' },
    },
    {
      name: 'computing, part way',
      subject: {
        status: 'computing',
        progress: { done: 459, total: 1020, stage: 'Auditing the public figures' },
      },
      expected: { value: 459, max: 1020, percent: 45, stage: 'Auditing the public figures' },
    },
    {
      name: 'computing, almost done rounds down',
      subject: { status: 'computing', progress: { done: 999, total: 1000, stage: '' } },
      expected: { value: 999, max: 1000, percent: 99, stage: 'Getting started' },
    },
    {
      name: 'computing, overshooting is clamped',
      subject: { status: 'computing', progress: { done: 12, total: 10, stage: 'Saving' } },
      expected: { value: 10, max: 10, percent: 100, stage: 'Saving' },
    },
    {
      name: 'published',
      subject: { status: 'published', progress: null },
      expected: { value: 1, max: 1, percent: 100, stage: 'Done' },
    },
    {
      name: 'failed',
      subject: { status: 'failed', progress: { done: 3, total: 10, stage: 'Auditing' } },
      expected: { value: 1, max: 1, percent: 100, stage: 'Stopped' },
    },
    {
      name: 'superseded',
      subject: { status: 'superseded', progress: null },
      expected: { value: 1, max: 1, percent: 100, stage: 'Done' },
    },
  ])('$name', ({ subject, expected }) => {
    expect(progressView(subject)).toEqual(expected);
  });
});

test.each([
  { percent: null, expected: ['Working out how much there is to do', 'Saving.'] },
  { percent: 0, expected: ['0% of this step done', 'Saving. Just started.'] },
  { percent: 24, expected: ['24% of this step done', 'Saving. Just started.'] },
  { percent: 25, expected: ['25% of this step done', 'Saving. About a quarter done.'] },
  { percent: 60, expected: ['60% of this step done', 'Saving. About half done.'] },
  { percent: 99, expected: ['99% of this step done', 'Saving. About three quarters done.'] },
  { percent: 100, expected: ['100% of this step done', 'Saving. Finishing this step.'] },
])('progress words at $percent%', ({ percent, expected }) => {
  const view = { value: percent, max: 100, percent, stage: 'Saving' };
  expect([progressText(view), progressAnnouncement(view)]).toEqual(expected);
});

describe('releaseOutcome', () => {
  test('computing has no outcome yet', () => {
    expect(releaseOutcome(release({ status: 'computing' }))).toEqual({ kind: 'computing' });
  });

  test.each([
    { sequence: 1, mentions: 'Dashboards, grant reports and exports now use them.' },
    { sequence: 2, mentions: 'instead of release 1' },
  ])('published release $sequence', ({ sequence, mentions }) => {
    const outcome = releaseOutcome(release({ sequence }));
    expect(outcome.kind).toBe('published');
    if (outcome.kind !== 'published') return;
    expect(outcome.title).toBe(`2026Q3, release ${sequence} is published`);
    expect(outcome.text).toContain(mentions);
  });

  test('superseded reads as published', () => {
    expect(releaseOutcome(release({ status: 'superseded' })).kind).toBe('published');
  });

  test.each([
    {
      name: 'with the server’s reason',
      failureReason: 'Two hidden counts in the age table could still be worked out.',
      reason: 'Two hidden counts in the age table could still be worked out.',
    },
    {
      name: 'without a reason',
      failureReason: null,
      reason:
        "Scope couldn't prove that every hidden number is safe, so it stopped before publishing anything.",
    },
    {
      name: 'with a blank reason',
      failureReason: '  ',
      reason:
        "Scope couldn't prove that every hidden number is safe, so it stopped before publishing anything.",
    },
  ])('failed $name', ({ failureReason, reason }) => {
    const outcome = releaseOutcome(release({ status: 'failed', failureReason, publishedAt: null }));
    expect(outcome).toMatchObject({ kind: 'failed', title: '2026Q3, release 1 was not published', reason });
    if (outcome.kind !== 'failed') return;
    expect(outcome.nextSteps[0]).toContain('Nothing from this release is shown anywhere');
    expect(outcome.nextSteps[1]).toContain('Check the approved reports for 2026Q3');
    expect(outcome.nextSteps[2]).toContain('try publishing again');
  });
});

test.each([
  { stage: undefined, expected: 'Getting started' },
  { stage: '', expected: 'Getting started' },
  { stage: 'waiting', expected: 'Waiting to start' },
  { stage: 'loading', expected: 'Step 1 of 4: reading the approved reports' },
  {
    stage: 'protecting the coalition figures',
    expected: "Step 2 of 4: protecting and checking the coalition members' figures",
  },
  {
    stage: 'protecting the public figures',
    expected: 'Step 3 of 4: protecting and checking the public figures',
  },
  { stage: 'publishing', expected: 'Step 4 of 4: saving and freezing the release' },
  { stage: 'something new', expected: 'Something new' },
])('stageWords($stage)', ({ stage, expected }) => {
  expect(stageWords(stage)).toBe(expected);
});
