/**
 * Writing agencies' values into their submissions' working copies. Reading them back gives raw,
 * unprotected numbers, so that is in `raw/agencyValues.ts`.
 */
import { type Db, statement } from '../db';

export type DataValueRow = { submissionId: number; elementId: number; cocId: number; value: number };

/** Thrown when a value is not a whole number of zero or more; nothing has been written. */
export class InvalidDataValueError extends Error {}

/**
 * Writes values into submissions' working copies, replacing any value already in a cell. This is the
 * one path every way of entering data goes through (the form, CSV and JSON uploads, the demo
 * generator), so it checks each value itself. All rows are written in one transaction, or none.
 */
export function upsertDataValues(db: Db, rows: Iterable<DataValueRow>): number {
  // Prepared once per connection (statement): imports call this thousands of times in a row.
  const upsert = statement(
    db,
    `INSERT INTO data_values (submission_id, element_id, coc_id, value) VALUES (?, ?, ?, ?)
     ON CONFLICT (submission_id, element_id, coc_id) DO UPDATE SET value = excluded.value`,
  );
  return db.transaction(() => {
    let written = 0;
    for (const row of rows) {
      if (!Number.isSafeInteger(row.value) || row.value < 0)
        throw new InvalidDataValueError(
          `a count must be a whole number of zero or more, not ${String(row.value)}`,
        );
      upsert.run(row.submissionId, row.elementId, row.cocId, row.value);
      written++;
    }
    return written;
  })();
}
