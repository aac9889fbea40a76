import { type Db, statement } from '../db';

const key = 'session_secret_check';

/** The stored check value of the secret the database was used with, if one was recorded. */
export function getSecretCheck(db: Db): string | undefined {
  return statement(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
}

/** Records the check value of the secret the database is used with. */
export function setSecretCheck(db: Db, value: string): void {
  statement(db, 'INSERT INTO settings (key, value) VALUES (?, ?)').run(key, value);
}
