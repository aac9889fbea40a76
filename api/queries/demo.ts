import { type Db, statement } from '../db';

/**
 * Whether the database holds anything of Scope's own: an org unit, a user, a catalog, a period or a
 * submission. The demo coalition is only ever written into a database where this is false.
 */
export function hasScopeData(db: Db): boolean {
  return (
    statement(
      db,
      `SELECT EXISTS (SELECT 1 FROM org_units) OR EXISTS (SELECT 1 FROM users)
           OR EXISTS (SELECT 1 FROM catalog_versions) OR EXISTS (SELECT 1 FROM reporting_periods)
           OR EXISTS (SELECT 1 FROM submissions)`,
    )
      .pluck()
      .get() === 1
  );
}

export type HistoryCounts = {
  revisions: number;
  lateRevisions: number;
  /** Reviews by action (approve, return, reopen). */
  reviews: Record<string, number>;
  /** Audit entries about submissions, by action. */
  audit: Record<string, number>;
};

/** How many revisions, reviews and submission audit entries the database holds. */
export function countSubmissionHistory(db: Db): HistoryCounts {
  const revisions = statement(
    db,
    'SELECT count(*) AS revisions, coalesce(sum(late), 0) AS late FROM submission_revisions',
  ).get() as { revisions: number; late: number };
  const byAction = (sql: string) =>
    Object.fromEntries(
      (statement(db, sql).all() as Array<{ action: string; n: number }>).map((r) => [r.action, r.n]),
    );
  return {
    revisions: revisions.revisions,
    lateRevisions: revisions.late,
    reviews: byAction('SELECT action, count(*) AS n FROM submission_reviews GROUP BY action'),
    audit: byAction(
      "SELECT action, count(*) AS n FROM audit_log WHERE entity_type = 'submission' GROUP BY action",
    ),
  };
}
