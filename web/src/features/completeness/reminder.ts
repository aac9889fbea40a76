/**
 * The reminder an admin copies into an email to the agencies that haven't reported. It is written
 * once for everyone on the list (sent, say, by BCC), so it names no agency and says nothing about
 * any agency's report: only the quarter, the deadline, how to submit and whom to ask.
 */
import { parsePeriod } from '../../../../api/domain/periods';
import { describeDeadline, formatDate } from '../../lib/dates';

/** "July to September 2026" for "2026Q3"; empty for anything that isn't a quarter code. */
export function quarterSpan(periodCode: string): string {
  const period = parsePeriod(periodCode);
  return period?.kind === 'quarter' ? period.months : '';
}

/** What the reminder is about and who it comes from. */
export type ReminderInput = {
  periodCode: string;
  /** YYYY-MM-DD. */
  deadline: string;
  /** The reader's date, YYYY-MM-DD. */
  today: string;
  coalitionName: string;
  /** The admin sending it, who is also the person to contact. */
  sender: { name: string; email: string };
  /** Where Scope is, e.g. https://scope.example.org; empty to leave the address out. */
  appUrl: string;
  /** Whether anyone on the list has a draft saved, or a returned report, so those lines only appear when useful. */
  includesDrafts: boolean;
  includesReturned: boolean;
};

/**
 * The reminder, as plain text with a subject line. Warm and specific: which quarter and months, the
 * deadline (and that a late report still counts once it has passed), how to submit by form or CSV,
 * and who to contact.
 */
export function reminderText(input: ReminderInput): string {
  const { periodCode, deadline, today, coalitionName, sender, appUrl } = input;
  const span = quarterSpan(periodCode);
  const quarter = span ? `${periodCode} (${span})` : periodCode;
  const due = formatDate(deadline);
  const { passed, relative } = describeDeadline(deadline, today);

  const subject = passed
    ? `Subject: A friendly reminder: your agency's ${periodCode} report for the coalition`
    : `Subject: Your agency's ${periodCode} report for the coalition is due ${due}`;

  const timing = passed
    ? `The deadline was ${due}, and we haven't received your agency's report yet. Late reports still count, and every agency's numbers help show the real picture, so please send yours as soon as you can.`
    : `The report is due by ${due}${relative ? ` (${relative})` : ''}. If you have already sent it, thank you, and please ignore this message.`;

  const lines = [
    subject,
    '',
    'Hello,',
    '',
    `This is a reminder from the ${coalitionName} about your agency's quarterly counts for ${quarter}.`,
    '',
    timing,
    '',
    'How to send your report:',
    `1. Sign in to Scope${appUrl ? ` at ${appUrl}` : ''} and open your agency's ${periodCode} report from your home page.`,
    '2. Type the counts into the form, or upload the CSV file exported from your case-management system.',
    '3. Fix anything the form points out, then submit.',
  ];

  const situations: string[] = [];
  if (input.includesDrafts) {
    situations.push("If you've already started, your draft is saved: check it and submit it.");
  }
  if (input.includesReturned) {
    situations.push(
      "If your report was returned for correction, the reviewer's comment is at the top of the form. Once it's corrected, submit it again.",
    );
  }
  if (situations.length > 0) lines.push('', situations.join(' '));

  lines.push(
    '',
    'Scope only takes aggregate, de-identified counts. Please leave out names and any detail that could identify a survivor.',
    '',
    `If anything is unclear or you need more time, reply to this message or contact ${sender.name} at ${sender.email}.`,
    '',
    'Thank you for the work you do with survivors, and for sharing your numbers.',
    '',
    'Warm regards,',
    sender.name,
    coalitionName,
  );
  return lines.join('\n');
}
