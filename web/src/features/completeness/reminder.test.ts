import { describe, expect, test } from 'vitest';
import { quarterSpan, type ReminderInput, reminderText } from './reminder';

describe('quarterSpan', () => {
  test.each([
    { code: '2026Q1', expected: 'January to March 2026' },
    { code: '2026Q3', expected: 'July to September 2026' },
    { code: '2027Q4', expected: 'October to December 2027' },
    { code: '2026Q5', expected: '' },
    { code: 'Q3 2026', expected: '' },
    { code: '', expected: '' },
  ])('$code → "$expected"', ({ code, expected }) => {
    expect(quarterSpan(code)).toBe(expected);
  });
});

const base: ReminderInput = {
  periodCode: '2026Q3',
  deadline: '2026-10-30',
  today: '2026-11-28',
  coalitionName: 'South Bay Coalition to End Human Trafficking',
  sender: { name: 'Dana Whitfield', email: 'dana@example.org' },
  appUrl: 'https://scope.example.org',
  includesDrafts: false,
  includesReturned: false,
};

describe('reminderText', () => {
  test('past the deadline: says so kindly, and that late reports still count', () => {
    const text = reminderText(base);
    expect(text.split('\n')[0]).toBe(
      "Subject: A friendly reminder: your agency's 2026Q3 report for the coalition",
    );
    expect(text).toContain('quarterly counts for 2026Q3 (July to September 2026).');
    expect(text).toContain(
      "The deadline was October 30, 2026, and we haven't received your agency's report yet.",
    );
    expect(text).toContain('Late reports still count');
    expect(text).not.toContain('is due by');
  });

  test.each([
    { name: 'weeks before', today: '2026-10-16', relative: '(in 14 days)' },
    { name: 'the day before', today: '2026-10-29', relative: '(tomorrow)' },
    { name: 'on the day', today: '2026-10-30', relative: '(today)' },
  ])('not yet due, $name: gives the date and how long is left', ({ today, relative }) => {
    const text = reminderText({ ...base, today });
    expect(text.split('\n')[0]).toBe(
      "Subject: Your agency's 2026Q3 report for the coalition is due October 30, 2026",
    );
    expect(text).toContain(`The report is due by October 30, 2026 ${relative}.`);
    expect(text).not.toContain('The deadline was');
  });

  test('says how to submit, by form or CSV, and whom to contact', () => {
    const text = reminderText(base);
    expect(text).toContain('https://scope.example.org');
    expect(text).toContain(
      'Type the counts into the form, or upload the CSV file exported from your case-management system.',
    );
    expect(text).toContain('contact Dana Whitfield at dana@example.org');
    expect(text.trimEnd().split('\n').slice(-2)).toEqual([
      'Dana Whitfield',
      'South Bay Coalition to End Human Trafficking',
    ]);
  });

  test('leaves the address out when it is not known', () => {
    expect(reminderText({ ...base, appUrl: '' })).toContain(
      "1. Sign in to Scope and open your agency's 2026Q3 report from your home page.",
    );
  });

  test.each([
    { includesDrafts: false, includesReturned: false, draftLine: false, returnedLine: false },
    { includesDrafts: true, includesReturned: false, draftLine: true, returnedLine: false },
    { includesDrafts: false, includesReturned: true, draftLine: false, returnedLine: true },
    { includesDrafts: true, includesReturned: true, draftLine: true, returnedLine: true },
  ])(
    'drafts=$includesDrafts returned=$includesReturned: only the lines that apply',
    ({ includesDrafts, includesReturned, draftLine, returnedLine }) => {
      const text = reminderText({ ...base, includesDrafts, includesReturned });
      expect(text.includes('your draft is saved')).toBe(draftLine);
      expect(text.includes("the reviewer's comment is at the top of the form")).toBe(returnedLine);
    },
  );

  test('names no agency and no one else, and asks for no personal data', () => {
    const text = reminderText({ ...base, includesDrafts: true, includesReturned: true });
    expect(text).not.toMatch(/Quailcrest|Tres Robles/);
    expect(text).toContain('Please leave out names and any detail that could identify a survivor.');
  });
});
