import { describe, expect, test } from 'vitest';
import { describeSave, historyPath, lockReason, reportPath } from './reportState';
import { makeDetail } from './testFixtures';
import type { SaveState } from './useDraft';

describe('reportPath and historyPath', () => {
  test.each([
    { agency: 'ASH', period: '2026Q4', form: '/report/ASH/2026Q4', history: '/report/ASH/2026Q4/history' },
    {
      agency: 'A B',
      period: '2026Q4',
      form: '/report/A%20B/2026Q4',
      history: '/report/A%20B/2026Q4/history',
    },
  ])('$agency $period', ({ agency, period, form, history }) => {
    expect(reportPath(agency, period)).toBe(form);
    expect(historyPath(agency, period)).toBe(history);
  });
});

describe('lockReason', () => {
  const readOnly = { edit: false, submit: false, review: false, reopen: false, reply: false };
  const notYetPeriod = { ...makeDetail().period, open: false };
  test.each([
    { name: 'an editable draft has no lock', overrides: {}, admin: false, expected: null },
    {
      name: 'submitted and awaiting review',
      overrides: { status: 'submitted' as const, permissions: readOnly },
      admin: false,
      expected: /waiting for the coalition's review, so it can't be changed right now/,
    },
    {
      name: 'approved',
      overrides: { status: 'approved' as const, permissions: readOnly },
      admin: false,
      expected: /approved this report, so it is locked.*an admin can reopen it/,
    },
    {
      name: 'a draft in a closed quarter',
      overrides: {
        status: 'draft' as const,
        permissions: readOnly,
        period: { ...makeDetail().period, open: false },
      },
      admin: false,
      expected: /^2026Q4 is closed for entry\./,
    },
    {
      name: 'a quarter still under way',
      overrides: { status: 'not_started' as const, permissions: readOnly, period: notYetPeriod },
      admin: false,
      today: '2026-12-01',
      expected:
        /^2026Q4 is not open for entry yet\. It opens on January 1, 2027, the day after the quarter ends, and is due by January 30, 2027\. You can look over the form now/,
    },
    {
      name: 'an admin reading a quarter still under way',
      overrides: { status: 'not_started' as const, permissions: readOnly, period: notYetPeriod },
      admin: true,
      today: '2026-12-01',
      expected:
        /not open for entry yet\..*You can open it early for every agency from the completeness page\./,
    },
    {
      name: 'an admin reading any report',
      overrides: { status: 'submitted' as const, permissions: { ...readOnly, review: true } },
      admin: true,
      expected: /Only the agency's own reporters can change the counts/,
    },
  ])('$name', ({ overrides, admin, expected, today = '2027-06-01' }) => {
    const reason = lockReason(makeDetail(overrides), admin, today);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});

describe('describeSave', () => {
  const at = new Date('2026-11-20T22:05:00Z');
  const zone = 'America/Los_Angeles';
  test.each<{
    name: string;
    save: SaveState;
    unsaved: boolean;
    invalid: number;
    heldBack?: number;
    updatedAt: string | null;
    expected: string;
  }>([
    {
      name: 'never saved',
      save: { kind: 'idle' },
      unsaved: false,
      invalid: 0,
      updatedAt: null,
      expected: 'Your counts are saved automatically as you type.',
    },
    {
      name: 'a draft saved in an earlier visit',
      save: { kind: 'idle' },
      unsaved: false,
      invalid: 0,
      updatedAt: '2026-11-20T22:05:00Z',
      expected: 'Draft last saved November 20, 2026 at 2:05 PM.',
    },
    {
      name: 'waiting to save',
      save: { kind: 'idle' },
      unsaved: true,
      invalid: 0,
      updatedAt: null,
      expected: 'Saving…',
    },
    {
      name: 'saving',
      save: { kind: 'saving' },
      unsaved: true,
      invalid: 0,
      updatedAt: null,
      expected: 'Saving…',
    },
    {
      name: 'saved',
      save: { kind: 'saved', at },
      unsaved: false,
      invalid: 0,
      updatedAt: null,
      expected: 'All changes saved at 2:05 PM.',
    },
    {
      name: 'saved, with a box that is not a count',
      save: { kind: 'saved', at },
      unsaved: false,
      invalid: 1,
      updatedAt: null,
      expected: 'All other changes saved at 2:05 PM. 1 box needs a whole number before it can be saved.',
    },
    {
      name: 'only a box that is not a count',
      save: { kind: 'idle' },
      unsaved: false,
      invalid: 2,
      updatedAt: null,
      expected: '2 boxes need a whole number before they can be saved.',
    },
    {
      name: 'saved, with an explanation held back as personal data',
      save: { kind: 'saved', at },
      unsaved: false,
      invalid: 0,
      heldBack: 1,
      updatedAt: null,
      expected: 'All other changes saved at 2:05 PM. 1 explanation needs changing before it can be saved.',
    },
    {
      name: 'the network failed',
      save: { kind: 'retrying', message: "Scope couldn't reach the server." },
      unsaved: true,
      invalid: 0,
      updatedAt: null,
      expected: "Couldn't save — retrying. What you typed is kept on this page.",
    },
    {
      name: 'the server refused',
      save: { kind: 'refused', message: 'This quarter is closed for entry.', cells: [] },
      unsaved: true,
      invalid: 0,
      updatedAt: null,
      expected: "Couldn't save: This quarter is closed for entry.",
    },
  ])('$name', ({ save, unsaved, invalid, heldBack, updatedAt, expected }) => {
    expect(
      describeSave(save, {
        unsaved,
        invalidCount: invalid,
        heldBackExplanations: heldBack ?? 0,
        updatedAt,
        timeZone: zone,
      }),
    ).toBe(expected);
  });
});
