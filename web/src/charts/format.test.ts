import { expect, test } from 'vitest';
import {
  changeBetween,
  changeText,
  completenessNote,
  formatFigure,
  isIncomplete,
  needsCaution,
  periodNote,
  provisionalNote,
  releaseFootnote,
  shareOf,
  unduplicatedNote,
} from './format';

const v = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };
const missing = { value: null, suppressed: false, missing: true };

test.each([
  [v(1234), '1,234'],
  [v(0), '0'],
  [hidden, 'Hidden'],
  [missing, 'No data'],
  [undefined, 'No data'],
])('formatFigure(%j) = %s', (figure, text) => {
  expect(formatFigure(figure)).toBe(text);
});

test.each([
  [{ reported: 13, expected: 15 }, '2026Q3', '13 of 15 agencies reported for 2026Q3.', true],
  [{ reported: 12, expected: 12 }, undefined, 'All 12 agencies expected reported.', false],
  [{ reported: 0, expected: 1 }, undefined, '0 of 1 agency reported.', true],
  [{ reported: 0, expected: 0 }, undefined, null, false],
  [undefined, undefined, null, false],
])('completeness %j', (completeness, period, note, incomplete) => {
  expect(completenessNote(completeness, period)).toBe(note);
  expect(isIncomplete(completeness)).toBe(incomplete);
});

test.each([
  [{ lower: 53, upper: 67 }, /Different people served: between 53 and 67\./],
  [{ lower: 48, upper: 48 }, /Different people served: 48\./],
  [{ suppressed: true as const }, /estimate of different people is hidden/],
  [null, null],
])('unduplicatedNote(%j)', (range, note) => {
  const text = unduplicatedNote(range);
  if (note === null) expect(text).toBeNull();
  else expect(text).toMatch(note);
});

test.each([
  [v(110), v(100), 'up 10 (+10%)'],
  [v(90), v(100), 'down 10 (−10%)'],
  [v(100), v(100), 'no change'],
  [v(5), v(0), 'up 5'],
  [hidden, v(100), 'no comparison: one of the two figures is hidden'],
  [v(100), hidden, 'no comparison: one of the two figures is hidden'],
  [v(100), missing, 'no comparison: not published for both periods'],
  [v(100), undefined, 'no comparison: not published for both periods'],
  [{ ...v(110), provisional: true }, v(100), 'no comparison: provisional'],
  [v(110), { ...v(100), provisional: true }, 'no comparison: provisional'],
  [v(110), { ...missing, provisional: true }, 'no comparison: provisional'],
])('change from %j to %j', (current, earlier, text) => {
  expect(changeText(changeBetween(current, earlier))).toBe(text);
});

test.each([
  [v(25), v(100), v(25)],
  [v(1), v(3), v(33.3)],
  [hidden, v(100), hidden],
  [v(25), hidden, hidden],
  [v(0), v(0), missing],
  [missing, v(10), missing],
])('a share of %j in %j is hidden when either is', (part, whole, share) => {
  expect(shareOf(part, whole)).toEqual(share);
});

test.each([
  [[], null],
  [
    [{ period: '2026Q2', sequence: 1, catalogVersion: 1, publishedAt: '2026-07-03T17:00:00.000Z' }],
    'From the 2026Q2 release 1 (published July 3, 2026), catalog version 1.',
  ],
  [
    [
      { period: '2026Q1', sequence: 1, catalogVersion: 1, publishedAt: null },
      { period: '2026Q2', sequence: 2, catalogVersion: 2, publishedAt: null },
    ],
    'From 2 published releases, 2026Q1 to 2026Q2, catalog versions 1 and 2. Corrected since first published: 2026Q2 (release 2).',
  ],
])('releaseFootnote %#', (releases, text) => {
  expect(releaseFootnote(releases, 'UTC')).toBe(text);
});

test.each([
  [
    'provisional, everyone here reported',
    {
      provisional: true,
      coalitionCompleteness: { reported: 8, expected: 14 },
      completeness: { reported: 3, expected: 3 },
    },
    'Provisional: 8 of 14 agencies reported.',
    'Provisional: 8 of 14 agencies reported.',
    true,
  ],
  [
    'provisional, some missing here too',
    {
      provisional: true,
      coalitionCompleteness: { reported: 8, expected: 14 },
      completeness: { reported: 5, expected: 9 },
    },
    'Provisional: 8 of 14 agencies reported.',
    'Provisional: 8 of 14 agencies reported. 5 of 9 agencies reported.',
    true,
  ],
  [
    'published before counts were recorded',
    { provisional: true, coalitionCompleteness: null },
    'Provisional: too few agencies reported.',
    'Provisional: too few agencies reported.',
    true,
  ],
  [
    'incomplete only',
    { provisional: false, completeness: { reported: 13, expected: 14 } },
    null,
    '13 of 14 agencies reported.',
    true,
  ],
  ['complete', { provisional: false, completeness: { reported: 14, expected: 14 } }, null, undefined, false],
  ['nothing known', undefined, null, undefined, false],
])('a period that is %s', (_name, period, provisional, note, caution) => {
  expect(provisionalNote(period)).toBe(provisional);
  expect(periodNote(period)).toBe(note);
  expect(needsCaution(period)).toBe(caution);
});
