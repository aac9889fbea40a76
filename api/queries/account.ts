/** A person's own account: who they are by id, and their password. */
import { type Db, statement } from '../db';
import type { User } from './users';

/** An active person by id, as the routes see them. */
export function getActiveUser(db: Db, userId: number): User | undefined {
  return statement(
    db,
    'SELECT id, email, name, role, agency_id AS agencyId FROM users WHERE id = ? AND active = 1',
  ).get(userId) as User | undefined;
}

/** A person's stored password hash, for checking their current password before a change. */
export function getPasswordHash(db: Db, userId: number): string | undefined {
  return statement(db, 'SELECT password_hash FROM users WHERE id = ? AND active = 1').pluck().get(userId) as
    | string
    | undefined;
}

/** Stores a person's new password (already hashed) and when they changed it. */
export function setPassword(db: Db, userId: number, passwordHash: string, at: string): void {
  statement(db, 'UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?').run(
    passwordHash,
    at,
    userId,
  );
}
