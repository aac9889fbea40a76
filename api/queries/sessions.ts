import { randomBytes } from 'node:crypto';
import { type Db, statement } from '../db';
import type { User } from './users';

/**
 * Stores a new session; returns its public id, the name a person's list of sessions shows it by
 * (never the token's hash).
 */
export function insertSession(
  db: Db,
  session: {
    tokenHash: string;
    userId: number;
    expiresAt: string;
    idleExpiresAt: string;
    address?: string | null;
    userAgent?: string | null;
    twoFactor?: boolean;
  },
): string {
  const publicId = randomBytes(12).toString('hex');
  statement(
    db,
    `INSERT INTO sessions (token_hash, user_id, expires_at, idle_expires_at, public_id, created_address, user_agent, two_factor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    session.tokenHash,
    session.userId,
    session.expiresAt,
    session.idleExpiresAt,
    publicId,
    session.address ?? null,
    session.userAgent ?? null,
    session.twoFactor ? 1 : 0,
  );
  return publicId;
}

/** The active user a live session belongs to, and when the session ends if left unused. */
export function getSessionUser(
  db: Db,
  tokenHash: string,
  now: string,
): (User & { idleExpiresAt: string }) | undefined {
  return statement(
    db,
    `SELECT u.id, u.email, u.name, u.role, u.agency_id AS agencyId, s.idle_expires_at AS idleExpiresAt
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ? AND s.idle_expires_at > ? AND u.active = 1`,
  ).get(tokenHash, now, now) as (User & { idleExpiresAt: string }) | undefined;
}

/** Pushes back the moment an unused session ends. */
export function extendSessionIdle(db: Db, tokenHash: string, idleExpiresAt: string): void {
  statement(db, 'UPDATE sessions SET idle_expires_at = ? WHERE token_hash = ?').run(idleExpiresAt, tokenHash);
}

export function deleteSession(db: Db, tokenHash: string): void {
  statement(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

/** Ends every session of a person but the one given; returns how many ended. */
export function deleteOtherSessions(db: Db, userId: number, keepTokenHash: string): number {
  return statement(db, 'DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?').run(
    userId,
    keepTokenHash,
  ).changes;
}

/** Ends every session of a person. */
export function deleteUserSessions(db: Db, userId: number): number {
  return statement(db, 'DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
}

/** Removes sessions past their lifetime or left unused too long. */
export function deleteExpiredSessions(db: Db, now: string): number {
  return statement(db, 'DELETE FROM sessions WHERE expires_at <= ? OR idle_expires_at <= ?').run(now, now)
    .changes;
}

/** One of a person's live sessions, as their account page lists it. */
export type SessionSummary = {
  publicId: string;
  /** When it started: its lifetime's end less the lifetime. */
  expiresAt: string;
  idleExpiresAt: string;
  address: string | null;
  userAgent: string | null;
  twoFactor: boolean;
  current: boolean;
};

/** A person's live sessions, newest first; `current` marks the one with this token hash. */
export function listUserSessions(
  db: Db,
  userId: number,
  currentTokenHash: string,
  now: string,
): SessionSummary[] {
  const rows = statement(
    db,
    `SELECT public_id AS publicId, expires_at AS expiresAt, idle_expires_at AS idleExpiresAt,
            created_address AS address, user_agent AS userAgent, two_factor AS twoFactor,
            token_hash = ? AS current
     FROM sessions WHERE user_id = ? AND expires_at > ? AND idle_expires_at > ?
     ORDER BY expires_at DESC, public_id`,
  ).all(currentTokenHash, userId, now, now) as Array<
    Omit<SessionSummary, 'twoFactor' | 'current'> & { twoFactor: number; current: number }
  >;
  return rows.map((row) => ({ ...row, twoFactor: row.twoFactor === 1, current: row.current === 1 }));
}

/** Ends one of a person's sessions by its public id; returns whether there was one. */
export function deleteUserSessionByPublicId(db: Db, userId: number, publicId: string): boolean {
  return (
    statement(db, 'DELETE FROM sessions WHERE user_id = ? AND public_id = ?').run(userId, publicId)
      .changes === 1
  );
}
