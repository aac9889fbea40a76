import { type Db, statement } from '../db';
import { type Quarter, quarterDates, quarterDeadline } from '../domain/periods';

export type ReportingPeriod = {
  id: number;
  code: string;
  startDate: string;
  endDate: string;
  deadline: string;
  /**
   * Not yet closed by the coalition after its reporting cycle. Reporters may enter data only when
   * this holds and the quarter has ended or was opened early: see `entryWindow` in domain/entry.ts.
   */
  open: boolean;
  /** A coalition admin opened the quarter for entry before it ended. */
  openedEarly: boolean;
};

/** Adds a quarter with its deadline; returns its id. */
export function insertPeriod(db: Db, quarter: Quarter, deadlineDays: number, open: boolean): number {
  const { start, end } = quarterDates(quarter);
  return Number(
    statement(
      db,
      `INSERT INTO reporting_periods (code, year, quarter, start_date, end_date, deadline, open)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      quarter.code,
      quarter.year,
      quarter.quarter,
      start,
      end,
      quarterDeadline(quarter, deadlineDays),
      open ? 1 : 0,
    ).lastInsertRowid,
  );
}

const periodColumns = `id, code, start_date AS startDate, end_date AS endDate, deadline, open = 1 AS open,
  opened_early_at IS NOT NULL AS openedEarly`;
type PeriodRow = Omit<ReportingPeriod, 'open' | 'openedEarly'> & { open: number; openedEarly: number };
const toPeriod = (row: PeriodRow): ReportingPeriod => ({
  ...row,
  open: row.open === 1,
  openedEarly: row.openedEarly === 1,
});

export function getPeriodByCode(db: Db, code: string): ReportingPeriod | undefined {
  const row = statement(db, `SELECT ${periodColumns} FROM reporting_periods WHERE code = ?`).get(code) as
    | PeriodRow
    | undefined;
  return row && toPeriod(row);
}

/**
 * Opens a period for entry before it ends (`opened` says when and by whom), or with null closes it
 * again. Returns whether anything changed.
 */
export function setOpenedEarly(
  db: Db,
  periodId: number,
  opened: { at: string; userId: number } | null,
): boolean {
  const changes = opened
    ? statement(
        db,
        `UPDATE reporting_periods SET opened_early_at = ?, opened_early_by = ?
         WHERE id = ? AND opened_early_at IS NULL`,
      ).run(opened.at, opened.userId, periodId).changes
    : statement(
        db,
        `UPDATE reporting_periods SET opened_early_at = NULL, opened_early_by = NULL
         WHERE id = ? AND opened_early_at IS NOT NULL`,
      ).run(periodId).changes;
  return changes > 0;
}

/** Every reporting period, newest first. */
export function listPeriods(db: Db): ReportingPeriod[] {
  return (
    statement(db, `SELECT ${periodColumns} FROM reporting_periods ORDER BY code DESC`).all() as PeriodRow[]
  ).map(toPeriod);
}

export type PeriodCompleteness = ReportingPeriod & { expected: number; approved: number };

/**
 * Every period with how many active agencies were expected to report (from their first quarter on) and how many reports were
 * approved: what a viewer needs to know about which quarters have data. Newest first.
 */
export function listPeriodCompleteness(db: Db): PeriodCompleteness[] {
  const rows = statement(
    db,
    `SELECT ${periodColumns},
       (SELECT count(*) FROM org_units WHERE level = 'agency' AND active = 1
        AND (first_period IS NULL OR first_period <= p.code)) AS expected,
       (SELECT count(*) FROM submissions s JOIN org_units a ON a.id = s.agency_id
        WHERE s.period_id = p.id AND s.status = 'approved' AND a.active = 1) AS approved
     FROM reporting_periods p ORDER BY code DESC`,
  ).all() as Array<PeriodRow & { expected: number; approved: number }>;
  return rows.map((row) => ({ ...toPeriod(row), expected: row.expected, approved: row.approved }));
}

/** Moves a period's deadline (a changed number of deadline days, for quarters that have not ended). */
export function setPeriodDeadline(db: Db, periodId: number, deadline: string): void {
  statement(db, 'UPDATE reporting_periods SET deadline = ? WHERE id = ?').run(deadline, periodId);
}
