import { type Db, statement } from '../db';
import type { Role, User } from './users';

export type ApiTokenSummary = {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string;
  revokedAt: string | null;
};

/**
 * Stores a token made by a person, with their role and agency at that moment: the token works only
 * while they still hold both.
 */
export function insertApiToken(
  db: Db,
  t: {
    agencyId: number;
    name: string;
    prefix: string;
    tokenHash: string;
    maker: { id: number; role: Role; agencyId: number | null };
    expiresAt: string;
  },
): number {
  return Number(
    statement(
      db,
      `INSERT INTO api_tokens (agency_id, name, prefix, token_hash, created_by, maker_role, maker_agency_id, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(t.agencyId, t.name, t.prefix, t.tokenHash, t.maker.id, t.maker.role, t.maker.agencyId, t.expiresAt)
      .lastInsertRowid,
  );
}

const summaryColumns = `t.id, t.name, t.prefix, t.created_at AS createdAt, u.name AS createdBy,
  t.last_used_at AS lastUsedAt, t.expires_at AS expiresAt, t.revoked_at AS revokedAt`;

export function getApiToken(db: Db, agencyId: number, id: number): ApiTokenSummary | undefined {
  return statement(
    db,
    `SELECT ${summaryColumns} FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by WHERE t.agency_id = ? AND t.id = ?`,
  ).get(agencyId, id) as ApiTokenSummary | undefined;
}

/** An agency's tokens, newest first, revoked ones included. */
export function listApiTokens(db: Db, agencyId: number): ApiTokenSummary[] {
  return statement(
    db,
    `SELECT ${summaryColumns} FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by
     WHERE t.agency_id = ? ORDER BY t.id DESC`,
  ).all(agencyId) as ApiTokenSummary[];
}

export function revokeApiToken(db: Db, agencyId: number, id: number, at: string): boolean {
  return (
    statement(
      db,
      'UPDATE api_tokens SET revoked_at = ? WHERE agency_id = ? AND id = ? AND revoked_at IS NULL',
    ).run(at, agencyId, id).changes === 1
  );
}

/** Revokes every token a person made that still stands; returns how many. */
export function revokeApiTokensMadeBy(db: Db, userId: number, at: string): number {
  return statement(
    db,
    'UPDATE api_tokens SET revoked_at = ? WHERE created_by = ? AND revoked_at IS NULL',
  ).run(at, userId).changes;
}

/**
 * The person a live token acts for, as they are now, with the token's id; marks it used. A token is
 * live until it expires or is revoked, while its agency is active, and while the person who made it
 * is active and still has the role and agency they made it with, which must be the token's agency.
 */
export function findLiveApiToken(db: Db, tokenHash: string, at: string): User | undefined {
  const row = statement(
    db,
    `SELECT t.id AS tokenId, u.id, u.email, u.name, u.role, u.agency_id AS agencyId
     FROM api_tokens t JOIN users u ON u.id = t.created_by
     JOIN org_units a ON a.id = t.agency_id
     WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?
       AND u.active = 1 AND a.active = 1
       AND u.role = t.maker_role AND u.agency_id IS t.maker_agency_id AND u.agency_id = t.agency_id`,
  ).get(tokenHash, at) as (User & { tokenId: number }) | undefined;
  if (row) statement(db, 'UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, row.tokenId);
  return row;
}
