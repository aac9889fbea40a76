/**
 * An agency's quarterly submission: reading it, saving the draft, submitting, reviewing and uploading.
 * Each function authorises, validates and writes in one transaction, so a refused request changes
 * nothing. No HTTP here: routes turn requests into these calls.
 */
import type { Db } from '../db';
import type { Catalog } from '../domain/catalog';
import { cellLabel, parseCellKey, sectionsFor } from '../domain/catalog';
import { type Clock, todayOf } from '../domain/clock';
import { entryWindow, hasNotEnded, notOpenYetMessage } from '../domain/entry';
import { previousPeriod } from '../domain/periods';
import { repeatableName } from '../domain/pii';
import { buildTemplate, maxCount, readUpload } from '../domain/upload';
import { blockingFindings, type Finding, validateQuarter } from '../domain/validation';
import { ApiError, firstProblems, forbidden, notFound } from '../errors';
import {
  canCopyPreviousQuarter,
  canEditSubmission,
  canReopenSubmission,
  canReplyToReturn,
  canReviewSubmission,
  canViewSubmission,
  isAdmin,
} from '../permissions';
import { recordAudit } from '../queries/audit';
import { type CellIndex, currentCatalogVersionId } from '../queries/catalog';
import { upsertDataValues } from '../queries/dataValues';
import { deleteUnusedDraftTexts, type FreeText, insertFreeText } from '../queries/freeTexts';
import { type Agency, getAgencyByCode } from '../queries/orgUnits';
import { getPeriodByCode, type ReportingPeriod } from '../queries/periods';
import { getDraftValues, getElementHistory, getRevisionValues } from '../queries/raw/agencyValues';
import {
  deleteDataValues,
  getStandingRevision,
  getSubmissionState,
  insertReview,
  insertRevision,
  insertSubmission,
  listAgencyQuarters,
  listRevisions,
  type SubmissionState,
  setCopiedFromPeriod,
  setDraftReply,
  updateDraft,
} from '../queries/submissions';
import type { User } from '../queries/users';
import { catalogVersion, noCatalog } from './catalog';
import { withEntryWindows } from './entry';
import { type FreeTextField, guardFreeText } from './freeTexts';

type Context = {
  agency: Agency;
  period: ReportingPeriod;
  state: SubmissionState | undefined;
  catalogVersionId: number;
  catalog: Catalog;
  cells: CellIndex;
};

const noSuchAgency = () => notFound('There is no agency with that code that you can see.');

function load(db: Db, user: User, agencyCode: string, periodCode: string): Context {
  const agency = getAgencyByCode(db, agencyCode);
  if (!agency || !canViewSubmission(user, agency)) throw noSuchAgency();
  const period = getPeriodByCode(db, periodCode);
  if (!period) throw notFound(`There is no reporting period ${periodCode}.`);
  const state = getSubmissionState(db, agency.id, period.id);
  const catalogVersionId = state?.catalogVersionId ?? currentCatalogVersionId(db);
  if (catalogVersionId === undefined) throw noCatalog();
  return { agency, period, state, catalogVersionId, ...catalogVersion(db, catalogVersionId) };
}

const statusOf = (ctx: Context): SubmissionState['status'] | 'not_started' =>
  ctx.state?.status ?? 'not_started';

function submissionContext(ctx: Context, today: string) {
  return {
    agency: ctx.agency,
    status: statusOf(ctx),
    periodOpen: entryWindow(ctx.period, today).open,
    reopened: ctx.state?.reopened ?? false,
  };
}

function permissionsFor(user: User, ctx: Context, today: string) {
  const s = submissionContext(ctx, today);
  const edit = canEditSubmission(user, s);
  return {
    edit,
    submit: edit,
    review: canReviewSubmission(user, s),
    reopen: canReopenSubmission(user, s),
    reply: edit && s.status === 'returned' && canReplyToReturn(user, ctx.agency),
  };
}

/** Why this user may not change this submission, as the error to answer with. */
function refusalToEdit(user: User, ctx: Context, today: string): ApiError {
  if (user.role !== 'reporter' || user.agencyId !== ctx.agency.id)
    return forbidden(`Only ${ctx.agency.name}'s reporters can change its numbers.`);
  const status = statusOf(ctx);
  if (status === 'submitted')
    return new ApiError(
      409,
      'submission-locked',
      'This report has been submitted and is waiting for review, so it is locked.',
    );
  if (status === 'approved')
    return new ApiError(
      409,
      'submission-locked',
      'This report has been approved and is locked. Ask a coalition admin to reopen it.',
    );
  if (ctx.period.open && hasNotEnded(ctx.period, today))
    return new ApiError(403, 'period-not-open-yet', notOpenYetMessage(ctx.period));
  return new ApiError(
    403,
    'period-closed',
    `${ctx.period.code} is closed for entry. Ask a coalition admin if a correction is needed.`,
  );
}

/** The agency's totals in earlier approved quarters, read once per request. */
const histories = new WeakMap<Context, Map<string, number[]>>();
function historyOf(db: Db, ctx: Context): Map<string, number[]> {
  let history = histories.get(ctx);
  if (!history) {
    history = getElementHistory(db, ctx.agency.id, ctx.period.code);
    histories.set(ctx, history);
  }
  return history;
}

function findingsFor(db: Db, ctx: Context, values: ReadonlyMap<string, number>): Finding[] {
  return validateQuarter({
    catalog: ctx.catalog,
    agencyType: ctx.agency.type,
    values,
    history: historyOf(db, ctx),
  });
}

/** A report nothing has been entered in yet: never submitted, and no counts in its draft. */
const isEmptyReport = (ctx: Context, values: ReadonlyMap<string, number>) =>
  (ctx.state?.latestRevision ?? 0) === 0 && values.size === 0;

/**
 * The quarter this user may start this report from: the one before, when the report is empty, they
 * may copy into it, and the agency's report for that quarter stands (submitted or approved).
 */
function copyOffer(
  db: Db,
  user: User,
  ctx: Context,
  values: ReadonlyMap<string, number>,
  today: string,
): string | null {
  if (!canCopyPreviousQuarter(user, submissionContext(ctx, today)) || !isEmptyReport(ctx, values))
    return null;
  const previous = previousPeriod(ctx.period.code);
  return getStandingRevision(db, ctx.agency.id, previous) ? previous : null;
}

function detail(db: Db, user: User, ctx: Context, today: string) {
  const values = ctx.state ? getDraftValues(db, ctx.state.id) : new Map<string, number>();
  return {
    agency: { code: ctx.agency.code, name: ctx.agency.name, type: ctx.agency.type },
    period: {
      code: ctx.period.code,
      startDate: ctx.period.startDate,
      endDate: ctx.period.endDate,
      deadline: ctx.period.deadline,
      ...entryWindow(ctx.period, today),
    },
    status: statusOf(ctx),
    revision: ctx.state?.latestRevision ?? 0,
    late: ctx.state?.late ?? false,
    submittedAt: ctx.state?.submittedAt ?? null,
    updatedAt: ctx.state?.updatedAt ?? null,
    returnComment: ctx.state?.returnComment ?? null,
    catalogVersionId: ctx.catalogVersionId,
    values: Object.fromEntries(values),
    explanations: wordsOf(ctx.state?.draftExplanations ?? {}),
    reply: ctx.state?.draftReply?.text ?? null,
    copiedFromPeriod: ctx.state?.copiedFromPeriod ?? null,
    copyFrom: copyOffer(db, user, ctx, values, today),
    history: Object.fromEntries(historyOf(db, ctx)),
    findings: findingsFor(db, ctx, values),
    permissions: permissionsFor(user, ctx, today),
  };
}

export type SubmissionDetail = ReturnType<typeof detail>;

/** An agency's quarter as the form shows it. */
export function getSubmissionDetail(
  db: Db,
  user: User,
  agencyCode: string,
  periodCode: string,
  clock: Clock,
): SubmissionDetail {
  return detail(db, user, load(db, user, agencyCode, periodCode), todayOf(clock));
}

const isoNow = (now: Date) => now.toISOString();

/**
 * The draft's explanations as the form shows them. One an admin removed is left out, so its warning
 * asks for an explanation again rather than counting a removal note as one.
 */
function wordsOf(explanations: Record<string, FreeText>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(explanations).flatMap(([code, t]) => (t.text === null ? [] : [[code, t.text]])),
  );
}

/** The warning codes this agency's form can show, and so the only ones an explanation may be kept for. */
function explainableCodes(ctx: Context): Set<string> {
  const sections = sectionsFor(ctx.catalog, ctx.agency.type);
  return new Set([
    ...ctx.catalog.validationRules.filter((r) => r.severity === 'warning').map((r) => r.code),
    ...sections.flatMap((s) => s.elements.map((e) => `outlier.${e.code}`)),
  ]);
}

/**
 * Refuses explanations of anything but a warning this form can show, and explanations that look like
 * personal data, before anything is written.
 */
function checkExplanations(
  ctx: Context,
  explanations: Record<string, string | null> | undefined,
  now: Date,
): void {
  const known = explainableCodes(ctx);
  // Clearing one is always allowed: a draft may hold an explanation for a check since retired.
  const unknown = Object.entries(explanations ?? {})
    .filter(([code, text]) => text !== null && !known.has(code))
    .map(([code]) => code);
  if (unknown.length > 0)
    throw new ApiError(
      400,
      'invalid-request',
      `${unknown.length === 1 ? 'One explanation is' : `${unknown.length} explanations are`} not for a warning on this form, so ${unknown.length === 1 ? 'it' : 'they'} can't be kept. Explain only the warnings the form shows.`,
      // A few are enough to find the mistake; thousands of made-up keys don't come back.
      unknown.slice(0, 20).map((code) => ({
        field: repeatableName(code, now),
        message: 'This is not the code of a warning on this form.',
      })),
    );
  guardFreeText(
    Object.entries(explanations ?? {}).map(
      ([code, text]): FreeTextField => ({ field: code, place: 'This explanation', text }),
    ),
    now,
  );
}

/** Cells an agency of this type reports, by key → ids. */
function reportableCell(ctx: Context, key: string) {
  const cell = ctx.cells.get(key);
  if (!cell) return undefined;
  const { element } = parseCellKey(key);
  const reports = sectionsFor(ctx.catalog, ctx.agency.type).some((s) =>
    s.elements.some((e) => e.code === element),
  );
  return reports ? cell : undefined;
}

function startDraftIfNeeded(db: Db, user: User, ctx: Context, now: Date): number {
  if (ctx.state) return ctx.state.id;
  const id = insertSubmission(db, {
    agencyId: ctx.agency.id,
    periodId: ctx.period.id,
    catalogVersionId: ctx.catalogVersionId,
    userId: user.id,
    at: isoNow(now),
  });
  recordAudit(db, {
    at: isoNow(now),
    userId: user.id,
    action: 'start',
    entityType: 'submission',
    entityId: id,
    details: {
      agency: ctx.agency.code,
      period: ctx.period.code,
      ...(user.tokenId ? { tokenId: user.tokenId } : {}),
    },
  });
  return id;
}

/** Writes cell changes and explanations into the draft. Assumes everything was checked. */
function writeDraft(
  db: Db,
  user: User,
  ctx: Context,
  changes: ReadonlyMap<string, number | null>,
  explanations: Record<string, string | null> | undefined,
  now: Date,
): void {
  const submissionId = startDraftIfNeeded(db, user, ctx, now);
  const sets: Array<{ submissionId: number; elementId: number; cocId: number; value: number }> = [];
  const clears: Array<{ elementId: number; cocId: number }> = [];
  for (const [key, value] of changes) {
    const cell = ctx.cells.get(key) as { elementId: number; cocId: number };
    if (value === null) clears.push(cell);
    else sets.push({ submissionId, ...cell, value });
  }
  upsertDataValues(db, sets);
  deleteDataValues(db, submissionId, clears);
  const current = ctx.state?.draftExplanations ?? {};
  updateDraft(db, {
    submissionId,
    userId: user.id,
    at: isoNow(now),
    explanationIds: mergeExplanations(db, user, current, explanations, now),
    status: ctx.state?.status === 'returned' ? 'returned' : 'draft',
  });
  deleteUnusedDraftTexts(
    db,
    submissionId,
    Object.values(current).map((t) => t.id),
  );
}

/**
 * The draft's explanations after a change, as kept text ids: an unchanged one keeps its text, a new
 * or reworded one is kept as a new text, an empty one is dropped, and so is one an admin removed.
 */
function mergeExplanations(
  db: Db,
  user: User,
  current: Record<string, FreeText>,
  given: Record<string, string | null> | undefined,
  now: Date,
): Record<string, number> {
  const merged = Object.fromEntries(
    Object.entries(current).flatMap(([code, t]) => (t.text === null ? [] : [[code, t.id]])),
  );
  for (const [code, text] of Object.entries(given ?? {})) {
    const words = text?.trim() ?? '';
    if (words === '') delete merged[code];
    else if (current[code]?.text !== words)
      merged[code] = insertFreeText(db, { text: words, userId: user.id, at: isoNow(now) });
  }
  return merged;
}

/** Why one value or explanation of a save can't be saved, naming the cell or the warning's code. */
type SaveProblem = { cell?: string; explanation?: string; message: string };

/** A refused save: the first problem in words, and the first few of them listed. */
const unsaved = (problems: SaveProblem[]) =>
  new ApiError(
    400,
    'invalid-request',
    `${problems.length === 1 ? '1 change' : `${problems.length} changes`} can't be saved: ${problems[0]?.message}`,
    firstProblems(problems, (more): SaveProblem => ({ message: `…and ${more} more like these.` })),
  );

/**
 * Saves values (null clears a cell) and explanations into the draft, starting it if need be.
 * Cells not named stay as they are.
 */
export function saveDraft(
  db: Db,
  user: User,
  agencyCode: string,
  periodCode: string,
  input: {
    values: Record<string, number | null>;
    explanations?: Record<string, string | null>;
    reply?: string | null;
  },
  clock: Clock,
): SubmissionDetail {
  const today = todayOf(clock);
  return db.transaction(() => {
    const ctx = load(db, user, agencyCode, periodCode);
    if (!permissionsFor(user, ctx, today).edit) throw refusalToEdit(user, ctx, today);
    const problems: SaveProblem[] = [];
    const changes = new Map<string, number | null>();
    for (const [key, value] of Object.entries(input.values)) {
      if (!reportableCell(ctx, key)) {
        // The key is whatever was sent: repeated only if it doesn't look personal, and only for the
        // first few, which are all a refusal lists.
        const name = problems.length < 10 ? repeatableName(key, clock.now) : '(not listed)';
        problems.push({ cell: name, message: `"${name}" is not a count your agency reports.` });
      } else if (value !== null && (!Number.isSafeInteger(value) || value < 0 || value > maxCount))
        problems.push({
          cell: key,
          message: `${cellLabel(ctx.catalog, key)} must be a whole number from 0 to ${maxCount.toLocaleString('en-US')}.`,
        });
      else changes.set(key, value);
    }
    if (problems.length > 0) throw unsaved(problems);
    checkExplanations(ctx, input.explanations, clock.now);
    if (input.reply !== undefined) checkReply(user, ctx, input.reply, clock.now);
    writeDraft(db, user, ctx, changes, input.explanations, clock.now);
    const replied =
      input.reply !== undefined && writeReply(db, user, ctx.state as SubmissionState, input.reply, clock.now);
    recordAudit(db, {
      at: isoNow(clock.now),
      userId: user.id,
      action: 'save-draft',
      entityType: 'submission',
      entityId: getSubmissionState(db, ctx.agency.id, ctx.period.id)?.id,
      details: {
        agency: ctx.agency.code,
        period: ctx.period.code,
        cells: changes.size,
        ...(replied ? { reply: true } : {}),
        ...(user.tokenId ? { tokenId: user.tokenId } : {}),
      },
    });
    return detail(db, user, load(db, user, agencyCode, periodCode), today);
  })();
}

/** How long a reply to a return may be: a few sentences about the counts. */
export const maxReplyLength = 1000;

/**
 * Refuses a reply unless it is one of the agency's own reporters, as a person, answering a return,
 * and unless the words pass the personal-data guard.
 */
function checkReply(user: User, ctx: Context, reply: string | null, now: Date): void {
  if (!canReplyToReturn(user, ctx.agency))
    throw forbidden(
      user.tokenId === undefined
        ? `Only ${ctx.agency.name}'s reporters can reply to the coalition about its report.`
        : 'A reply to the coalition is written by a person, so it cannot be sent with an API token.',
    );
  if (statusOf(ctx) !== 'returned')
    throw new ApiError(
      409,
      'not-returned',
      'You can write a reply only while the coalition has returned the report for correction.',
    );
  guardFreeText([{ field: 'reply', place: 'Your reply', text: reply, maxLength: maxReplyLength }], now);
}

/**
 * Keeps the reply being written with the draft: new words as a new text, an empty reply as none.
 * The text it replaces is forgotten, since nothing else refers to it. True when it changed.
 */
function writeReply(db: Db, user: User, state: SubmissionState, reply: string | null, now: Date): boolean {
  const words = reply?.trim() ?? '';
  const current = state.draftReply;
  if ((current?.text ?? '') === words) return false;
  setDraftReply(
    db,
    state.id,
    words === '' ? null : insertFreeText(db, { text: words, userId: user.id, at: isoNow(now) }),
  );
  if (current) deleteUnusedDraftTexts(db, state.id, [current.id]);
  return true;
}

/** The figures copied into a draft: from which quarter, how many, and those this form has no box for. */
export type CopiedFigures = { from: string; cells: number; leftOut: Array<{ cell: string; label: string }> };

/**
 * Starts an empty report from the agency's standing report of the quarter before, as a draft marked
 * as copied (it can't be submitted until the reporter says they checked every figure). Counts this
 * quarter's form has no box for are left out and listed; explanations are not copied, since they
 * explained last quarter's figures.
 */
export function copyPreviousQuarter(
  db: Db,
  user: User,
  agencyCode: string,
  periodCode: string,
  clock: Clock,
): { submission: SubmissionDetail; copied: CopiedFigures } {
  const today = todayOf(clock);
  return db.transaction(() => {
    const ctx = load(db, user, agencyCode, periodCode);
    if (!permissionsFor(user, ctx, today).edit) throw refusalToEdit(user, ctx, today);
    if (!canCopyPreviousQuarter(user, submissionContext(ctx, today)))
      throw forbidden(
        'Starting from last quarter’s figures is for a person, who then checks each one, so it cannot be done with an API token.',
      );
    if (!isEmptyReport(ctx, ctx.state ? getDraftValues(db, ctx.state.id) : new Map()))
      throw new ApiError(
        409,
        'report-not-empty',
        'This report already has figures, so nothing was copied: copying would overwrite them.',
      );
    const from = previousPeriod(ctx.period.code);
    const standing = getStandingRevision(db, ctx.agency.id, from);
    const nothing = () =>
      new ApiError(
        409,
        'nothing-to-copy',
        `${ctx.agency.name} has no submitted figures for ${from} that fit this form, so there is nothing to start from.`,
      );
    if (!standing) throw nothing();
    const previous = getRevisionValues(db, standing.submissionId, standing.revision) ?? new Map();
    const previousCatalog = catalogVersion(db, standing.catalogVersionId).catalog;
    const kept = new Map<string, number>();
    const leftOut: CopiedFigures['leftOut'] = [];
    for (const [cell, value] of previous)
      if (reportableCell(ctx, cell)) kept.set(cell, value);
      else leftOut.push({ cell, label: cellLabel(previousCatalog, cell) });
    if (kept.size === 0) throw nothing();
    writeDraft(db, user, ctx, kept, undefined, clock.now);
    const submissionId = getSubmissionState(db, ctx.agency.id, ctx.period.id)?.id as number;
    setCopiedFromPeriod(db, submissionId, from);
    recordAudit(db, {
      at: isoNow(clock.now),
      userId: user.id,
      action: 'copy-previous',
      entityType: 'submission',
      entityId: submissionId,
      details: {
        agency: ctx.agency.code,
        period: ctx.period.code,
        from,
        revision: standing.revision,
        cells: kept.size,
        leftOut: leftOut.length,
      },
    });
    return {
      submission: detail(db, user, load(db, user, agencyCode, periodCode), today),
      copied: { from, cells: kept.size, leftOut },
    };
  })();
}

/**
 * Submits the draft as a new immutable revision, once no error remains and every warning is
 * explained.
 */
export function submitDraft(
  db: Db,
  user: User,
  agencyCode: string,
  periodCode: string,
  input: { explanations?: Record<string, string>; checkedCopied?: boolean },
  clock: Clock,
): SubmissionDetail {
  const today = todayOf(clock);
  return db.transaction(() => {
    const ctx = load(db, user, agencyCode, periodCode);
    if (!permissionsFor(user, ctx, today).submit) throw refusalToEdit(user, ctx, today);
    if (!ctx.state)
      throw new ApiError(
        422,
        'validation-failed',
        'There is nothing to submit yet: enter your counts first.',
        [],
      );
    const copiedFrom = ctx.state.copiedFromPeriod;
    if (copiedFrom !== null && input.checkedCopied !== true)
      throw new ApiError(
        400,
        'copied-figures-unchecked',
        `These figures were copied from ${copiedFrom}. Check every number against this quarter's records, tick "I have checked every figure", then submit.`,
      );
    checkExplanations(ctx, input.explanations, clock.now);
    const values = getDraftValues(db, ctx.state.id);
    if (values.size === 0)
      throw new ApiError(
        422,
        'validation-failed',
        'There is nothing to submit yet: enter your counts first.',
        [],
      );
    const findings = findingsFor(db, ctx, values);
    const given = Object.entries(input.explanations ?? {});
    const explanations = { ...wordsOf(ctx.state.draftExplanations), ...Object.fromEntries(given) };
    const { errors, unexplained } = blockingFindings(findings, explanations);
    if (errors.length > 0 || unexplained.length > 0) {
      const parts = [
        errors.length > 0 ? `${errors.length} error${errors.length === 1 ? '' : 's'} to fix` : '',
        unexplained.length > 0
          ? `${unexplained.length} warning${unexplained.length === 1 ? '' : 's'} to explain`
          : '',
      ].filter(Boolean);
      throw new ApiError(
        422,
        'validation-failed',
        `This report can't be submitted yet: ${parts.join(' and ')}.`,
        [...errors, ...unexplained],
      );
    }
    // Only the explanations of warnings this revision has are kept with it.
    const warningCodes = new Set(findings.filter((f) => f.severity === 'warning').map((f) => f.code));
    const current = ctx.state.draftExplanations;
    const merged = mergeExplanations(db, user, current, input.explanations, clock.now);
    updateDraft(db, {
      submissionId: ctx.state.id,
      userId: user.id,
      at: isoNow(clock.now),
      explanationIds: Object.fromEntries(Object.entries(merged).filter(([code]) => warningCodes.has(code))),
      status: ctx.state.status,
    });
    deleteUnusedDraftTexts(db, ctx.state.id, [
      ...Object.values(current).map((t) => t.id),
      ...Object.values(merged),
    ]);
    const late = today > ctx.period.deadline;
    const revision = insertRevision(db, {
      submissionId: ctx.state.id,
      userId: user.id,
      at: isoNow(clock.now),
      late,
    });
    recordAudit(db, {
      at: isoNow(clock.now),
      userId: user.id,
      action: 'submit',
      entityType: 'submission',
      entityId: ctx.state.id,
      details: {
        agency: ctx.agency.code,
        period: ctx.period.code,
        revision,
        late,
        ...(copiedFrom === null ? {} : { copiedFrom }),
        ...(user.tokenId ? { tokenId: user.tokenId } : {}),
      },
    });
    return detail(db, user, load(db, user, agencyCode, periodCode), today);
  })();
}

const reviewWords = { approve: 'approve', return: 'return', reopen: 'reopen' } as const;

/** An admin approves or returns a submitted report, or reopens an approved one. */
export function reviewSubmission(
  db: Db,
  user: User,
  agencyCode: string,
  periodCode: string,
  action: 'approve' | 'return' | 'reopen',
  comment: string | null,
  clock: Clock,
): SubmissionDetail {
  const today = todayOf(clock);
  return db.transaction(() => {
    const ctx = load(db, user, agencyCode, periodCode);
    const permissions = permissionsFor(user, ctx, today);
    const allowed = action === 'reopen' ? permissions.reopen : permissions.review;
    if (!allowed) {
      if (!isAdmin(user) || user.tokenId !== undefined)
        throw forbidden('Only coalition admins review reports.');
      const status = statusOf(ctx).replace('_', ' ');
      throw new ApiError(
        409,
        'invalid-transition',
        action === 'reopen'
          ? `Only an approved report can be reopened; this one is ${status}.`
          : `Only a submitted report can be ${action === 'approve' ? 'approved' : 'returned'}; this one is ${status}.`,
      );
    }
    guardFreeText(
      [
        {
          field: action === 'reopen' ? 'reason' : 'comment',
          place: action === 'reopen' ? 'The reason' : 'The comment',
          text: comment,
        },
      ],
      clock.now,
    );
    const submissionId = (ctx.state as SubmissionState).id;
    const commentId = insertReview(db, {
      submissionId,
      action,
      comment,
      userId: user.id,
      at: isoNow(clock.now),
    });
    recordAudit(db, {
      at: isoNow(clock.now),
      userId: user.id,
      action: reviewWords[action],
      entityType: 'submission',
      entityId: submissionId,
      details: {
        agency: ctx.agency.code,
        period: ctx.period.code,
        revision: ctx.state?.latestRevision,
        ...(commentId === null ? {} : { commentId }),
      },
    });
    return detail(db, user, load(db, user, agencyCode, periodCode), today);
  })();
}

/** Every quarter with an agency's submission status in it and whether it is open for entry, newest first. */
export function agencyQuarters(db: Db, agencyId: number, clock: Clock) {
  return withEntryWindows(db, listAgencyQuarters(db, agencyId), (q) => q.period, todayOf(clock));
}

/** A submission's revisions with their reviews, newest first. */
export function revisionsOf(db: Db, user: User, agencyCode: string, periodCode: string) {
  const ctx = load(db, user, agencyCode, periodCode);
  return ctx.state ? listRevisions(db, ctx.state.id) : [];
}

/** One revision's values. */
export function revisionValues(db: Db, user: User, agencyCode: string, periodCode: string, revision: number) {
  const ctx = load(db, user, agencyCode, periodCode);
  const values = ctx.state ? getRevisionValues(db, ctx.state.id, revision) : undefined;
  if (!values) throw notFound(`There is no revision ${revision} of this report.`);
  return { revision, values: Object.fromEntries(values) };
}

export type CellChange = { cell: string; label: string; from: number | null; to: number | null };

/** The cells whose values differ between two sets, in catalog order. */
function changesBetween(
  catalog: Catalog,
  cellOrder: readonly string[],
  before: ReadonlyMap<string, number | null>,
  after: ReadonlyMap<string, number | null>,
): CellChange[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  const order = new Map(cellOrder.map((k, i) => [k, i]));
  return [...keys]
    .filter((k) => (before.get(k) ?? null) !== (after.get(k) ?? null))
    .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map((cell) => ({
      cell,
      label: cellLabel(catalog, cell),
      from: before.get(cell) ?? null,
      to: after.get(cell) ?? null,
    }));
}

/** What changed between two revisions, or between a revision and the current draft. */
export function diffRevisions(
  db: Db,
  user: User,
  agencyCode: string,
  periodCode: string,
  from: number,
  to: number | 'draft',
) {
  const ctx = load(db, user, agencyCode, periodCode);
  if (!ctx.state) throw notFound('This report has not been started.');
  const pick = (revision: number | 'draft') => {
    const values =
      revision === 'draft'
        ? getDraftValues(db, ctx.state?.id as number)
        : getRevisionValues(db, ctx.state?.id as number, revision);
    if (!values) throw notFound(`There is no revision ${revision} of this report.`);
    return values;
  };
  return { from, to, changes: changesBetween(ctx.catalog, [...ctx.cells.keys()], pick(from), pick(to)) };
}

/** The CSV template pre-filled with the draft's values. */
export function templateFor(db: Db, user: User, agencyCode: string, periodCode: string) {
  const ctx = load(db, user, agencyCode, periodCode);
  const values = ctx.state ? getDraftValues(db, ctx.state.id) : new Map<string, number>();
  return {
    filename: `scope-${ctx.agency.code}-${ctx.period.code}.csv`,
    csv: buildTemplate(ctx.catalog, ctx.agency, ctx.period.code, values),
  };
}

/**
 * Reads an uploaded template and, unless it is a dry run, applies it to the draft in one
 * transaction. Either way answers exactly what changes against the draft as it is.
 */
export function uploadTemplate(
  db: Db,
  user: User,
  agencyCode: string,
  periodCode: string,
  text: string,
  dryRun: boolean,
  clock: Clock,
) {
  const today = todayOf(clock);
  return db.transaction(() => {
    const ctx = load(db, user, agencyCode, periodCode);
    if (!permissionsFor(user, ctx, today).edit) throw refusalToEdit(user, ctx, today);
    const result = readUpload(text, ctx.catalog, ctx.agency, ctx.period.code, clock.now);
    if (!result.ok) throw new ApiError(400, result.code, result.message, result.problems);
    const current = ctx.state ? getDraftValues(db, ctx.state.id) : new Map<string, number>();
    const changes = changesBetween(
      ctx.catalog,
      [...ctx.cells.keys()],
      current,
      new Map([...current, ...result.values]),
    );
    if (!dryRun && changes.length > 0) {
      writeDraft(db, user, ctx, new Map(changes.map((c) => [c.cell, c.to])), undefined, clock.now);
      recordAudit(db, {
        at: isoNow(clock.now),
        userId: user.id,
        action: 'upload',
        entityType: 'submission',
        entityId: getSubmissionState(db, ctx.agency.id, ctx.period.id)?.id,
        details: {
          agency: ctx.agency.code,
          period: ctx.period.code,
          changed: changes.length,
          ...(user.tokenId ? { tokenId: user.tokenId } : {}),
        },
      });
    }
    const after = load(db, user, agencyCode, periodCode);
    const afterValues = after.state ? getDraftValues(db, after.state.id) : new Map<string, number>();
    const previewValues = dryRun ? new Map([...afterValues, ...result.values]) : afterValues;
    for (const [key, value] of previewValues) if (value === null) previewValues.delete(key);
    return {
      dryRun,
      changes,
      unchanged: result.values.size - changes.length,
      findings: findingsFor(db, after, previewValues as Map<string, number>),
      submission: detail(db, user, after, today),
    };
  })();
}
