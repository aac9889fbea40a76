/**
 * Report history: generating a grant report as a background job and keeping it. A report is asked
 * for, kept as `rendering`, and made in the background one at a time per database (later requests
 * wait their turn): its figures built, then drawn as a PDF, a workbook and a CSV, and the three files
 * kept byte for byte with their SHA-256 in one transaction as it becomes `ready`. A failure keeps no
 * file and says why. Kept reports are listed, downloaded again unchanged, marked outdated when a
 * correction replaces a release they used, regenerated with today's releases and compared figure by
 * figure with the report they replace. Every confidential report made, previewed or downloaded is
 * in the audit log with who, what and why. No HTTP here.
 */
import { createHash } from 'node:crypto';
import type { Config } from '../../config';
import type { Db } from '../../db';
import { removedTextNote } from '../../domain/freeText';
import { periodLabel } from '../../domain/periods';
import { documentChanges, type FigureChange } from '../../domain/reportChanges';
import type { ReportDocument, ReportRequest } from '../../domain/reportDocument';
import { ApiError, badRequest, forbidden, notFound } from '../../errors';
import { canMakeConfidentialReports, canMakeReports, canViewConfidentialReports } from '../../permissions';
import { recordAudit } from '../../queries/audit';
import { getFreeText, getFreeTexts, insertFreeText } from '../../queries/freeTexts';
import {
  countRenderingReports,
  failRenderingReports,
  getReport,
  getReportFileBytes,
  getReportMaker,
  insertReport,
  insertReportFile,
  insertReportReleases,
  listReportFiles,
  listReportReleases,
  listReports,
  markReportFailed,
  markReportReady,
  type ReportFormat,
  type ReportRow,
  type ReportStatus,
} from '../../queries/reports';
import type { User } from '../../queries/users';
import { guardFreeText } from '../freeTexts';
import { defineJobKind, type JobContext, type JobProgress } from '../jobs';
import { reportChoices } from './choices';
import { renderCsv } from './csv';
import { buildReportDocument, checkReportRequest } from './document';
import { draftNarrativeIds, narrativeTexts } from './drafts';
import { reportHtml } from './html';
import { renderPdf } from './pdf';
import { reportSettings } from './settings';
import { renderXlsx } from './xlsx';

/** The longest purpose line a confidential report takes: a line, not a letter. */
export const maxPurposeLength = 300;

/** How many reports one person may have waiting or being made at once, so no one fills the line. */
export const maxReportsInLine = 3;

/** What a person asks for: the builder's choices, and a confidential report's purpose. */
export type ReportAsk = ReportRequest & { purpose?: string };

type FileSummary = { bytes: number; sha256: string; pages?: number };

/** A kept report as the history lists it. */
export type ReportSummary = {
  id: number;
  template: { code: string; name: string; version: number };
  period: { code: string; label: string };
  area: { code: string; name: string };
  kind: 'protected' | 'confidential';
  status: ReportStatus;
  progress: JobProgress | null;
  failure: string | null;
  createdBy: string;
  createdAt: string;
  purpose: string | null;
  releases: Array<{ id: number; period: string; sequence: number }>;
  files: { pdf: FileSummary; xlsx: FileSummary; csv: FileSummary } | null;
  pages: number | null;
  outdated: { replaced: Array<{ period: string; sequence: number; by: number }> } | null;
  regenerationOf: number | null;
  regeneratedAs: number | null;
  withdrawn: { at: string } | null;
};

const interruptedFailure =
  'The server stopped while this report was being made. Make it again: nothing of this attempt was kept.';

/** Why a report could not be made, in words: a refusal's own message, or what went wrong. */
function failureWords(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return `The report could not be made${detail}. Nothing of it was kept; try again, and tell the coalition’s administrator if it fails again.`;
}

/** Reports being made, by report id. */
const reportJobs = defineJobKind<number>({
  name: 'report',
  recordFailure: (db, reportId, error) => {
    if (!(error instanceof ApiError)) console.error(error);
    markReportFailed(db, { id: reportId, reason: failureWords(error), at: new Date().toISOString() });
  },
  failInterrupted: (db) => failRenderingReports(db, interruptedFailure, new Date().toISOString()),
});

/** The reports waiting their turn, and the end of the line, per database. */
type Queue = { waiting: number[]; tail: Promise<void> };
const queues = new WeakMap<Db, Queue>();

const stages = ['figures', 'PDF', 'workbook', 'CSV', 'keeping'] as const;

/** Puts a report in the line; it is made once every report asked for before it has been. */
function enqueue(db: Db, config: Config, reportId: number): void {
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: [], tail: Promise.resolve() };
    queues.set(db, queue);
  }
  const line = queue;
  line.waiting.push(reportId);
  line.tail = line.tail.then(async () => {
    line.waiting.splice(line.waiting.indexOf(reportId), 1);
    try {
      reportJobs.start(db, reportId, (job) => makeReport(db, config, reportId, job));
      await reportJobs.settled(db, reportId);
    } catch (error) {
      // Only if the job could not even start: the report must not stay rendering for ever.
      console.error(`report ${reportId} could not start:`, error);
      try {
        markReportFailed(db, { id: reportId, reason: failureWords(error), at: new Date().toISOString() });
      } catch (unrecorded) {
        // The database closed under it, say: start-up fails it as interrupted.
        console.error(`report ${reportId} could not be recorded as failed:`, unrecorded);
      }
    }
  });
}

/** Waits until every report asked for in this process has been made or has failed. */
export async function reportsSettled(db: Db): Promise<void> {
  await queues.get(db)?.tail;
}

/** Marks reports left rendering by a stopped process as failed; call once at start-up. */
export function failInterruptedReports(db: Db): number[] {
  return reportJobs.failInterrupted(db);
}

/** The document as kept: the words typed for it left out, since those are kept once as free texts. */
function documentToKeep(doc: ReportDocument): string {
  const { purpose: _purpose, ...rest } = doc;
  return JSON.stringify({
    ...rest,
    sections: doc.sections.map((section) =>
      section.kind === 'narrative' ? { ...section, text: '' } : section,
    ),
  });
}

/** A report's narratives as they print: one an admin removed prints as the note of its removal. */
function printedNarratives(db: Db, ids: Record<string, number>): Record<string, string> {
  const texts = getFreeTexts(db, Object.values(ids));
  return Object.fromEntries(
    Object.entries(ids).flatMap(([section, id]) => {
      const text = texts.get(id);
      if (!text) return [];
      return [[section, text.text ?? removedTextNote(text.redactedAt as string)]];
    }),
  );
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The background work of one report: figures, the three files, then keeping them. */
async function makeReport(db: Db, config: Config, reportId: number, job: JobContext): Promise<void> {
  const stage = (name: (typeof stages)[number]) =>
    job.report({ stage: name, done: stages.indexOf(name), total: stages.length });
  stage('figures');
  const report = getReport(db, reportId) as ReportRow;
  // The setting may have been switched off while this one waited its turn.
  if (report.kind === 'confidential' && !reportSettings(db).confidentialReports)
    throw new ApiError(
      403,
      'forbidden',
      'The coalition switched confidential reports off before this one was made, so it was not made. An admin can switch them on again in the report settings, then make it again.',
    );
  const maker = getReportMaker(db, report.createdBy);
  if (!maker)
    throw new ApiError(400, 'invalid-request', 'The person who asked for this report no longer exists.');
  const purpose = report.purposeId === null ? undefined : (getFreeText(db, report.purposeId)?.text ?? '');
  const doc = buildReportDocument(db, maker, requestOf(report), {
    narratives: printedNarratives(db, report.narrativeIds),
    purpose,
  });
  await job.yieldToEventLoop();
  stage('PDF');
  const pdf = await renderPdf(doc, { chromiumPath: config.chromiumPath });
  await job.yieldToEventLoop();
  stage('workbook');
  const xlsx = await renderXlsx(doc);
  await job.yieldToEventLoop();
  stage('CSV');
  const csv = Buffer.from(renderCsv(doc), 'utf8');
  await job.yieldToEventLoop();
  stage('keeping');
  db.transaction(() => {
    insertReportFile(db, {
      reportId,
      format: 'pdf',
      bytes: pdf.bytes,
      sha256: sha256(pdf.bytes),
      pages: pdf.pages,
    });
    insertReportFile(db, { reportId, format: 'xlsx', bytes: xlsx, sha256: sha256(xlsx), pages: null });
    insertReportFile(db, { reportId, format: 'csv', bytes: csv, sha256: sha256(csv), pages: null });
    insertReportReleases(
      db,
      reportId,
      doc.releases.map((r) => r.id),
    );
    markReportReady(db, {
      id: reportId,
      document: documentToKeep(doc),
      catalogVersion: doc.catalogVersion,
      audience: doc.audience,
      pages: pdf.pages,
      at: new Date().toISOString(),
    });
  })();
}

const requestOf = (report: ReportRow): ReportRequest => ({
  template: report.templateCode,
  period: report.periodCode,
  area: report.areaCode,
  kind: report.kind,
});

const refuseNonPerson = (user: User) => {
  if (!canMakeReports(user)) throw forbidden('Grant reports are made by people signed in, not API tokens.');
};

/** Refuses anything confidential (making, previewing, downloading) while the coalition has them off. */
function refuseWhileSwitchedOff(db: Db): void {
  if (!reportSettings(db).confidentialReports)
    throw forbidden(
      'The coalition has switched confidential reports off. An admin can switch them on again in the report settings.',
    );
}

/**
 * Refuses a confidential report to anyone but an admin, while the coalition has switched them off,
 * and without a purpose line; the purpose passes the personal-data guard. Returns the purpose.
 */
function checkConfidential(db: Db, user: User, purpose: string | undefined, now: Date): string {
  if (!canMakeConfidentialReports(user))
    throw forbidden(
      'Only coalition admins make confidential reports: they hold exact counts below the publication threshold.',
    );
  refuseWhileSwitchedOff(db);
  const line = purpose?.trim() ?? '';
  if (line === '')
    throw badRequest(
      'Say why this confidential report is needed, and for whom (for example “Semiannual report to our federal grant officer”): the purpose line is kept in the audit log.',
    );
  guardFreeText([{ field: 'purpose', place: 'The purpose', text: line, maxLength: maxPurposeLength }], now);
  return line;
}

/**
 * What a person asks for, refused to an API token, with a confidential report's purpose checked (an
 * admin, the setting on, a purpose line the guard accepts).
 */
function askedBy(db: Db, user: User, ask: ReportAsk, now: Date) {
  refuseNonPerson(user);
  const request: ReportRequest = {
    template: ask.template,
    period: ask.period,
    area: ask.area,
    kind: ask.kind,
  };
  const purpose = request.kind === 'confidential' ? checkConfidential(db, user, ask.purpose, now) : undefined;
  return { request, purpose };
}

/**
 * Checks what a report is asked for against what can be made now, before anything is kept: what
 * its template accepts (`checkReportRequest`), and a period a report of its kind can be made for.
 */
function checkRequest(db: Db, user: User, request: ReportRequest) {
  const { template, area } = checkReportRequest(db, user, request);
  const period = reportChoices(db, user, request.template).periods.find((p) => p.code === request.period);
  if (request.kind === 'protected' && !period?.protected)
    throw badRequest(
      `A protected ${template.name} can't be made for ${periodLabel(request.period)} yet: its figures have not been published. Choose a published period, or publish this one first.`,
    );
  if (request.kind === 'confidential' && !period?.confidential)
    throw badRequest(
      `A confidential ${template.name} can't be made for ${periodLabel(request.period)}: not every quarter of it has an approved report yet.`,
    );
  return { template, area };
}

/**
 * Asks for a report: checks it, keeps it as rendering with the person's draft narratives (or, for a
 * regeneration, the narratives of the report it remakes) and puts it in the line to be made. A
 * confidential report is recorded in the audit log with who, what and why. Returns its id.
 */
function askForReport(
  db: Db,
  config: Config,
  user: User,
  ask: ReportAsk,
  now: Date,
  remake?: { of: ReportRow },
): { id: number } {
  const { request, purpose } = askedBy(db, user, ask, now);
  const { template, area } = checkRequest(db, user, request);
  if (countRenderingReports(db, user.id) >= maxReportsInLine)
    throw new ApiError(
      429,
      'too-many-reports',
      `You already have ${maxReportsInLine} reports waiting or being made. Wait for one of them to finish, then ask again.`,
    );
  const id = db.transaction(() => {
    const at = now.toISOString();
    const purposeId =
      purpose === undefined ? null : insertFreeText(db, { text: purpose, userId: user.id, at });
    const reportId = insertReport(db, {
      templateCode: template.code,
      templateName: template.name,
      templateVersion: template.version,
      periodCode: request.period,
      areaCode: area.code,
      areaName: area.name,
      kind: request.kind,
      request,
      narrativeIds: remake ? remake.of.narrativeIds : draftNarrativeIds(db, user, request),
      purposeId,
      createdBy: user.id,
      createdAt: at,
      regenerationOf: remake?.of.id ?? null,
    });
    if (purposeId !== null)
      recordAudit(db, {
        at,
        userId: user.id,
        action: 'make-confidential-report',
        entityType: 'report',
        entityId: reportId,
        details: {
          template: template.code,
          templateName: template.name,
          period: request.period,
          area: area.code,
          areaName: area.name,
          purposeId,
          ...(remake ? { regenerationOf: remake.of.id } : {}),
        },
      });
    return reportId;
  })();
  enqueue(db, config, id);
  return { id };
}

/** Asks for a report to be made in the background; answers at once with its id. */
export function startReport(db: Db, config: Config, user: User, ask: ReportAsk, now: Date): { id: number } {
  return askForReport(db, config, user, ask, now);
}

/**
 * The report page as it will print, with the person's saved draft narratives: the builder's preview.
 * A confidential preview needs what a confidential report needs, and is recorded in the audit log.
 */
export function previewReport(db: Db, user: User, ask: ReportAsk, now: Date): string {
  const { request, purpose } = askedBy(db, user, ask, now);
  const doc = buildReportDocument(db, user, request, {
    narratives: narrativeTexts(db, draftNarrativeIds(db, user, request)),
    purpose,
    now,
  });
  if (purpose !== undefined)
    db.transaction(() => {
      const at = now.toISOString();
      const purposeId = insertFreeText(db, { text: purpose, userId: user.id, at });
      recordAudit(db, {
        at,
        userId: user.id,
        action: 'preview-confidential-report',
        entityType: 'report-template',
        entityId: request.template,
        details: {
          template: request.template,
          templateName: doc.template.name,
          period: request.period,
          area: request.area,
          areaName: doc.area.name,
          purposeId,
        },
      });
    })();
  return reportHtml(doc);
}

/** A kept report this person may see: confidential ones are for admins only (others get a 404). */
function visibleReport(db: Db, user: User, id: number): ReportRow {
  refuseNonPerson(user);
  const report = getReport(db, id);
  if (!report || (report.kind === 'confidential' && !canViewConfidentialReports(user)))
    throw notFound('There is no report with that number you can see.');
  return report;
}

/** Rows grouped by the report they belong to. */
function byReport<Row extends { reportId: number }>(rows: readonly Row[]): Map<number, Row[]> {
  const grouped = new Map<number, Row[]>();
  for (const row of rows) grouped.set(row.reportId, [...(grouped.get(row.reportId) ?? []), row]);
  return grouped;
}

/** The history's view of some reports: their releases, files, progress and whether they are outdated. */
function summaries(db: Db, reports: readonly ReportRow[]): ReportSummary[] {
  const ids = reports.map((r) => r.id);
  const releases = byReport(listReportReleases(db, ids));
  const files = byReport(listReportFiles(db, ids));
  const waiting = queues.get(db)?.waiting ?? [];
  return reports.map((report) => {
    const used = releases.get(report.id) ?? [];
    const kept = new Map((files.get(report.id) ?? []).map((f) => [f.format, f]));
    const file = (format: ReportFormat): FileSummary => {
      const f = kept.get(format);
      return { bytes: f?.size ?? 0, sha256: f?.sha256 ?? '', ...(f?.pages ? { pages: f.pages } : {}) };
    };
    const replaced = used.flatMap((r) =>
      r.replacedBy === null ? [] : [{ period: r.period, sequence: r.sequence, by: r.replacedBy }],
    );
    const purpose = report.purposeId === null ? null : getFreeText(db, report.purposeId);
    const progress =
      report.status !== 'rendering'
        ? null
        : (reportJobs.progress(db, report.id) ??
          (waiting.includes(report.id) ? { stage: 'waiting', done: 0, total: stages.length } : null));
    return {
      id: report.id,
      template: { code: report.templateCode, name: report.templateName, version: report.templateVersion },
      period: { code: report.periodCode, label: periodLabel(report.periodCode) },
      area: { code: report.areaCode, name: report.areaName },
      kind: report.kind,
      status: report.status,
      progress,
      failure: report.failureReason,
      createdBy: report.createdByName,
      createdAt: report.createdAt,
      purpose: purpose ? (purpose.text ?? removedTextNote(purpose.redactedAt as string)) : null,
      releases: used.map(({ id, period, sequence }) => ({ id, period, sequence })),
      files: kept.size > 0 ? { pdf: file('pdf'), xlsx: file('xlsx'), csv: file('csv') } : null,
      pages: report.pages,
      outdated: replaced.length > 0 ? { replaced } : null,
      regenerationOf: report.regenerationOf,
      regeneratedAs: report.regeneratedAs,
      withdrawn: report.withdrawnAt === null ? null : { at: report.withdrawnAt },
    };
  });
}

/** Every kept report this person may see, newest first: confidential ones for admins only. */
export function listReportSummaries(db: Db, user: User): ReportSummary[] {
  refuseNonPerson(user);
  return summaries(db, listReports(db, canViewConfidentialReports(user)));
}

export function reportSummary(db: Db, user: User, id: number): ReportSummary {
  return summaries(db, [visibleReport(db, user, id)])[0] as ReportSummary;
}

const contentTypes: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * A kept file, byte for byte as it was made, with its download name
 * (`scope-federal_semiannual-2025H2-coalition-protected-12.pdf`). A confidential report's download
 * is recorded in the audit log with who, what and why.
 */
export function reportFile(
  db: Db,
  user: User,
  id: number,
  format: ReportFormat,
  now: Date,
): { filename: string; contentType: string; bytes: Buffer } {
  const report = visibleReport(db, user, id);
  if (report.withdrawnAt !== null)
    throw new ApiError(
      410,
      'report-withdrawn',
      `This report was withdrawn on ${report.withdrawnAt.slice(0, 10)} because ${report.withdrawalReason}. Regenerate it to make it again without that text.`,
    );
  if (report.kind === 'confidential') refuseWhileSwitchedOff(db);
  if (report.status !== 'ready')
    throw new ApiError(
      409,
      'report-not-ready',
      report.status === 'failed'
        ? 'This report failed, so it has no files. Make it again.'
        : 'This report is still being made; its files are ready when its status is ready.',
    );
  const bytes = getReportFileBytes(db, id, format) as Buffer;
  if (report.kind === 'confidential')
    recordAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'download-confidential-report',
      entityType: 'report',
      entityId: id,
      details: {
        template: report.templateCode,
        templateName: report.templateName,
        period: report.periodCode,
        area: report.areaCode,
        areaName: report.areaName,
        purposeId: report.purposeId,
        format,
      },
    });
  const area = report.areaCode.toLowerCase();
  return {
    filename: `scope-${report.templateCode}-${report.periodCode}-${area}-${report.kind}-${id}.${format}`,
    contentType: contentTypes[format],
    bytes,
  };
}

/**
 * Makes a report again with today's releases: the same choices and narratives, as a new report that
 * names the one it remakes. A confidential one needs an admin, the setting still on, and the
 * regenerating admin's own purpose line (kept and audited as theirs, not the first maker's).
 */
export function regenerateReport(
  db: Db,
  config: Config,
  user: User,
  id: number,
  purpose: string | undefined,
  now: Date,
): { id: number } {
  const report = visibleReport(db, user, id);
  if (report.status === 'rendering')
    throw new ApiError(
      409,
      'report-not-ready',
      'This report is still being made: wait for it before making it again.',
    );
  return askForReport(db, config, user, { ...requestOf(report), purpose }, now, { of: report });
}

/** The figures that changed between a report and the report it regenerated. */
export function reportChanges(db: Db, user: User, id: number): { against: number; changes: FigureChange[] } {
  const report = visibleReport(db, user, id);
  if (report.regenerationOf === null)
    throw new ApiError(
      409,
      'not-a-regeneration',
      'This report was not made again from an earlier one, so there is nothing to compare it with.',
    );
  const earlier = getReport(db, report.regenerationOf) as ReportRow;
  if (report.document === null || earlier.document === null)
    throw new ApiError(
      409,
      'report-not-ready',
      'Both reports must be ready to compare them: this one or the one it remakes is still being made, or failed.',
    );
  return {
    against: earlier.id,
    changes: documentChanges(
      JSON.parse(earlier.document) as ReportDocument,
      JSON.parse(report.document) as ReportDocument,
    ),
  };
}
