import type { Db } from '../db';

/** Asks the database the smallest question there is; throws if it cannot answer. */
export function pingDatabase(db: Db): void {
  db.prepare('SELECT 1').get();
}
