import { type Db, statement } from '../db';
import { deleteUserSessions } from './sessions';
import { revokeApiTokensMadeBy } from './tokens';

export type Role = 'admin' | 'reporter' | 'viewer';
export type User = {
  id: number;
  email: string;
  name: string;
  role: Role;
  agencyId: number | null;
  /** Set when the request came from an agency system with an API token (made by this user). */
  tokenId?: number;
};

/** Adds a person who signs in; returns the id. The password must already be hashed. */
export function insertUser(
  db: Db,
  user: { email: string; name: string; passwordHash: string; role: Role; agencyId: number | null },
): number {
  return Number(
    statement(
      db,
      'INSERT INTO users (email, name, password_hash, role, agency_id) VALUES (?, ?, ?, ?, ?)',
    ).run(user.email, user.name, user.passwordHash, user.role, user.agencyId).lastInsertRowid,
  );
}

/** An active user and their password hash, looked up by email (any letter case). */
export function getUserForSignIn(db: Db, email: string): (User & { passwordHash: string }) | undefined {
  return statement(
    db,
    `SELECT id, email, name, role, agency_id AS agencyId, password_hash AS passwordHash
     FROM users WHERE email = ? AND active = 1`,
  ).get(email) as (User & { passwordHash: string }) | undefined;
}

export function countUsers(db: Db): number {
  return statement(db, 'SELECT count(*) FROM users').pluck().get() as number;
}

/**
 * Deactivates or reactivates a person. Deactivating ends their sessions and revokes the API tokens
 * they made in the same step, so reactivating them brings neither back: they sign in afresh.
 */
export function setUserActive(db: Db, userId: number, active: boolean, at: string): void {
  db.transaction(() => {
    // Before the change, so the tokens are revoked at the app's time; the users table's trigger
    // (migration 010) does the same for changes made any other way.
    if (!active) {
      deleteUserSessions(db, userId);
      revokeApiTokensMadeBy(db, userId, at);
    }
    statement(db, 'UPDATE users SET active = ? WHERE id = ?').run(active ? 1 : 0, userId);
  })();
}

/**
 * Gives a person another role or agency. Their sessions end and the tokens they made are revoked:
 * both were granted for what they were, and a reporter moved to another agency must not keep
 * reading the old one's reports.
 */
export function setUserRole(
  db: Db,
  userId: number,
  access: { role: Role; agencyId: number | null },
  at: string,
): void {
  db.transaction(() => {
    deleteUserSessions(db, userId);
    revokeApiTokensMadeBy(db, userId, at);
    statement(db, 'UPDATE users SET role = ?, agency_id = ? WHERE id = ?').run(
      access.role,
      access.agencyId,
      userId,
    );
  })();
}
