import { type Db, statement } from '../db';
import type { MissingStatus } from '../domain/reminderText';

/** An agency expected to report for a quarter whose report has not reached the coalition. */
export type MissingAgencyRow = { id: number; code: string; name: string; status: MissingStatus };

/**
 * Active agencies expected to report for the quarter (those whose first quarter is this one or
 * earlier, or who have none) whose report is not started, a draft, or returned: not submitted and
 * not approved. Not started first, since they are furthest from done; then by name.
 */
export function listMissingAgencies(db: Db, period: { id: number; code: string }): MissingAgencyRow[] {
  return statement(
    db,
    `SELECT a.id, a.code, a.name, coalesce(s.status, 'not_started') AS status
     FROM org_units a LEFT JOIN submissions s ON s.agency_id = a.id AND s.period_id = ?
     WHERE a.level = 'agency' AND a.active = 1 AND (a.first_period IS NULL OR a.first_period <= ?)
       AND coalesce(s.status, 'not_started') IN ('not_started', 'draft', 'returned')
     ORDER BY CASE coalesce(s.status, 'not_started') WHEN 'not_started' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END,
              a.name`,
  ).all(period.id, period.code) as MissingAgencyRow[];
}

/** A reporter a reminder goes to. */
export type ReminderRecipient = { agencyId: number; name: string; email: string };

/** The active reporters of these agencies, by name. */
export function listActiveReporters(db: Db, agencyIds: readonly number[]): ReminderRecipient[] {
  if (agencyIds.length === 0) return [];
  return statement(
    db,
    `SELECT agency_id AS agencyId, name, email FROM users
     WHERE role = 'reporter' AND active = 1 AND agency_id IN (${agencyIds.map(() => '?').join(',')})
     ORDER BY name, email`,
  ).all(...agencyIds) as ReminderRecipient[];
}

/** The last reminder an agency was sent (or copied for it) for a quarter. */
export type LastReminder = { agencyId: number; at: string; channel: 'mail' | 'copy' };

/** For each agency reminded about the quarter, its latest reminder. */
export function listLastReminders(db: Db, periodCode: string): LastReminder[] {
  return statement(
    db,
    `SELECT agency_id AS agencyId, sent_at AS at, channel FROM reminders r
     WHERE period_code = ? AND id = (
       SELECT id FROM reminders latest WHERE latest.period_code = r.period_code AND latest.agency_id = r.agency_id
       ORDER BY sent_at DESC, id DESC LIMIT 1)`,
  ).all(periodCode) as LastReminder[];
}

/** Records one reminder to one agency. */
export function insertReminder(
  db: Db,
  r: {
    periodCode: string;
    agencyId: number;
    channel: 'mail' | 'copy';
    recipients: number;
    sentBy: number;
    sentAt: string;
  },
): void {
  statement(
    db,
    `INSERT INTO reminders (period_code, agency_id, channel, recipients, sent_by, sent_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(r.periodCode, r.agencyId, r.channel, r.recipients, r.sentBy, r.sentAt);
}
