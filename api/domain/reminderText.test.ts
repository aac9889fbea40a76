import { describe, expect, test } from 'vitest';
import { type ReminderInput, reminderFor, reminderToCopy } from './reminderText';

const base: ReminderInput = {
  periodCode: '2026Q3',
  deadline: '2026-10-30',
  today: '2026-11-28',
  timeZone: 'America/Los_Angeles',
  coalitionName: 'South Bay Coalition to End Human Trafficking',
  sender: { name: 'Dana Whitfield', email: 'dana@example.org' },
  publicUrl: 'https://scope.example.org',
  to: { statuses: ['not_started'] },
};

const quailcrest = {
  code: 'QUAILCREST',
  name: 'Quailcrest Survivor Advocacy Center',
  status: 'draft',
} as const;

describe('the reminder for every agency listed (one text, by BCC)', () => {
  test('past the deadline: says so kindly, and that late reports still count', () => {
    const { subject, body } = reminderFor(base);
    expect(subject).toBe("A friendly reminder: your agency's 2026Q3 report for the coalition");
    expect(body).toContain('quarterly counts for 2026Q3 (July to September 2026).');
    expect(body).toContain(
      "The deadline was October 30, 2026, and we haven't received your agency's report yet.",
    );
    expect(body).toContain('Late reports still count');
    expect(body).not.toContain('is due by');
  });

  test.each([
    { name: 'weeks before', today: '2026-10-16', relative: '(in 14 days)' },
    { name: 'the day before', today: '2026-10-29', relative: '(tomorrow)' },
    { name: 'on the day', today: '2026-10-30', relative: '(today)' },
  ])(
    "not yet due, $name: gives the date in the coalition's time zone and how long is left",
    ({ today, relative }) => {
      const { subject, body } = reminderFor({ ...base, today });
      expect(subject).toBe("Your agency's 2026Q3 report for the coalition is due October 30, 2026");
      expect(body).toContain(`The report is due by the end of October 30, 2026, Pacific Time ${relative}.`);
      expect(body).not.toContain('The deadline was');
    },
  );

  test('says how to submit, by form or CSV, and whom to contact', () => {
    const { body } = reminderFor(base);
    expect(body).toContain('1. Sign in to Scope at https://scope.example.org and open your agency');
    expect(body).toContain(
      'Type the counts into the form, or upload the CSV file exported from your case-management system.',
    );
    expect(body).toContain('contact Dana Whitfield at dana@example.org');
    expect(body.trimEnd().split('\n').slice(-2)).toEqual([
      'Dana Whitfield',
      'South Bay Coalition to End Human Trafficking',
    ]);
  });

  test.each([
    { statuses: ['not_started'], draftLine: false, returnedLine: false },
    { statuses: ['draft'], draftLine: true, returnedLine: false },
    { statuses: ['returned'], draftLine: false, returnedLine: true },
    { statuses: ['not_started', 'draft', 'returned'], draftLine: true, returnedLine: true },
  ] as const)('statuses $statuses: only the lines that apply', ({ statuses, draftLine, returnedLine }) => {
    const { body } = reminderFor({ ...base, to: { statuses: [...statuses] } });
    expect(body.includes('your draft is saved')).toBe(draftLine);
    expect(body.includes("the reviewer's comment is at the top of the form")).toBe(returnedLine);
  });

  test('names no agency, and asks for no personal data', () => {
    const { body } = reminderFor({ ...base, to: { statuses: ['draft', 'returned'] } });
    expect(body).not.toMatch(/Quailcrest|Tres Robles/);
    expect(body).toContain('Please leave out names and any detail that could identify a survivor.');
  });
});

describe("one agency's reminder", () => {
  test("names the agency and its report's state, and links to its form", () => {
    const { subject, body } = reminderFor({ ...base, to: { agency: quailcrest } });
    expect(subject).toBe(
      "A friendly reminder: Quailcrest Survivor Advocacy Center's 2026Q3 report for the coalition",
    );
    expect(body).toContain('Your 2026Q3 report has a draft saved that has not been submitted.');
    expect(body).toContain('https://scope.example.org/report/QUAILCREST/2026Q3');
    expect(body).toContain('Your draft is saved: check it and submit it.');
  });

  test('a returned report says "returned for correction", from the subject on', () => {
    const { subject, body } = reminderFor({ ...base, to: { agency: { ...quailcrest, status: 'returned' } } });
    expect(subject).toBe(
      "Quailcrest Survivor Advocacy Center's 2026Q3 report for the coalition was returned for correction",
    );
    expect(body).toContain('Your 2026Q3 report was returned for correction.');
  });

  test("the admin's note comes after the greeting, signed", () => {
    const { body } = reminderFor({ ...base, to: { agency: quailcrest }, note: 'We publish on February 15.' });
    expect(body.split('\n').slice(0, 4)).toEqual([
      'Hello,',
      '',
      'A note from Dana Whitfield:',
      'We publish on February 15.',
    ]);
  });

  test('to copy: the subject line, a blank line, then the body', () => {
    const reminder = reminderFor({ ...base, to: { agency: quailcrest } });
    expect(reminderToCopy(reminder)).toBe(`Subject: ${reminder.subject}\n\n${reminder.body}`);
  });
});
