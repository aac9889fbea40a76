import { type Db, statement } from '../db';
import { removedTextNote } from '../domain/freeText';
import { insertFreeText } from './freeTexts';
import type { Role, User } from './users';

export type ApiTokenSummary = {
  id: number;
  /** The name, or the note saying an admin removed it. */
  name: string;
  /** The name's kept text, which an admin can remove. */
  nameId: number;
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
  const nameId = insertFreeText(db, { text: t.name, userId: t.maker.id });
  return Number(
    statement(
      db,
      `INSERT INTO api_tokens (agency_id, name_id, prefix, token_hash, created_by, maker_role, maker_agency_id, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(t.agencyId, nameId, t.prefix, t.tokenHash, t.maker.id, t.maker.role, t.maker.agencyId, t.expiresAt)
      .lastInsertRowid,
  );
}

const summaryColumns = `t.id, n.text AS name, t.name_id AS nameId, n.redacted_at AS nameRemovedAt, t.prefix,
  t.created_at AS createdAt, u.name AS createdBy, t.last_used_at AS lastUsedAt, t.expires_at AS expiresAt,
  t.revoked_at AS revokedAt`;
const summaryTables = `api_tokens t JOIN free_texts n ON n.id = t.name_id LEFT JOIN users u ON u.id = t.created_by`;

type SummaryRow = Omit<ApiTokenSummary, 'name'> & { name: string; nameRemovedAt: string | null };
/** A token as its readers see it: its name, or the note saying an admin removed it. */
const asSummary = ({ nameRemovedAt, ...row }: SummaryRow): ApiTokenSummary => ({
  ...row,
  name: nameRemovedAt === null ? row.name : removedTextNote(nameRemovedAt),
});

export function getApiToken(db: Db, agencyId: number, id: number): ApiTokenSummary | undefined {
  const row = statement(
    db,
    `SELECT ${summaryColumns} FROM ${summaryTables} WHERE t.agency_id = ? AND t.id = ?`,
  ).get(agencyId, id) as SummaryRow | undefined;
  return row && asSummary(row);
}

/** An agency's tokens, newest first, revoked ones included. */
export function listApiTokens(db: Db, agencyId: number): ApiTokenSummary[] {
  return (
    statement(
      db,
      `SELECT ${summaryColumns} FROM ${summaryTables} WHERE t.agency_id = ? ORDER BY t.id DESC`,
    ).all(agencyId) as SummaryRow[]
  ).map(asSummary);
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
