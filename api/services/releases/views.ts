/**
 * Releases as their readers see them: what was published when, the protection's outcome per audience,
 * and progress while one computes. Admins see everything; everyone else sees published and superseded
 * releases only, without their failure reasons or what would give away the sum of hidden values.
 * No HTTP here.
 */
import type { Db } from '../../db';
import type { Audience, ProtectionResult } from '../../disclosure/types';
import { notFound } from '../../errors';
import { canViewReleaseDetails } from '../../permissions';
import { getRelease, listReleases, type ReleaseRow } from '../../queries/releases';
import type { User } from '../../queries/users';
import type { JobProgress } from '../jobs';
import { releaseJobs } from './jobs';

export type AudienceSummary = {
  status: 'passed' | 'failed';
  threshold: number;
  cells: number;
  hidden: number;
  primary: number;
  complementary: number;
  lpsSolved: number;
  /** Checks (a cell, in one view) settled by a certificate, not an LP (absent from older releases). */
  certificates?: number;
  seconds: number;
  hiddenShareOfCells: number;
  /** Admins only: with the published cells it would give away the sum of the hidden values. */
  hiddenShareOfCount?: number;
  /** Admins only (as the share of the count): what hiding took, per level (absent from older releases). */
  loss?: ProtectionResult['stats']['loss'];
};

export type ReleaseView = {
  id: number;
  period: string;
  sequence: number;
  status: ReleaseRow['status'];
  createdAt: string;
  publishedAt: string | null;
  createdBy: string | null;
  catalogVersion: number;
  periods: string[];
  progress: JobProgress | null;
  failureReason: string | null;
  /** Whether any period it publishes is provisional (too few agencies reported), and which. */
  provisional: boolean;
  provisionalPeriods: Array<{ period: string; reported: number; expected: number }>;
  audiences: Partial<Record<Audience, AudienceSummary>>;
};

/** What a release stores of one audience's protection. */
export function summaryOf(result: ProtectionResult): AudienceSummary {
  const { stats } = result;
  return {
    status: result.status,
    threshold: result.threshold,
    cells: stats.cells,
    hidden: stats.hidden,
    primary: stats.primary,
    complementary: stats.complementary,
    lpsSolved: stats.lpsSolved,
    certificates: stats.certificates,
    seconds: Math.round(stats.seconds * 1000) / 1000,
    hiddenShareOfCells: stats.hiddenShareOfCells,
    hiddenShareOfCount: stats.hiddenShareOfCount,
    loss: stats.loss,
  };
}

/** A release as this user may see it. */
export function viewOf(db: Db, row: ReleaseRow, user: User | null): ReleaseView {
  const details = canViewReleaseDetails(user);
  const stored = (row.auditSummary ? JSON.parse(row.auditSummary) : {}) as Partial<
    Record<Audience, AudienceSummary>
  >;
  const provisionalPeriods = row.completeness.flatMap(({ period, reported, expected, provisional }) =>
    provisional ? [{ period, reported: reported ?? 0, expected: expected ?? 0 }] : [],
  );
  const summaries = Object.fromEntries(
    Object.entries(stored).map(([audience, s]) => {
      if (details) return [audience, s];
      const { hiddenShareOfCount: _leaky, loss: _alsoLeaky, ...safe } = s as AudienceSummary;
      return [audience, safe];
    }),
  );
  return {
    id: row.id,
    period: row.period,
    sequence: row.sequence,
    status: row.status,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    createdBy: user ? row.createdBy : null,
    catalogVersion: row.catalogVersion,
    periods: row.periods,
    progress:
      row.status === 'computing'
        ? // Computing in another process (or left by a stopped one): nothing to say yet.
          (releaseJobs.progress(db, row.id) ?? { stage: 'waiting', done: 0, total: 0 })
        : null,
    failureReason: details ? row.failureReason : null,
    provisional: provisionalPeriods.length > 0,
    provisionalPeriods,
    audiences: summaries,
  };
}

const visibleStatuses = ['published', 'superseded'] as const;

/** Releases newest first: every one for admins; published and superseded ones for everyone else. */
export function listReleaseViews(db: Db, user: User | null): ReleaseView[] {
  const rows = canViewReleaseDetails(user) ? listReleases(db) : listReleases(db, visibleStatuses);
  return rows.map((row) => viewOf(db, row, user));
}

/** One release; a release still computing or failed is visible to admins only. */
export function getReleaseView(db: Db, user: User | null, id: number): ReleaseView {
  const row = getRelease(db, id);
  if (!row || (!canViewReleaseDetails(user) && !(visibleStatuses as readonly string[]).includes(row.status)))
    throw notFound(`There is no release ${id}.`);
  return viewOf(db, row, user);
}
