import { type Db, statement } from '../db';
import { isExpectedIn } from '../domain/agencyMembership';
import { removedTextNote } from '../domain/freeText';
import { type FreeText, getFreeTexts, insertFreeText } from './freeTexts';

export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'approved';

export type Submission = {
  id: number;
  agencyId: number;
  periodId: number;
  catalogVersionId: number;
  status: SubmissionStatus;
  latestRevision: number;
};

/** Starts a draft for an agency's quarter; returns its id. */
export function insertSubmission(
  db: Db,
  s: { agencyId: number; periodId: number; catalogVersionId: number; userId: number | null; at?: string },
): number {
  return Number(
    statement(
      db,
      `INSERT INTO submissions (agency_id, period_id, catalog_version_id, status, updated_at, updated_by)
       VALUES (?, ?, ?, 'draft', coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?)`,
    ).run(s.agencyId, s.periodId, s.catalogVersionId, s.at ?? null, s.userId).lastInsertRowid,
  );
}

export function getSubmission(db: Db, agencyId: number, periodId: number): Submission | undefined {
  return statement(
    db,
    `SELECT id, agency_id AS agencyId, period_id AS periodId, catalog_version_id AS catalogVersionId, status,
            latest_revision AS latestRevision
     FROM submissions WHERE agency_id = ? AND period_id = ?`,
  ).get(agencyId, periodId) as Submission | undefined;
}

/**
 * Submits a draft: snapshots its working values, explanations and reply to a return into a new
 * immutable revision and marks it submitted. The draft's reply and its "copied from the previous
 * quarter" mark are cleared: the one now belongs to the revision, the other has been checked. Returns the revision number. `explanations`, when given, are kept as new texts
 * and replace the draft's first (for a history written without a draft, like the demo's).
 */
export function insertRevision(
  db: Db,
  r: {
    submissionId: number;
    userId: number | null;
    at: string;
    late: boolean;
    explanations?: Record<string, string>;
  },
): number {
  return db.transaction(() => {
    const latest = statement(db, 'SELECT latest_revision FROM submissions WHERE id = ?')
      .pluck()
      .get(r.submissionId) as number | undefined;
    if (latest === undefined) throw new Error(`no submission ${r.submissionId}`);
    const revision = latest + 1;
    if (r.explanations)
      setDraftExplanationIds(
        db,
        r.submissionId,
        Object.fromEntries(
          Object.entries(r.explanations).map(([code, text]) => [
            code,
            insertFreeText(db, { text, userId: r.userId, at: r.at }),
          ]),
        ),
      );
    const revisionId = Number(
      statement(
        db,
        `INSERT INTO submission_revisions (submission_id, revision, submitted_at, submitted_by, late, explanation_ids, reply_id)
         SELECT ?, ?, ?, ?, ?, draft_explanation_ids, draft_reply_id FROM submissions WHERE id = ?`,
      ).run(r.submissionId, revision, r.at, r.userId, r.late ? 1 : 0, r.submissionId).lastInsertRowid,
    );
    statement(
      db,
      `INSERT INTO revision_values (revision_id, element_id, coc_id, value)
       SELECT ?, element_id, coc_id, value FROM data_values WHERE submission_id = ?`,
    ).run(revisionId, r.submissionId);
    statement(
      db,
      `UPDATE submissions SET status = 'submitted', latest_revision = ?, first_submitted_at = coalesce(first_submitted_at, ?),
       updated_at = ?, updated_by = ?, draft_reply_id = NULL, copied_from_period = NULL WHERE id = ?`,
    ).run(revision, r.at, r.at, r.userId, r.submissionId);
    return revision;
  })();
}

const statusAfterReview = { approve: 'approved', return: 'returned', reopen: 'draft' } as const;

/**
 * Records an admin's approval, return (with the comment the reporter sees) or reopening (with its
 * reason). The comment is kept as a free text; returns its id, or null without one.
 */
export function insertReview(
  db: Db,
  r: {
    submissionId: number;
    action: 'approve' | 'return' | 'reopen';
    comment: string | null;
    userId: number | null;
    at: string;
  },
): number | null {
  return db.transaction(() => {
    const latest = statement(db, 'SELECT latest_revision FROM submissions WHERE id = ?')
      .pluck()
      .get(r.submissionId);
    if (latest === undefined) throw new Error(`no submission ${r.submissionId}`);
    const commentId =
      r.comment === null ? null : insertFreeText(db, { text: r.comment, userId: r.userId, at: r.at });
    statement(
      db,
      `INSERT INTO submission_reviews (submission_id, revision, action, comment_id, reviewed_by, reviewed_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(r.submissionId, latest, r.action, commentId, r.userId, r.at);
    statement(db, 'UPDATE submissions SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
      statusAfterReview[r.action],
      r.at,
      r.userId,
      r.submissionId,
    );
    return commentId;
  })();
}

/** What a reader sees of a kept text: the words, or a plain note once an admin removed them. */
export function shownText(text: FreeText): string {
  return text.text ?? removedTextNote(text.redactedAt ?? '');
}

/** The shown text of the kept text with this id, or null for none. */
function shownTextOf(db: Db, id: number | null): string | null {
  if (id === null) return null;
  const text = getFreeTexts(db, [id]).get(id);
  return text ? shownText(text) : null;
}

export type AgencyQuarter = {
  period: string;
  startDate: string;
  endDate: string;
  deadline: string;
  open: boolean;
  status: SubmissionStatus | 'not_started';
  /** The first submit came after the deadline. */
  late: boolean;
  submittedAt: string | null;
  revision: number;
  returnComment: string | null;
};

/** Every quarter expected of an agency (from its first on) with its submission status in it, newest first. */
export function listAgencyQuarters(db: Db, agencyId: number): AgencyQuarter[] {
  const rows = statement(
    db,
    `SELECT p.code AS period, p.start_date AS startDate, p.end_date AS endDate, p.deadline, p.open,
            coalesce(s.status, 'not_started') AS status,
            coalesce((SELECT late FROM submission_revisions r WHERE r.submission_id = s.id AND r.revision = 1), 0) AS late,
            (SELECT submitted_at FROM submission_revisions r WHERE r.submission_id = s.id
               ORDER BY r.revision DESC LIMIT 1) AS submittedAt,
            coalesce(s.latest_revision, 0) AS revision,
            CASE WHEN s.status = 'returned' THEN
              (SELECT comment_id FROM submission_reviews v WHERE v.submission_id = s.id AND v.action = 'return'
               ORDER BY v.id DESC LIMIT 1) END AS returnCommentId
     FROM reporting_periods p
     LEFT JOIN submissions s ON s.period_id = p.id AND s.agency_id = @agencyId
     -- Quarters before the agency's first are not asked of it (unless it started one all the same).
     WHERE s.id IS NOT NULL OR p.code >= coalesce(
       (SELECT first_period FROM org_units WHERE id = @agencyId), '')
     ORDER BY p.code DESC`,
  ).all({ agencyId }) as Array<
    Omit<AgencyQuarter, 'open' | 'late' | 'returnComment'> & {
      open: number;
      late: number;
      returnCommentId: number | null;
    }
  >;
  const comments = getFreeTexts(
    db,
    rows.flatMap((row) => (row.returnCommentId === null ? [] : [row.returnCommentId])),
  );
  return rows.map(({ returnCommentId, ...row }) => {
    const comment = returnCommentId === null ? undefined : comments.get(returnCommentId);
    return {
      ...row,
      open: row.open === 1,
      late: row.late === 1,
      returnComment: comment ? shownText(comment) : null,
    };
  });
}

export type QuarterCompleteness = {
  period: string;
  deadline: string;
  open: boolean;
  expected: number;
  approved: number;
  submitted: number;
  returned: number;
  draft: number;
  notStarted: number;
  late: number;
};

/**
 * For the newest `quarters` periods: how many active agencies are in each state, and how many
 * submitted late. An agency is expected from its first quarter on. What an admin needs to chase missing reports.
 */
export function summarizeCompleteness(db: Db, quarters: number): QuarterCompleteness[] {
  const rows = statement(
    db,
    `WITH recent AS (SELECT * FROM reporting_periods ORDER BY code DESC LIMIT ?),
          agencies AS (SELECT id, first_period FROM org_units WHERE level = 'agency' AND active = 1)
     SELECT p.code AS period, p.deadline, p.open,
            (SELECT count(*) FROM agencies a
             WHERE a.first_period IS NULL OR a.first_period <= p.code) AS expected,
            count(CASE WHEN s.status = 'approved' THEN 1 END) AS approved,
            count(CASE WHEN s.status = 'submitted' THEN 1 END) AS submitted,
            count(CASE WHEN s.status = 'returned' THEN 1 END) AS returned,
            count(CASE WHEN s.status = 'draft' THEN 1 END) AS draft,
            count(CASE WHEN r.late = 1 THEN 1 END) AS late
     FROM recent p
     LEFT JOIN submissions s ON s.period_id = p.id AND s.agency_id IN (
       SELECT id FROM agencies a WHERE a.first_period IS NULL OR a.first_period <= p.code)
     LEFT JOIN submission_revisions r ON r.submission_id = s.id AND r.revision = 1
     GROUP BY p.id ORDER BY p.code DESC`,
  ).all(quarters) as Array<Omit<QuarterCompleteness, 'open' | 'notStarted'> & { open: number }>;
  return rows.map((row) => ({
    ...row,
    open: row.open === 1,
    notStarted: row.expected - row.approved - row.submitted - row.returned - row.draft,
  }));
}

export type SubmissionState = {
  id: number;
  status: SubmissionStatus;
  latestRevision: number;
  catalogVersionId: number;
  updatedAt: string;
  /** The draft's explanations by warning code, as kept texts (a removed one has no words). */
  draftExplanations: Record<string, FreeText>;
  /** The first submit came after the deadline. */
  late: boolean;
  submittedAt: string | null;
  returnComment: string | null;
  /** The latest review reopened it: a lock exception that lets the agency edit a closed period. */
  reopened: boolean;
  /** The reply to a return being written, as a kept text; null without one. */
  draftReply: FreeText | null;
  /** The quarter whose figures the draft was started from, until it is submitted. */
  copiedFromPeriod: string | null;
};

/** Kept texts by key, for a JSON object of key → free text id. */
function textsByKey(db: Db, json: string): Record<string, FreeText> {
  const ids = JSON.parse(json) as Record<string, number>;
  const texts = getFreeTexts(db, Object.values(ids));
  return Object.fromEntries(
    Object.entries(ids).flatMap(([key, id]) => {
      const text = texts.get(id);
      return text ? [[key, text]] : [];
    }),
  );
}

/** Where an agency's quarter stands, or undefined when it has not been started. */
export function getSubmissionState(db: Db, agencyId: number, periodId: number): SubmissionState | undefined {
  const row = statement(
    db,
    `SELECT s.id, s.status, s.latest_revision AS latestRevision, s.catalog_version_id AS catalogVersionId,
            s.updated_at AS updatedAt, s.draft_explanation_ids AS draftExplanationIds,
            s.draft_reply_id AS draftReplyId, s.copied_from_period AS copiedFromPeriod,
            coalesce((SELECT late FROM submission_revisions r WHERE r.submission_id = s.id AND r.revision = 1), 0) AS late,
            (SELECT submitted_at FROM submission_revisions r WHERE r.submission_id = s.id ORDER BY r.revision DESC LIMIT 1) AS submittedAt,
            (SELECT action FROM submission_reviews v WHERE v.submission_id = s.id ORDER BY v.id DESC LIMIT 1) AS lastReview,
            (SELECT comment_id FROM submission_reviews v WHERE v.submission_id = s.id AND v.action = 'return'
               ORDER BY v.id DESC LIMIT 1) AS lastReturnCommentId
     FROM submissions s WHERE s.agency_id = ? AND s.period_id = ?`,
  ).get(agencyId, periodId) as
    | (Omit<SubmissionState, 'late' | 'draftExplanations' | 'reopened' | 'returnComment' | 'draftReply'> & {
        late: number;
        draftExplanationIds: string;
        draftReplyId: number | null;
        lastReview: string | null;
        lastReturnCommentId: number | null;
      })
    | undefined;
  if (!row) return undefined;
  const { lastReview, lastReturnCommentId, draftExplanationIds, draftReplyId, ...rest } = row;
  return {
    ...rest,
    late: row.late === 1,
    draftExplanations: textsByKey(db, draftExplanationIds),
    draftReply: draftReplyId === null ? null : (getFreeTexts(db, [draftReplyId]).get(draftReplyId) ?? null),
    returnComment: row.status === 'returned' ? shownTextOf(db, lastReturnCommentId) : null,
    reopened: lastReview === 'reopen',
  };
}

/** Removes cells from a submission's working copy. */
export function deleteDataValues(
  db: Db,
  submissionId: number,
  cells: Iterable<{ elementId: number; cocId: number }>,
): void {
  const remove = statement(
    db,
    'DELETE FROM data_values WHERE submission_id = ? AND element_id = ? AND coc_id = ?',
  );
  for (const cell of cells) remove.run(submissionId, cell.elementId, cell.cocId);
}

function setDraftExplanationIds(db: Db, submissionId: number, ids: Record<string, number>): void {
  statement(db, 'UPDATE submissions SET draft_explanation_ids = ? WHERE id = ?').run(
    JSON.stringify(ids),
    submissionId,
  );
}

/**
 * Records an edit of the draft: who, when, the explanations as they now stand (warning code → kept
 * text id), and the status.
 */
export function updateDraft(
  db: Db,
  d: {
    submissionId: number;
    userId: number | null;
    at: string;
    explanationIds: Record<string, number>;
    status: SubmissionStatus;
  },
): void {
  setDraftExplanationIds(db, d.submissionId, d.explanationIds);
  statement(db, 'UPDATE submissions SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
    d.status,
    d.at,
    d.userId,
    d.submissionId,
  );
}

/** Keeps the reply to a return being written (a kept text's id), or forgets it with null. */
export function setDraftReply(db: Db, submissionId: number, replyId: number | null): void {
  statement(db, 'UPDATE submissions SET draft_reply_id = ? WHERE id = ?').run(replyId, submissionId);
}

/** Marks a draft as started from another quarter's figures. */
export function setCopiedFromPeriod(db: Db, submissionId: number, period: string): void {
  statement(db, 'UPDATE submissions SET copied_from_period = ? WHERE id = ?').run(period, submissionId);
}

/**
 * An agency's standing report for a quarter: its latest revision while it is submitted or approved
 * (one returned or reopened is being corrected), and only when that revision holds any counts.
 */
export function getStandingRevision(
  db: Db,
  agencyId: number,
  periodCode: string,
): { submissionId: number; revision: number; catalogVersionId: number } | undefined {
  return statement(
    db,
    `SELECT s.id AS submissionId, s.latest_revision AS revision, s.catalog_version_id AS catalogVersionId
     FROM submissions s
     JOIN reporting_periods p ON p.id = s.period_id
     JOIN submission_revisions r ON r.submission_id = s.id AND r.revision = s.latest_revision
     WHERE s.agency_id = ? AND p.code = ? AND s.status IN ('submitted', 'approved')
       AND EXISTS (SELECT 1 FROM revision_values v WHERE v.revision_id = r.id)`,
  ).get(agencyId, periodCode) as
    | { submissionId: number; revision: number; catalogVersionId: number }
    | undefined;
}

export type RevisionSummary = {
  revision: number;
  submittedAt: string;
  submittedBy: string | null;
  late: boolean;
  /** Warning code → the explanation, or a note that an admin removed it. */
  explanations: Record<string, string>;
  /** Warning code → the explanation's id, by which an admin may remove it. */
  explanationIds: Record<string, number>;
  /**
   * The reporter's answer to the return of the revision before, sent with this one: the words (or a
   * note once an admin removed them), the id an admin removes it by, and who wrote it.
   */
  reply: { text: string; textId: number; by: string | null } | null;
  reviews: Array<{
    action: 'approve' | 'return' | 'reopen';
    comment: string | null;
    /** The comment's id, by which an admin may remove it; null without a comment. */
    commentId: number | null;
    reviewedBy: string | null;
    reviewedAt: string;
  }>;
};

/** A submission's revisions, newest first, each with the reviews made of it. */
export function listRevisions(db: Db, submissionId: number): RevisionSummary[] {
  const revisions = statement(
    db,
    `SELECT r.revision, r.submitted_at AS submittedAt, u.name AS submittedBy, r.late,
            r.explanation_ids AS explanationIds, r.reply_id AS replyId, author.name AS repliedBy
     FROM submission_revisions r LEFT JOIN users u ON u.id = r.submitted_by
     LEFT JOIN free_texts reply ON reply.id = r.reply_id
     LEFT JOIN users author ON author.id = reply.created_by
     WHERE r.submission_id = ? ORDER BY r.revision DESC`,
  ).all(submissionId) as Array<
    Omit<RevisionSummary, 'late' | 'explanations' | 'explanationIds' | 'reviews' | 'reply'> & {
      late: number;
      explanationIds: string;
      replyId: number | null;
      repliedBy: string | null;
    }
  >;
  const reviews = statement(
    db,
    `SELECT v.revision, v.action, v.comment_id AS commentId, u.name AS reviewedBy, v.reviewed_at AS reviewedAt
     FROM submission_reviews v LEFT JOIN users u ON u.id = v.reviewed_by
     WHERE v.submission_id = ? ORDER BY v.id`,
  ).all(submissionId) as Array<Omit<RevisionSummary['reviews'][number], 'comment'> & { revision: number }>;
  const explanationIds = revisions.map((r) => JSON.parse(r.explanationIds) as Record<string, number>);
  const texts = getFreeTexts(db, [
    ...explanationIds.flatMap((ids) => Object.values(ids)),
    ...reviews.flatMap((v) => (v.commentId === null ? [] : [v.commentId])),
    ...revisions.flatMap((r) => (r.replyId === null ? [] : [r.replyId])),
  ]);
  const shown = (id: number | null) => {
    const text = id === null ? undefined : texts.get(id);
    return text ? shownText(text) : null;
  };
  return revisions.map(({ replyId, repliedBy, ...r }, i) => {
    const ids = explanationIds[i] ?? {};
    const reply = shown(replyId);
    return {
      ...r,
      late: r.late === 1,
      reply: replyId === null || reply === null ? null : { text: reply, textId: replyId, by: repliedBy },
      explanations: Object.fromEntries(Object.entries(ids).map(([code, id]) => [code, shown(id) ?? ''])),
      explanationIds: ids,
      reviews: reviews
        .filter((v) => v.revision === r.revision)
        .map(({ revision: _r, ...v }) => ({ ...v, comment: shown(v.commentId) })),
    };
  });
}

export type PeriodSubmission = {
  agency: { code: string; name: string; type: string; county: string };
  status: SubmissionStatus | 'not_started';
  revision: number;
  late: boolean;
  submittedAt: string | null;
  updatedAt: string | null;
};

/** Every active agency's submission for a period it is expected in (or just one agency's), by agency name. */
export function listPeriodSubmissions(db: Db, periodId: number, agencyId: number | null): PeriodSubmission[] {
  const rows = statement(
    db,
    `SELECT a.code, a.name, a.agency_type AS type, c.code AS county,
            coalesce(s.status, 'not_started') AS status, coalesce(s.latest_revision, 0) AS revision,
            coalesce((SELECT late FROM submission_revisions r WHERE r.submission_id = s.id AND r.revision = 1), 0) AS late,
            (SELECT submitted_at FROM submission_revisions r WHERE r.submission_id = s.id ORDER BY r.revision DESC LIMIT 1) AS submittedAt,
            s.updated_at AS updatedAt
     FROM org_units a JOIN org_units c ON c.id = a.parent_id
     LEFT JOIN submissions s ON s.agency_id = a.id AND s.period_id = ?
     WHERE a.level = 'agency' AND a.active = 1 AND (? IS NULL OR a.id = ?)
       AND (s.id IS NOT NULL OR a.first_period IS NULL
            OR a.first_period <= (SELECT code FROM reporting_periods WHERE id = ?))
     ORDER BY a.name`,
  ).all(periodId, agencyId, agencyId, periodId) as Array<{
    code: string;
    name: string;
    type: string;
    county: string;
    status: PeriodSubmission['status'];
    revision: number;
    late: number;
    submittedAt: string | null;
    updatedAt: string | null;
  }>;
  return rows.map((r) => ({
    agency: { code: r.code, name: r.name, type: r.type, county: r.county },
    status: r.status,
    revision: r.revision,
    late: r.late === 1,
    submittedAt: r.submittedAt,
    updatedAt: r.updatedAt,
  }));
}

export type CompletenessCell = { status: SubmissionStatus | 'not_started'; late: boolean; revision: number };

/**
 * The completeness matrix: active agencies (optionally those based in or serving one county, and of
 * one type) × the newest `quarters` periods; a quarter before an agency's first has no cell.
 */
export function completenessMatrix(
  db: Db,
  filter: { quarters: number; county: string | null; agencyType: string | null },
) {
  const periods = statement(
    db,
    'SELECT id, code, deadline, open FROM reporting_periods ORDER BY code DESC LIMIT ?',
  ).all(filter.quarters) as Array<{ id: number; code: string; deadline: string; open: number }>;
  const agencies = statement(
    db,
    `SELECT a.id, a.code, a.name, a.agency_type AS type, c.code AS county, a.first_period AS firstPeriod
     FROM org_units a
     JOIN org_units c ON c.id = a.parent_id
     WHERE a.level = 'agency' AND a.active = 1 AND (? IS NULL OR a.agency_type = ?)
       AND (? IS NULL OR c.code = ? OR EXISTS (
         SELECT 1 FROM agency_counties ac JOIN org_units served ON served.id = ac.county_id
         WHERE ac.agency_id = a.id AND served.code = ?))
     ORDER BY a.name`,
  ).all(filter.agencyType, filter.agencyType, filter.county, filter.county, filter.county) as Array<{
    id: number;
    code: string;
    name: string;
    type: string;
    county: string;
    firstPeriod: string | null;
  }>;
  const periodIds = periods.map((p) => p.id);
  const submissions =
    periodIds.length === 0
      ? []
      : (statement(
          db,
          `SELECT s.agency_id AS agencyId, s.period_id AS periodId, s.status, s.latest_revision AS revision,
                  coalesce(r.late, 0) AS late
           FROM submissions s LEFT JOIN submission_revisions r ON r.submission_id = s.id AND r.revision = 1
           WHERE s.period_id IN (${periodIds.map(() => '?').join(',')})`,
        ).all(...periodIds) as Array<{
          agencyId: number;
          periodId: number;
          status: SubmissionStatus;
          revision: number;
          late: number;
        }>);
  const byKey = new Map(submissions.map((s) => [`${s.agencyId}/${s.periodId}`, s]));
  const counties = statement(
    db,
    "SELECT code, name FROM org_units WHERE level = 'county' AND active = 1 ORDER BY name",
  ).all() as Array<{ code: string; name: string }>;
  return {
    periods: periods.map((p) => ({ id: p.id, code: p.code, deadline: p.deadline, open: p.open === 1 })),
    counties,
    agencies: agencies.map((a) => ({
      code: a.code,
      name: a.name,
      type: a.type,
      county: a.county,
      firstPeriod: a.firstPeriod,
      cells: Object.fromEntries(
        periods.flatMap((p) => {
          const s = byKey.get(`${a.id}/${p.id}`);
          // A quarter before the agency's first has no cell: it was not expected to report then.
          if (!s && !isExpectedIn(a.firstPeriod, p.code)) return [];
          const cell: CompletenessCell = s
            ? { status: s.status, late: s.late === 1, revision: s.revision }
            : { status: 'not_started', late: false, revision: 0 };
          return [[p.code, cell]];
        }),
      ),
    })),
  };
}
