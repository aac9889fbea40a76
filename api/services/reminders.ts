/**
 * Chasing missing reports: which agencies still owe a quarter's report, and reminders to their
 * reporters, mailed when Scope has a mail server or copied by the admin when it has not. Every
 * reminder sent or copied is recorded, so the page can say when an agency was last reminded. Nothing
 * is pretended: without mail, or when the mail server fails, the answer says so and gives the text
 * to send by hand, and only a copy the admin says they made is recorded as one. No HTTP here.
 */
import type { Config } from '../config';
import type { Db } from '../db';
import { todayIn } from '../domain/clock';
import { type MissingStatus, reminderFor, reminderToCopy } from '../domain/reminderText';
import { badRequest, forbidden, notFound } from '../errors';
import { canSendReminders } from '../permissions';
import { recordAudit } from '../queries/audit';
import { getAgencyByCode, getCoalition } from '../queries/orgUnits';
import { getPeriodByCode, type ReportingPeriod } from '../queries/periods';
import {
  insertReminder,
  listActiveReporters,
  listLastReminders,
  listMissingAgencies,
} from '../queries/reminders';
import type { User } from '../queries/users';
import { coalitionTimeZone } from './coalition';
import { guardFreeText } from './freeTexts';
import { mailConfigured, sendMail } from './mail';

/** An agency still to hear from for a quarter, with whom a reminder would reach. */
export type MissingAgency = {
  id: number;
  code: string;
  name: string;
  status: MissingStatus;
  /** Its active reporters: the people a reminder goes to. */
  reporters: Array<{ name: string; email: string }>;
  /** The latest reminder for this quarter, mailed or copied; null if none. */
  lastReminded: { at: string; channel: 'mail' | 'copy' } | null;
};

/**
 * The active agencies expected to report for the quarter (from their first quarter on) whose report
 * is not started, a draft, or returned, with their active reporters and when they were last reminded.
 */
export function missingAgencies(db: Db, period: Pick<ReportingPeriod, 'id' | 'code'>): MissingAgency[] {
  const agencies = listMissingAgencies(db, period);
  const reporters = listActiveReporters(
    db,
    agencies.map((a) => a.id),
  );
  const reminded = new Map(listLastReminders(db, period.code).map((r) => [r.agencyId, r]));
  return agencies.map((agency) => {
    const last = reminded.get(agency.id);
    return {
      ...agency,
      reporters: reporters
        .filter((r) => r.agencyId === agency.id)
        .map(({ name, email }) => ({ name, email })),
      lastReminded: last ? { at: last.at, channel: last.channel } : null,
    };
  });
}

/** Everything a reminder's words need besides whom it is for. */
type ReminderContext = {
  period: ReportingPeriod;
  today: string;
  timeZone: string;
  coalitionName: string;
  sender: { name: string; email: string };
  publicUrl: string;
};

function reminderContext(db: Db, config: Config, user: User, period: ReportingPeriod, now: Date) {
  const timeZone = coalitionTimeZone(db, config);
  return {
    period,
    today: todayIn(timeZone, now),
    timeZone,
    coalitionName: getCoalition(db)?.name ?? 'coalition',
    sender: { name: user.name, email: user.email },
    publicUrl: config.publicUrl,
  } satisfies ReminderContext;
}

function reminderOf(
  context: ReminderContext,
  to: Parameters<typeof reminderFor>[0]['to'],
  note: string | null = null,
) {
  return reminderFor({
    periodCode: context.period.code,
    deadline: context.period.deadline,
    today: context.today,
    timeZone: context.timeZone,
    coalitionName: context.coalitionName,
    sender: context.sender,
    publicUrl: context.publicUrl,
    to,
    note,
  });
}

function reminderPeriod(db: Db, user: User, code: string): ReportingPeriod {
  if (!canSendReminders(user)) throw forbidden('Only coalition admins can remind agencies.');
  const period = getPeriodByCode(db, code);
  if (!period) throw notFound(`There is no quarter ${code} in Scope.`);
  return period;
}

/** Where an admin invites a reporter for an agency that has none. */
export const inviteReporterPath = (agencyCode: string) => `/people?agency=${encodeURIComponent(agencyCode)}`;

/**
 * The "Remind agencies" panel's contents: the agencies missing for the quarter, whom a reminder
 * would reach, when each was last reminded, each one's reminder to read or copy, one text for all of
 * them (naming none, for a BCC), and whether Scope can mail them itself.
 */
export function reminderOverview(db: Db, config: Config, user: User, periodCode: string, now: Date) {
  const period = reminderPeriod(db, user, periodCode);
  const context = reminderContext(db, config, user, period, now);
  const agencies = missingAgencies(db, period);
  return {
    period: { code: period.code, deadline: period.deadline, pastDeadline: context.today > period.deadline },
    mailConfigured: mailConfigured(config),
    agencies: agencies.map(({ id: _id, ...agency }) => ({
      ...agency,
      inviteUrl: agency.reporters.length === 0 ? inviteReporterPath(agency.code) : null,
      text: reminderToCopy(reminderOf(context, { agency })),
    })),
    textForAll:
      agencies.length === 0
        ? null
        : reminderToCopy(reminderOf(context, { statuses: [...new Set(agencies.map((a) => a.status))] })),
  };
}

/** What happened to one agency's reminder, in words. */
export type ReminderOutcome = {
  code: string;
  name: string;
  /**
   * `sent`: mailed to its reporters. `copy`: not mailed (mail is not set up, or the server failed);
   * `text` is the reminder to send by hand. `no-reporter`: no one to send to. `not-missing`: its
   * report reached the coalition since the list was shown.
   */
  outcome: 'sent' | 'copy' | 'no-reporter' | 'not-missing';
  /** How many reporters the mail reached. */
  recipients: number;
  message: string;
  /** The reminder to copy, for `copy`. */
  text: string | null;
  /** Where to invite a reporter, for `no-reporter`. */
  inviteUrl: string | null;
};

const countOf = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The chosen agency codes as active agencies, refusing any that isn't one before anything is sent. */
function chosenAgencies(db: Db, codes: readonly string[]) {
  const unique = [...new Set(codes)];
  const unknown = unique.filter((code) => !getAgencyByCode(db, code)?.active);
  if (unknown.length > 0)
    throw badRequest(
      `${unknown.length === 1 ? 'There is no active agency with the code' : 'There are no active agencies with the codes'} ${unknown.join(', ')}. Reload the page and choose again.`,
      'unknown-agency',
    );
  return unique;
}

/**
 * Mails each chosen agency's active reporters one reminder (with the admin's note, if any, after the
 * personal-data guard), then records one reminder per agency reached and one audit entry. Without a
 * mail server, or once the server fails, the rest are not mailed: their text comes back to copy and
 * nothing is recorded for them. Agencies without a reporter, or whose report arrived meanwhile, are
 * said to be so.
 */
export async function sendReminders(
  db: Db,
  config: Config,
  user: User,
  request: { period: string; agencyCodes: readonly string[]; note?: string | null },
  now: Date,
): Promise<{ period: string; mailProblem: string | null; results: ReminderOutcome[] }> {
  const period = reminderPeriod(db, user, request.period);
  const note = request.note?.trim() || null;
  guardFreeText([{ field: 'note', place: 'Your note', text: note }], now);
  const codes = chosenAgencies(db, request.agencyCodes);
  const context = reminderContext(db, config, user, period, now);
  const missing = new Map(missingAgencies(db, period).map((a) => [a.code, a]));

  let mailProblem: string | null = mailConfigured(config)
    ? null
    : 'Mail is not set up for Scope, so nothing was sent. Copy each reminder below into your own mail program and send it to the addresses shown.';
  const results: ReminderOutcome[] = [];
  const sent: Array<{ agency: MissingAgency; recipients: number }> = [];
  for (const code of codes) {
    const agency = missing.get(code);
    const base = { code, recipients: 0, text: null, inviteUrl: null };
    if (!agency) {
      const name = getAgencyByCode(db, code)?.name ?? code;
      results.push({
        ...base,
        name,
        outcome: 'not-missing',
        message: `Its ${period.code} report has reached the coalition, so no reminder is needed.`,
      });
      continue;
    }
    if (agency.reporters.length === 0) {
      results.push({
        ...base,
        name: agency.name,
        outcome: 'no-reporter',
        message: 'No one to send to: invite a reporter for this agency.',
        inviteUrl: inviteReporterPath(code),
      });
      continue;
    }
    const reminder = reminderOf(context, { agency }, note);
    if (mailProblem === null) {
      const result = await sendMail(config, {
        to: agency.reporters.map((r) => r.email),
        subject: reminder.subject,
        text: reminder.body,
        replyTo: user.email,
      });
      if (result.sent) {
        sent.push({ agency, recipients: result.accepted.length });
        results.push({
          ...base,
          name: agency.name,
          outcome: 'sent',
          recipients: result.accepted.length,
          message: `Sent by mail to ${countOf(result.accepted.length, 'reporter', 'reporters')}.`,
        });
        continue;
      }
      // A mail server that failed once is not tried again for the rest: each try could wait for its timeouts.
      mailProblem =
        result.reason === 'failed'
          ? `${result.message} The reminders below were not sent: copy them into your own mail program, or try again later.`
          : 'Mail is not set up for Scope, so nothing was sent.';
    }
    results.push({
      ...base,
      name: agency.name,
      outcome: 'copy',
      message: `Not sent. Copy the reminder and send it to ${agency.reporters.map((r) => r.email).join(', ')}.`,
      text: reminderToCopy(reminder),
    });
  }

  if (sent.length > 0)
    db.transaction(() => {
      const at = now.toISOString();
      for (const { agency, recipients } of sent)
        insertReminder(db, {
          periodCode: period.code,
          agencyId: agency.id,
          channel: 'mail',
          recipients,
          sentBy: user.id,
          sentAt: at,
        });
      // The agencies and how many people each mail reached; the addresses are in the users table,
      // and the note is not kept (the audit log can't be redacted).
      recordAudit(db, {
        at,
        userId: user.id,
        action: 'send-reminders',
        entityType: 'period',
        entityId: period.code,
        details: {
          period: period.code,
          channel: 'mail',
          agencies: sent.map(({ agency, recipients }) => ({ code: agency.code, recipients })),
          withNote: note !== null,
        },
      });
    })();
  return { period: period.code, mailProblem, results };
}

/**
 * Records that the admin copied these agencies' reminders to send themselves (the page calls this
 * when they press "Copy"), so the list can say when each was last reminded. Returns when.
 */
export function recordCopiedReminders(
  db: Db,
  user: User,
  request: { period: string; agencyCodes: readonly string[] },
  now: Date,
): { period: string; agencies: string[]; at: string } {
  const period = reminderPeriod(db, user, request.period);
  const codes = chosenAgencies(db, request.agencyCodes);
  const at = now.toISOString();
  db.transaction(() => {
    for (const code of codes)
      insertReminder(db, {
        periodCode: period.code,
        agencyId: getAgencyByCode(db, code)?.id as number,
        channel: 'copy',
        recipients: 0,
        sentBy: user.id,
        sentAt: at,
      });
    recordAudit(db, {
      at,
      userId: user.id,
      action: 'copy-reminders',
      entityType: 'period',
      entityId: period.code,
      details: { period: period.code, channel: 'copy', agencies: codes },
    });
  })();
  return { period: period.code, agencies: codes, at };
}
