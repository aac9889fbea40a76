import { type Db, statement } from '../db';
import type { User } from './users';

export function insertSession(db: Db, tokenHash: string, userId: number, expiresAt: string): void {
  statement(db, 'INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)').run(
    tokenHash,
    userId,
    expiresAt,
  );
}

/** The active user a live session belongs to. */
export function getSessionUser(db: Db, tokenHash: string, now: string): User | undefined {
  return statement(
    db,
    `SELECT u.id, u.email, u.name, u.role, u.agency_id AS agencyId
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
  ).get(tokenHash, now) as User | undefined;
}

export function deleteSession(db: Db, tokenHash: string): void {
  statement(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

export function deleteExpiredSessions(db: Db, now: string): number {
  return statement(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
}
