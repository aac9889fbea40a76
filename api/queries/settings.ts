import { type Db, statement } from '../db';

/** A coalition setting as stored (text; JSON for structured ones), if it has been set. */
export function getSetting(db: Db, key: string): string | undefined {
  return statement(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
}

/** Stores a coalition setting, replacing its value. */
export function setSetting(db: Db, key: string, value: string): void {
  statement(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
