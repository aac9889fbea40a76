import type { Db } from '../db';

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
    db
      .prepare(
        `INSERT INTO submissions (agency_id, period_id, catalog_version_id, status, updated_at, updated_by)
         VALUES (?, ?, ?, 'draft', coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?)`,
      )
      .run(s.agencyId, s.periodId, s.catalogVersionId, s.at ?? null, s.userId).lastInsertRowid,
  );
}

export function getSubmission(db: Db, agencyId: number, periodId: number): Submission | undefined {
  return db
    .prepare(
      `SELECT id, agency_id AS agencyId, period_id AS periodId, catalog_version_id AS catalogVersionId, status,
              latest_revision AS latestRevision
       FROM submissions WHERE agency_id = ? AND period_id = ?`,
    )
    .get(agencyId, periodId) as Submission | undefined;
}

/**
 * Submits a draft: snapshots its working values into a new immutable revision and marks it
 * submitted. Returns the revision number.
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
    const latest = db
      .prepare('SELECT latest_revision FROM submissions WHERE id = ?')
      .pluck()
      .get(r.submissionId) as number | undefined;
    if (latest === undefined) throw new Error(`no submission ${r.submissionId}`);
    const revision = latest + 1;
    const revisionId = Number(
      db
        .prepare(
          `INSERT INTO submission_revisions (submission_id, revision, submitted_at, submitted_by, late, explanations)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(r.submissionId, revision, r.at, r.userId, r.late ? 1 : 0, JSON.stringify(r.explanations ?? {}))
        .lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO revision_values (revision_id, element_id, coc_id, value)
       SELECT ?, element_id, coc_id, value FROM data_values WHERE submission_id = ?`,
    ).run(revisionId, r.submissionId);
    db.prepare(
      `UPDATE submissions SET status = 'submitted', latest_revision = ?, first_submitted_at = coalesce(first_submitted_at, ?),
         updated_at = ?, updated_by = ? WHERE id = ?`,
    ).run(revision, r.at, r.at, r.userId, r.submissionId);
    return revision;
  })();
}

const statusAfterReview = { approve: 'approved', return: 'returned', reopen: 'draft' } as const;

/** Records an admin's approval, return (with the comment the reporter sees) or reopening. */
export function insertReview(
  db: Db,
  r: {
    submissionId: number;
    action: 'approve' | 'return' | 'reopen';
    comment: string | null;
    userId: number | null;
    at: string;
  },
): void {
  db.transaction(() => {
    const latest = db
      .prepare('SELECT latest_revision FROM submissions WHERE id = ?')
      .pluck()
      .get(r.submissionId);
    if (latest === undefined) throw new Error(`no submission ${r.submissionId}`);
    db.prepare(
      `INSERT INTO submission_reviews (submission_id, revision, action, comment, reviewed_by, reviewed_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(r.submissionId, latest, r.action, r.comment, r.userId, r.at);
    db.prepare('UPDATE submissions SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
      statusAfterReview[r.action],
      r.at,
      r.userId,
      r.submissionId,
    );
  })();
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

/** Every quarter with an agency's submission status in it, newest first. */
export function listAgencyQuarters(db: Db, agencyId: number): AgencyQuarter[] {
  const rows = db
    .prepare(
      `SELECT p.code AS period, p.start_date AS startDate, p.end_date AS endDate, p.deadline, p.open,
              coalesce(s.status, 'not_started') AS status,
              coalesce((SELECT late FROM submission_revisions r WHERE r.submission_id = s.id AND r.revision = 1), 0) AS late,
              (SELECT submitted_at FROM submission_revisions r WHERE r.submission_id = s.id
                 ORDER BY r.revision DESC LIMIT 1) AS submittedAt,
              coalesce(s.latest_revision, 0) AS revision,
              CASE WHEN s.status = 'returned' THEN
                (SELECT comment FROM submission_reviews v WHERE v.submission_id = s.id AND v.action = 'return'
                 ORDER BY v.id DESC LIMIT 1) END AS returnComment
       FROM reporting_periods p
       LEFT JOIN submissions s ON s.period_id = p.id AND s.agency_id = ?
       ORDER BY p.code DESC`,
    )
    .all(agencyId) as Array<Omit<AgencyQuarter, 'open' | 'late'> & { open: number; late: number }>;
  return rows.map((row) => ({ ...row, open: row.open === 1, late: row.late === 1 }));
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
 * submitted late. What an admin needs to chase missing reports.
 */
export function summarizeCompleteness(db: Db, quarters: number): QuarterCompleteness[] {
  const rows = db
    .prepare(
      `WITH recent AS (SELECT * FROM reporting_periods ORDER BY code DESC LIMIT ?),
            agencies AS (SELECT id FROM org_units WHERE level = 'agency' AND active = 1)
       SELECT p.code AS period, p.deadline, p.open,
              (SELECT count(*) FROM agencies) AS expected,
              count(CASE WHEN s.status = 'approved' THEN 1 END) AS approved,
              count(CASE WHEN s.status = 'submitted' THEN 1 END) AS submitted,
              count(CASE WHEN s.status = 'returned' THEN 1 END) AS returned,
              count(CASE WHEN s.status = 'draft' THEN 1 END) AS draft,
              count(CASE WHEN r.late = 1 THEN 1 END) AS late
       FROM recent p
       LEFT JOIN submissions s ON s.period_id = p.id AND s.agency_id IN (SELECT id FROM agencies)
       LEFT JOIN submission_revisions r ON r.submission_id = s.id AND r.revision = 1
       GROUP BY p.id ORDER BY p.code DESC`,
    )
    .all(quarters) as Array<Omit<QuarterCompleteness, 'open' | 'notStarted'> & { open: number }>;
  return rows.map((row) => ({
    ...row,
    open: row.open === 1,
    notStarted: row.expected - row.approved - row.submitted - row.returned - row.draft,
  }));
}
