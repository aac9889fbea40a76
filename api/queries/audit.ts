import { type Db, statement } from '../db';

export type AuditEntry = {
  userId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
  /** When it happened; defaults to now. The demo generator back-dates its history. */
  at?: string;
};

/** Appends one entry to the audit log (which refuses updates and deletes). */
export function recordAudit(db: Db, entry: AuditEntry): void {
  statement(
    db,
    `INSERT INTO audit_log (at, user_id, action, entity_type, entity_id, details)
     VALUES (coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?, ?, ?, ?, ?)`,
  ).run(
    entry.at ?? null,
    entry.userId,
    entry.action,
    entry.entityType,
    entry.entityId == null ? null : String(entry.entityId),
    JSON.stringify(entry.details ?? {}),
  );
}
