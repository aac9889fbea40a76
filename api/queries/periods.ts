import { type Db, statement } from '../db';
import { type Quarter, quarterDates, quarterDeadline } from '../domain/periods';

export type ReportingPeriod = {
  id: number;
  code: string;
  startDate: string;
  endDate: string;
  deadline: string;
  open: boolean;
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

const periodColumns = `id, code, start_date AS startDate, end_date AS endDate, deadline, open = 1 AS open`;
type PeriodRow = Omit<ReportingPeriod, 'open'> & { open: number };
const toPeriod = (row: PeriodRow): ReportingPeriod => ({ ...row, open: row.open === 1 });

export function getPeriodByCode(db: Db, code: string): ReportingPeriod | undefined {
  const row = statement(db, `SELECT ${periodColumns} FROM reporting_periods WHERE code = ?`).get(code) as
    | PeriodRow
    | undefined;
  return row && toPeriod(row);
}

/** Every reporting period, newest first. */
export function listPeriods(db: Db): ReportingPeriod[] {
  return (
    statement(db, `SELECT ${periodColumns} FROM reporting_periods ORDER BY code DESC`).all() as PeriodRow[]
  ).map(toPeriod);
}

export type PeriodCompleteness = ReportingPeriod & { expected: number; approved: number };

/**
 * Every period with how many active agencies were expected to report and how many reports were
 * approved: what a viewer needs to know about which quarters have data. Newest first.
 */
export function listPeriodCompleteness(db: Db): PeriodCompleteness[] {
  const rows = statement(
    db,
    `SELECT ${periodColumns},
       (SELECT count(*) FROM org_units WHERE level = 'agency' AND active = 1) AS expected,
       (SELECT count(*) FROM submissions s JOIN org_units a ON a.id = s.agency_id
        WHERE s.period_id = p.id AND s.status = 'approved' AND a.active = 1) AS approved
     FROM reporting_periods p ORDER BY code DESC`,
  ).all() as Array<PeriodRow & { expected: number; approved: number }>;
  return rows.map((row) => ({ ...toPeriod(row), expected: row.expected, approved: row.approved }));
}
