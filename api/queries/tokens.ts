import { type Db, statement } from '../db';

export type ApiTokenSummary = {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function insertApiToken(
  db: Db,
  t: { agencyId: number; name: string; prefix: string; tokenHash: string; createdBy: number },
): number {
  return Number(
    statement(
      db,
      'INSERT INTO api_tokens (agency_id, name, prefix, token_hash, created_by) VALUES (?, ?, ?, ?, ?)',
    ).run(t.agencyId, t.name, t.prefix, t.tokenHash, t.createdBy).lastInsertRowid,
  );
}

const summaryColumns = `t.id, t.name, t.prefix, t.created_at AS createdAt, u.name AS createdBy,
  t.last_used_at AS lastUsedAt, t.revoked_at AS revokedAt`;

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

/**
 * The live token with this hash, with the agency it speaks for and the active person who made it;
 * marks it used.
 */
export function findLiveApiToken(db: Db, tokenHash: string, at: string) {
  const row = statement(
    db,
    `SELECT t.id AS tokenId, t.agency_id AS agencyId, u.id AS userId, u.email, u.name
     FROM api_tokens t JOIN users u ON u.id = t.created_by
     JOIN org_units a ON a.id = t.agency_id
     WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active = 1 AND a.active = 1`,
  ).get(tokenHash) as
    | { tokenId: number; agencyId: number; userId: number; email: string; name: string }
    | undefined;
  if (row) statement(db, 'UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, row.tokenId);
  return row;
}
