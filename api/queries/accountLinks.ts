import { type Db, statement } from '../db';
import type { Role } from './users';

export type AccountLinkKind = 'setup' | 'invitation' | 'reset';

export type AccountLink = {
  id: number;
  kind: AccountLinkKind;
  email: string | null;
  role: Role | null;
  agencyId: number | null;
  userId: number | null;
  createdBy: number | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: number | null;
  revokedAt: string | null;
};

const linkColumns = `id, kind, email, role, agency_id AS agencyId, user_id AS userId, created_by AS createdBy,
  created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt, used_by AS usedBy, revoked_at AS revokedAt`;

/** Stores a new link (only the keyed hash of its secret); returns its id. */
export function insertAccountLink(
  db: Db,
  link: {
    kind: AccountLinkKind;
    tokenHash: string;
    email: string | null;
    role: Role | null;
    agencyId: number | null;
    userId: number | null;
    createdBy: number | null;
    createdAt: string;
    expiresAt: string;
  },
): number {
  return Number(
    statement(
      db,
      `INSERT INTO account_links (kind, token_hash, email, role, agency_id, user_id, created_by, created_at, expires_at)
       VALUES (@kind, @tokenHash, @email, @role, @agencyId, @userId, @createdBy, @createdAt, @expiresAt)`,
    ).run(link).lastInsertRowid,
  );
}

/** The link with this secret's hash, whatever its state. */
export function getAccountLinkByHash(db: Db, tokenHash: string): AccountLink | undefined {
  return statement(db, `SELECT ${linkColumns} FROM account_links WHERE token_hash = ?`).get(tokenHash) as
    | AccountLink
    | undefined;
}

export function getAccountLink(db: Db, id: number): AccountLink | undefined {
  return statement(db, `SELECT ${linkColumns} FROM account_links WHERE id = ?`).get(id) as
    | AccountLink
    | undefined;
}

/**
 * Marks a link used, only if it is still usable at `at`: two requests racing with the same link can't
 * both succeed. Returns whether this call used it.
 */
export function markAccountLinkUsed(db: Db, id: number, usedBy: number, at: string): boolean {
  return (
    statement(
      db,
      `UPDATE account_links SET used_at = ?, used_by = ?
       WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?`,
    ).run(at, usedBy, id, at).changes === 1
  );
}

/** Revokes the still-usable links of a kind, for an email or a person, or every one of the kind; returns how many. */
export function revokeAccountLinks(
  db: Db,
  which: { kind: AccountLinkKind; email?: string; userId?: number },
  at: string,
): number {
  const conditions = ['kind = @kind', 'used_at IS NULL', 'revoked_at IS NULL'];
  if (which.email !== undefined) conditions.push('email = @email');
  if (which.userId !== undefined) conditions.push('user_id = @userId');
  return statement(db, `UPDATE account_links SET revoked_at = @at WHERE ${conditions.join(' AND ')}`).run({
    kind: which.kind,
    email: which.email ?? null,
    userId: which.userId ?? null,
    at,
  }).changes;
}

/** Revokes one link if it is still usable; returns whether it was. */
export function revokeAccountLink(db: Db, id: number, at: string): boolean {
  return (
    statement(
      db,
      'UPDATE account_links SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL',
    ).run(at, id).changes === 1
  );
}

/** Invitations, newest first, with their state: for the people page. */
export function listInvitations(db: Db): AccountLink[] {
  return statement(
    db,
    `SELECT ${linkColumns} FROM account_links WHERE kind = 'invitation' ORDER BY created_at DESC, id DESC`,
  ).all() as AccountLink[];
}
