/**
 * The reminder the coalition sends an agency that hasn't reported: mailed by Scope, or copied by an
 * admin into their own mail program. Written here once, for both, and the completeness page shows
 * the server's words rather than writing its own. Plain TypeScript, no HTTP.
 */
import { formatCalendarDate } from './clock';
import { monthsOf } from './periods';

/** The states of a report that still need something from the agency. */
export type MissingStatus = 'not_started' | 'draft' | 'returned';

/** What the reminder is about, who it comes from, and whom it is for. */
export type ReminderInput = {
  periodCode: string;
  /** The quarter's deadline, YYYY-MM-DD, a day on the coalition's calendar. */
  deadline: string;
  /** What day it is in the coalition's time zone, YYYY-MM-DD. */
  today: string;
  /** The coalition's time zone, so "by the end of October 30" says whose October 30. */
  timeZone: string;
  coalitionName: string;
  /** The admin sending it, who is also the person to contact. */
  sender: { name: string; email: string };
  /** Where Scope is, e.g. https://scope.example.org. */
  publicUrl: string;
  /**
   * One agency, whose own reporters receive it: the text names the agency, the state of its report
   * and the link to its form. Otherwise one text for every agency chosen (sent, say, by BCC), which
   * names no agency and says only what applies to the states listed.
   */
  to: { agency: { code: string; name: string; status: MissingStatus } } | { statuses: MissingStatus[] };
  /** The admin's own words, already through the personal-data guard. */
  note?: string | null;
};

/** A reminder as mail: its subject and plain-text body. */
export type Reminder = { subject: string; body: string };

const dayMs = 24 * 60 * 60 * 1000;

function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / dayMs);
}

function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

/** "Pacific Time" for America/Los_Angeles; the zone's own name where Intl has no better one. */
function zoneName(timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longGeneric' }).formatToParts(
      new Date(0),
    );
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** The link to an agency's form for a quarter. */
export function reportFormUrl(publicUrl: string, agencyCode: string, periodCode: string): string {
  return `${publicUrl}/report/${encodeURIComponent(agencyCode)}/${encodeURIComponent(periodCode)}`;
}

/** "Hills Family Clinic's", "River Street Advocates'". */
const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);

const statusWords: Record<MissingStatus, string> = {
  not_started: "hasn't been started yet",
  draft: 'has a draft saved that has not been submitted',
  returned: 'was returned for correction',
};

/**
 * The reminder: warm and specific. Which quarter and months, the deadline in the coalition's time
 * zone (and, once it has passed, that a late report still counts), the state of the agency's
 * report, how to submit by form or CSV, the admin's note, and whom to contact.
 */
export function reminderFor(input: ReminderInput): Reminder {
  const { periodCode, deadline, today, coalitionName, sender, publicUrl } = input;
  const agency = 'agency' in input.to ? input.to.agency : null;
  const statuses = 'agency' in input.to ? [input.to.agency.status] : input.to.statuses;
  const span = monthsOf(periodCode);
  const quarter = span ? `${periodCode} (${span})` : periodCode;
  const due = formatCalendarDate(deadline);
  const days = daysUntil(today, deadline);
  const passed = days < 0;
  const whose = agency ? possessive(agency.name) : "your agency's";

  const subject =
    agency?.status === 'returned'
      ? `${whose} ${periodCode} report for the coalition was returned for correction`
      : passed
        ? `A friendly reminder: ${whose} ${periodCode} report for the coalition`
        : `${whose.charAt(0).toUpperCase()}${whose.slice(1)} ${periodCode} report for the coalition is due ${due}`;

  const timing = passed
    ? `The deadline was ${due}, and we haven't received ${whose} report yet. Late reports still count, and every agency's numbers help show the real picture, so please send yours as soon as you can.`
    : `The report is due by the end of ${due}, ${zoneName(input.timeZone)} (${relativeDays(days)}). If you have already sent it, thank you, and please ignore this message.`;

  const lines = ['Hello,', ''];
  if (input.note) lines.push(`A note from ${sender.name}:`, input.note, '');
  lines.push(
    `This is a reminder from the ${coalitionName} about ${whose} quarterly counts for ${quarter}.`,
    '',
  );
  if (agency) lines.push(`Your ${periodCode} report ${statusWords[agency.status]}.`, '');
  lines.push(
    timing,
    '',
    'How to send your report:',
    agency
      ? `1. Open your agency's ${periodCode} report at ${reportFormUrl(publicUrl, agency.code, periodCode)} (sign in if Scope asks you to).`
      : `1. Sign in to Scope at ${publicUrl} and open your agency's ${periodCode} report from your home page.`,
    '2. Type the counts into the form, or upload the CSV file exported from your case-management system.',
    '3. Fix anything the form points out, then submit.',
  );

  const situations: string[] = [];
  if (statuses.includes('draft'))
    situations.push(
      agency
        ? 'Your draft is saved: check it and submit it.'
        : "If you've already started, your draft is saved: check it and submit it.",
    );
  if (statuses.includes('returned'))
    situations.push(
      `${agency ? 'The' : 'If your report was returned for correction, the'} reviewer's comment is at the top of the form. Once it's corrected, submit it again.`,
    );
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
  return { subject, body: lines.join('\n') };
}

/** The reminder as one text to paste into a mail program: the subject line, then the body. */
export function reminderToCopy(reminder: Reminder): string {
  return `Subject: ${reminder.subject}\n\n${reminder.body}`;
}
