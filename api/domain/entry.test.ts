import { describe, expect, test } from 'vitest';
import { entryWindow, notOpenYetMessage } from './entry';

const q4 = { code: '2026Q4', endDate: '2026-12-31', open: true, openedEarly: false };

describe('entry windows', () => {
  test.each([
    ['the quarter under way', q4, '2026-12-01', { open: false, opensOn: '2027-01-01', openedEarly: false }],
    ['its last day', q4, '2026-12-31', { open: false, opensOn: '2027-01-01', openedEarly: false }],
    ['the day after it ends', q4, '2027-01-01', { open: true, opensOn: '2027-01-01', openedEarly: false }],
    [
      'opened early by an admin',
      { ...q4, openedEarly: true },
      '2026-12-01',
      { open: true, opensOn: '2027-01-01', openedEarly: true },
    ],
    [
      'opened early, once it has ended like any other',
      { ...q4, openedEarly: true },
      '2027-01-02',
      { open: true, opensOn: '2027-01-01', openedEarly: false },
    ],
    [
      'closed by the coalition after its cycle',
      { ...q4, open: false },
      '2027-06-01',
      { open: false, opensOn: '2027-01-01', openedEarly: false },
    ],
    [
      'closed by the coalition, even if opened early',
      { ...q4, open: false, openedEarly: true },
      '2026-12-01',
      { open: false, opensOn: '2027-01-01', openedEarly: true },
    ],
  ])('%s', (_, period, today, window) => expect(entryWindow(period, today)).toEqual(window));

  test('the refusal says when the quarter ends and when it opens, in words', () => {
    expect(notOpenYetMessage(q4)).toBe(
      '2026Q4 ends on December 31, 2026; reports open for entry on January 1, 2027. Your coalition admin can open it early.',
    );
  });
});
