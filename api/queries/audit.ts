import { type Db, statement } from '../db';
import {
  auditEntryHash,
  type ChainedEntry,
  type ChainReport,
  ChainWalk,
  firstPreviousHash,
} from '../domain/auditChain';

export type AuditEntry = {
  userId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
  /** When it happened; defaults to now. The demo generator back-dates its history. */
  at?: string;
};

const chainedColumns = `id, at, user_id AS userId, action, entity_type AS entityType, entity_id AS entityId,
  details, prev_hash AS prevHash, hash`;

/**
 * Appends one entry to the audit log, chained to the last one (the log refuses updates, deletes and
 * entries that don't link to the last). Reading the last link and appending are one transaction, so
 * two writers cannot both claim the same predecessor.
 */
export function recordAudit(db: Db, entry: AuditEntry): void {
  const append = db.transaction(() => {
    const last = statement(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      | { id: number; hash: string }
      | undefined;
    const row = {
      id: (last?.id ?? 0) + 1,
      at: entry.at ?? new Date().toISOString(),
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      details: JSON.stringify(entry.details ?? {}),
      prevHash: last?.hash ?? firstPreviousHash,
    };
    statement(
      db,
      `INSERT INTO audit_log (id, at, user_id, action, entity_type, entity_id, details, prev_hash, hash)
       VALUES (@id, @at, @userId, @action, @entityType, @entityId, @details, @prevHash, @hash)`,
    ).run({ ...row, hash: auditEntryHash(row) });
  });
  // On its own, the write lock is taken before the last link is read, so another process's entry
  // can't slip in between (which SQLite would report as busy rather than wait for).
  if (db.inTransaction) append();
  else append.immediate();
}

/** Whether this person's reading of this report and view is already recorded since `since`. */
export function viewedSince(
  db: Db,
  v: { userId: number; since: string; agency: string; period: string; view: string },
): boolean {
  return (
    statement(
      db,
      `SELECT 1 FROM audit_log WHERE action = 'view-report' AND user_id = ? AND at >= ?
       AND json_extract(details, '$.agency') = ? AND json_extract(details, '$.period') = ?
       AND json_extract(details, '$.view') = ? LIMIT 1`,
    ).get(v.userId, v.since, v.agency, v.period, v.view) !== undefined
  );
}

/**
 * Walks the chain over the entries from `fromId` to `toId` (the whole log by default), starting from
 * the link of the entry before `fromId`. Stops at the first broken link.
 */
export function verifyAuditChain(db: Db, range: { fromId?: number; toId?: number } = {}): ChainReport {
  const fromId = range.fromId ?? 1;
  const before = statement(db, 'SELECT id, hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1').get(
    fromId,
  ) as { id: number; hash: string } | undefined;
  const walk = new ChainWalk(before ?? null);
  const entries = statement(
    db,
    `SELECT ${chainedColumns} FROM audit_log WHERE id >= ? AND id <= ? ORDER BY id`,
  ).iterate(fromId, range.toId ?? Number.MAX_SAFE_INTEGER) as IterableIterator<ChainedEntry>;
  for (const entry of entries) if (!walk.add(entry)) break;
  return walk.report();
}

/** The hash stored for an entry, to compare with one written down earlier. */
export function getAuditHash(db: Db, id: number): string | undefined {
  return statement(db, 'SELECT hash FROM audit_log WHERE id = ?').pluck().get(id) as string | undefined;
}

export type AuditFilters = {
  action?: string;
  entityType?: string;
  userId?: number;
  /** From this day (`YYYY-MM-DD`, UTC), inclusive. */
  from?: string;
  /** To this day (`YYYY-MM-DD`, UTC), inclusive. */
  to?: string;
};

export type AuditLogRow = {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  /** The name of the agency the entry is about, if its details name one. */
  agencyName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  hash: string;
};

/** One page of the audit log, newest first, with the total number of entries the filters match. */
export function listAuditEntries(
  db: Db,
  filters: AuditFilters,
  page: { limit: number; offset: number },
): { total: number; entries: AuditLogRow[] } {
  const where = `WHERE (@action IS NULL OR a.action = @action)
      AND (@entityType IS NULL OR a.entity_type = @entityType)
      AND (@userId IS NULL OR a.user_id = @userId)
      AND (@from IS NULL OR a.at >= @from)
      AND (@to IS NULL OR a.at < date(@to, '+1 day'))`;
  const params = {
    action: filters.action ?? null,
    entityType: filters.entityType ?? null,
    userId: filters.userId ?? null,
    from: filters.from ?? null,
    to: filters.to ?? null,
  };
  const total = statement(db, `SELECT count(*) FROM audit_log a ${where}`).pluck().get(params) as number;
  const rows = statement(
    db,
    `SELECT a.id, a.at, a.user_id AS userId, u.name AS userName, o.name AS agencyName, a.action,
            a.entity_type AS entityType, a.entity_id AS entityId, a.details, a.hash
     FROM audit_log a
     LEFT JOIN users u ON u.id = a.user_id
     LEFT JOIN org_units o ON o.level = 'agency' AND o.code = json_extract(a.details, '$.agency')
     ${where}
     ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, ...page }) as Array<Omit<AuditLogRow, 'details'> & { details: string }>;
  return { total, entries: rows.map((row) => ({ ...row, details: JSON.parse(row.details) })) };
}

/** The actions, kinds of thing and people the log has entries for, to filter by. */
export function listAuditFacets(db: Db): {
  actions: string[];
  entityTypes: string[];
  users: Array<{ id: number; name: string }>;
} {
  return {
    actions: statement(db, 'SELECT DISTINCT action FROM audit_log ORDER BY action').pluck().all() as string[],
    entityTypes: statement(db, 'SELECT DISTINCT entity_type FROM audit_log ORDER BY entity_type')
      .pluck()
      .all() as string[],
    users: statement(
      db,
      `SELECT id, name FROM users WHERE id IN (SELECT DISTINCT user_id FROM audit_log) ORDER BY name`,
    ).all() as Array<{ id: number; name: string }>,
  };
}
