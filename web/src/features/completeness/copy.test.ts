import { expect, test } from 'vitest';
import { type CopyOutcome, copyMessage } from './copy';

test.each<{ outcome: CopyOutcome; expected: string }>([
  { outcome: 'copied', expected: 'The reminder is copied. You can paste it now.' },
  {
    outcome: 'selected',
    expected:
      "The reminder couldn't be copied automatically, so it is selected: press Ctrl+C (or Command+C on a Mac) to copy it.",
  },
])('$outcome', ({ outcome, expected }) => {
  expect(copyMessage('The reminder', outcome)).toBe(expected);
});
