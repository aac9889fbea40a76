import { type Db, statement } from '../db';

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
