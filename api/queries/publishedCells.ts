/**
 * Published figures: the protected cells releases stored, per audience, each either a value the
 * release's protection audited or hidden (with no value). What statistics are served from; the raw
 * values they were computed from are read only in `raw/`.
 */
import { type Db, statement } from '../db';
import type { Audience } from '../disclosure/types';

export type PublishedCellRow = {
  table: string;
  period: string;
  geo: string;
  optionKey: string;
  value: number | null;
  suppressed: boolean;
};

type CellRow = Omit<PublishedCellRow, 'suppressed'> & { suppressed: number };
const toCell = (row: CellRow): PublishedCellRow => ({ ...row, suppressed: row.suppressed === 1 });
const cellColumns = `table_code AS "table", period_code AS period, geo_code AS geo, option_key AS optionKey, value, suppressed`;

/** Stores a release's protected cells for one audience (a hidden cell's value is never given). */
export function insertPublishedCells(
  db: Db,
  releaseId: number,
  audience: Audience,
  cells: Iterable<Omit<PublishedCellRow, 'value'> & { value: number | null }>,
): number {
  const insert = statement(
    db,
    `INSERT INTO published_cells (release_id, audience, table_code, period_code, geo_code, option_key, value, suppressed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let count = 0;
  for (const c of cells) {
    insert.run(
      releaseId,
      audience,
      c.table,
      c.period,
      c.geo,
      c.optionKey,
      c.suppressed ? null : c.value,
      c.suppressed ? 1 : 0,
    );
    count++;
  }
  return count;
}

/** A release's cells for one audience, in storage order; optionally one period. */
export function listPublishedCells(
  db: Db,
  releaseId: number,
  audience: Audience,
  period?: string,
): PublishedCellRow[] {
  return (
    statement(
      db,
      `SELECT ${cellColumns} FROM published_cells WHERE release_id = ? AND audience = ? AND (? IS NULL OR period_code = ?)`,
    ).all(releaseId, audience, period ?? null, period ?? null) as CellRow[]
  ).map(toCell);
}

/** The cells of some tables of a release for one period, geography and audience. */
export function getTableCells(
  db: Db,
  q: { releaseId: number; audience: Audience; period: string; geo: string; tables: string[] },
): PublishedCellRow[] {
  return (
    statement(
      db,
      `SELECT ${cellColumns} FROM published_cells
       WHERE release_id = ? AND audience = ? AND period_code = ? AND geo_code = ?
         AND table_code IN (${q.tables.map(() => '?').join(', ')})`,
    ).all(q.releaseId, q.audience, q.period, q.geo, ...q.tables) as CellRow[]
  ).map(toCell);
}

/** Which tables, periods and geographies one release stored cells of for one audience. */
export function listReleaseTableCoverage(
  db: Db,
  releaseId: number,
  audience: Audience,
): Array<{ table: string; period: string; geo: string }> {
  return statement(
    db,
    `SELECT DISTINCT table_code AS "table", period_code AS period, geo_code AS geo FROM published_cells
     WHERE release_id = ? AND audience = ?`,
  ).all(releaseId, audience) as Array<{ table: string; period: string; geo: string }>;
}

/**
 * The option keys one release stored of its tables of more than one category, per period, for one
 * audience: which of a two-way breakdown's categories it published when (each option key names an
 * option, or `_total`, along each category).
 */
export function listReleaseTwoWayKeys(
  db: Db,
  releaseId: number,
  audience: Audience,
): Array<{ table: string; period: string; optionKey: string }> {
  return statement(
    db,
    `SELECT DISTINCT table_code AS "table", period_code AS period, option_key AS optionKey FROM published_cells
     WHERE release_id = ? AND audience = ? AND option_key LIKE '%|%'`,
  ).all(releaseId, audience) as Array<{ table: string; period: string; optionKey: string }>;
}
