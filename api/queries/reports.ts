import { type Db, statement } from '../db';
import type { User } from './users';

// ---- Drafts ----------------------------------------------------------------------------------------

/** Which report a draft is for: one person's narratives for a template, period and area. */
export type DraftKey = { userId: number; template: string; period: string; area: string };

/** A person's saved narratives for a report, by section code, as free text ids. */
export function getReportDraft(
  db: Db,
  key: DraftKey,
): { narrativeIds: Record<string, number>; updatedAt: string } | undefined {
  const row = statement(
    db,
    `SELECT narrative_ids AS narrativeIds, updated_at AS updatedAt FROM report_drafts
     WHERE user_id = ? AND template_code = ? AND period_code = ? AND area_code = ?`,
  ).get(key.userId, key.template, key.period, key.area) as
    | { narrativeIds: string; updatedAt: string }
    | undefined;
  return row && { narrativeIds: JSON.parse(row.narrativeIds), updatedAt: row.updatedAt };
}

export function saveReportDraft(
  db: Db,
  key: DraftKey,
  draft: { narrativeIds: Record<string, number>; at: string },
): void {
  statement(
    db,
    `INSERT INTO report_drafts (user_id, template_code, period_code, area_code, narrative_ids, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, template_code, period_code, area_code)
     DO UPDATE SET narrative_ids = excluded.narrative_ids, updated_at = excluded.updated_at`,
  ).run(key.userId, key.template, key.period, key.area, JSON.stringify(draft.narrativeIds), draft.at);
}

/**
 * Forgets narrative texts nothing refers to any more (rewritten or cleared in a draft before any
 * report used them), so no copy is left where no admin could find and remove it. A removed one stays:
 * the audit log's record of its removal names it.
 */
export function deleteUnusedNarrativeTexts(db: Db, ids: Iterable<number>): void {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  statement(
    db,
    `DELETE FROM free_texts WHERE id IN (SELECT value FROM json_each(?)) AND redacted_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM report_drafts d, json_each(d.narrative_ids) j WHERE j.value = free_texts.id)
     AND NOT EXISTS (SELECT 1 FROM reports r, json_each(r.narrative_ids) j WHERE j.value = free_texts.id)`,
  ).run(JSON.stringify(unique));
}

// ---- Reports ---------------------------------------------------------------------------------------

export type ReportStatus = 'rendering' | 'ready' | 'failed';
export type ReportFormat = 'pdf' | 'xlsx' | 'csv';
export const reportFormats = ['pdf', 'xlsx', 'csv'] as const satisfies readonly ReportFormat[];

/** A kept report as stored: what was asked for, how it ended, and its document once ready. */
export type ReportRow = {
  id: number;
  templateCode: string;
  templateName: string;
  templateVersion: number;
  periodCode: string;
  areaCode: string;
  areaName: string;
  kind: 'protected' | 'confidential';
  narrativeIds: Record<string, number>;
  purposeId: number | null;
  catalogVersion: string | null;
  document: string | null;
  pages: number | null;
  status: ReportStatus;
  failureReason: string | null;
  createdBy: number;
  createdByName: string;
  createdAt: string;
  regenerationOf: number | null;
  regeneratedAs: number | null;
  /** When an admin removed a text it printed, and its files with it. */
  withdrawnAt: string | null;
  withdrawalReason: string | null;
};

const reportColumns = `r.id, r.template_code AS templateCode, r.template_name AS templateName,
  r.template_version AS templateVersion, r.period_code AS periodCode, r.area_code AS areaCode,
  r.area_name AS areaName, r.kind, r.narrative_ids AS narrativeIds, r.purpose_id AS purposeId,
  r.catalog_version AS catalogVersion, r.pages, r.status, r.failure_reason AS failureReason,
  r.created_by AS createdBy, u.name AS createdByName, r.created_at AS createdAt,
  r.regeneration_of AS regenerationOf, r.withdrawn_at AS withdrawnAt,
  r.withdrawal_reason AS withdrawalReason,
  (SELECT max(n.id) FROM reports n WHERE n.regeneration_of = r.id) AS regeneratedAs`;
const reportFrom = 'FROM reports r JOIN users u ON u.id = r.created_by';

type StoredReportRow = Omit<ReportRow, 'narrativeIds' | 'document'> & { narrativeIds: string };
const toReport = (row: StoredReportRow, document: string | null = null): ReportRow => ({
  ...row,
  narrativeIds: JSON.parse(row.narrativeIds),
  document,
});

/** Adds a report as rendering; returns its id. */
export function insertReport(
  db: Db,
  r: Pick<
    ReportRow,
    | 'templateCode'
    | 'templateName'
    | 'templateVersion'
    | 'periodCode'
    | 'areaCode'
    | 'areaName'
    | 'kind'
    | 'narrativeIds'
    | 'purposeId'
    | 'createdBy'
    | 'createdAt'
    | 'regenerationOf'
  > & { request: unknown },
): number {
  return Number(
    statement(
      db,
      `INSERT INTO reports (template_code, template_name, template_version, period_code, area_code, area_name,
         kind, request, narrative_ids, purpose_id, created_by, created_at, regeneration_of)
       VALUES (@templateCode, @templateName, @templateVersion, @periodCode, @areaCode, @areaName,
         @kind, @request, @narrativeIds, @purposeId, @createdBy, @createdAt, @regenerationOf)`,
    ).run({ ...r, request: JSON.stringify(r.request), narrativeIds: JSON.stringify(r.narrativeIds) })
      .lastInsertRowid,
  );
}

/** Every report, newest first, without documents; confidential ones only when `withConfidential`. */
export function listReports(db: Db, withConfidential: boolean): ReportRow[] {
  const rows = statement(
    db,
    `SELECT ${reportColumns} ${reportFrom} WHERE ? OR r.kind = 'protected' ORDER BY r.id DESC`,
  ).all(withConfidential ? 1 : 0) as StoredReportRow[];
  return rows.map((row) => toReport(row));
}

/** One report with its document. */
export function getReport(db: Db, id: number): ReportRow | undefined {
  const row = statement(db, `SELECT ${reportColumns}, r.document ${reportFrom} WHERE r.id = ?`).get(id) as
    | (StoredReportRow & { document: string | null })
    | undefined;
  return row && toReport(row, row.document);
}

/** How many of a person's reports are waiting or being made. */
export function countRenderingReports(db: Db, userId: number): number {
  return statement(db, `SELECT count(*) FROM reports WHERE created_by = ? AND status = 'rendering'`)
    .pluck()
    .get(userId) as number;
}

/** Ends a rendering report as ready with what it was drawn from; false if it was not rendering. */
export function markReportReady(
  db: Db,
  r: {
    id: number;
    document: string;
    catalogVersion: string;
    audience: string | null;
    pages: number;
    at: string;
  },
): boolean {
  return (
    statement(
      db,
      `UPDATE reports SET status = 'ready', document = @document, catalog_version = @catalogVersion,
         audience = @audience, pages = @pages, finished_at = @at
       WHERE id = @id AND status = 'rendering'`,
    ).run(r).changes === 1
  );
}

/** Ends a rendering report as failed, saying why. */
export function markReportFailed(db: Db, r: { id: number; reason: string; at: string }): void {
  statement(
    db,
    `UPDATE reports SET status = 'failed', failure_reason = ?, finished_at = ? WHERE id = ? AND status = 'rendering'`,
  ).run(r.reason, r.at, r.id);
}

/** Fails every report still rendering (left so by a stopped process); returns their ids. */
export function failRenderingReports(db: Db, reason: string, at: string): number[] {
  return (
    statement(
      db,
      `UPDATE reports SET status = 'failed', failure_reason = ?, finished_at = ? WHERE status = 'rendering'
       RETURNING id`,
    ).all(reason, at) as Array<{ id: number }>
  ).map((row) => row.id);
}

/**
 * Withdraws every report that prints a free text an admin is removing, in the removal's transaction:
 * a finished one is marked withdrawn and its files deleted (their bytes hold the text); one still
 * being made fails, so its files are never kept. Returns the withdrawn reports' ids.
 */
export function withdrawReportsPrinting(
  db: Db,
  r: { textId: number; reason: string; failure: string; at: string },
): number[] {
  const printing = `(purpose_id = @textId
    OR EXISTS (SELECT 1 FROM json_each(narrative_ids) j WHERE j.value = @textId))`;
  statement(
    db,
    `UPDATE reports SET status = 'failed', failure_reason = @failure, finished_at = @at
     WHERE status = 'rendering' AND ${printing}`,
  ).run(r);
  const withdrawn = (
    statement(
      db,
      `UPDATE reports SET withdrawn_at = @at, withdrawal_reason = @reason
       WHERE withdrawn_at IS NULL AND ${printing} RETURNING id`,
    ).all(r) as Array<{ id: number }>
  ).map((row) => row.id);
  statement(db, 'DELETE FROM report_files WHERE report_id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(withdrawn),
  );
  return withdrawn;
}

export function insertReportFile(
  db: Db,
  f: { reportId: number; format: ReportFormat; bytes: Buffer; sha256: string; pages: number | null },
): void {
  statement(
    db,
    `INSERT INTO report_files (report_id, format, bytes, sha256, size, pages)
     VALUES (@reportId, @format, @bytes, @sha256, @size, @pages)`,
  ).run({ ...f, size: f.bytes.length });
}

export type ReportFileInfo = {
  reportId: number;
  format: ReportFormat;
  sha256: string;
  size: number;
  pages: number | null;
};

/** The files of these reports, without their bytes. */
export function listReportFiles(db: Db, reportIds: readonly number[]): ReportFileInfo[] {
  if (reportIds.length === 0) return [];
  return statement(
    db,
    `SELECT report_id AS reportId, format, sha256, size, pages FROM report_files
     WHERE report_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(reportIds)) as ReportFileInfo[];
}

/** A kept file's bytes, exactly as stored. */
export function getReportFileBytes(db: Db, reportId: number, format: ReportFormat): Buffer | undefined {
  return statement(db, 'SELECT bytes FROM report_files WHERE report_id = ? AND format = ?')
    .pluck()
    .get(reportId, format) as Buffer | undefined;
}

export function insertReportReleases(db: Db, reportId: number, releaseIds: readonly number[]): void {
  const insert = statement(db, 'INSERT OR IGNORE INTO report_releases (report_id, release_id) VALUES (?, ?)');
  for (const releaseId of releaseIds) insert.run(reportId, releaseId);
}

/**
 * The releases these reports used, with each one's quarter and sequence, and, for one since replaced
 * by a correction, the sequence of the release of its quarter now published.
 */
export function listReportReleases(
  db: Db,
  reportIds: readonly number[],
): Array<{ reportId: number; id: number; period: string; sequence: number; replacedBy: number | null }> {
  if (reportIds.length === 0) return [];
  return statement(
    db,
    `SELECT rr.report_id AS reportId, r.id, p.code AS period, r.sequence,
       CASE WHEN r.status = 'superseded' THEN
         (SELECT n.sequence FROM releases n WHERE n.period_id = r.period_id AND n.status = 'published'
          ORDER BY n.sequence DESC LIMIT 1)
       END AS replacedBy
     FROM report_releases rr JOIN releases r ON r.id = rr.release_id
     JOIN reporting_periods p ON p.id = r.period_id
     WHERE rr.report_id IN (SELECT value FROM json_each(?))
     ORDER BY p.code, r.sequence`,
  ).all(JSON.stringify(reportIds)) as Array<{
    reportId: number;
    id: number;
    period: string;
    sequence: number;
    replacedBy: number | null;
  }>;
}

/** The person who asked for a report, as the services see them: whom its document is made as. */
export function getReportMaker(db: Db, id: number): User | undefined {
  return statement(db, 'SELECT id, email, name, role, agency_id AS agencyId FROM users WHERE id = ?').get(
    id,
  ) as User | undefined;
}

// ---- The setting -----------------------------------------------------------------------------------

const confidentialKey = 'confidential_reports';

/** Whether the coalition allows confidential reports, as stored ('true' or 'false'), if an admin set it. */
export function getConfidentialReportsSetting(db: Db): string | undefined {
  return statement(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(confidentialKey) as
    | string
    | undefined;
}

export function setConfidentialReportsSetting(db: Db, value: string): void {
  statement(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(confidentialKey, value);
}
