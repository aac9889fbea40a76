/**
 * A release as a background job: the runner's release kind, one release computing per database, and
 * how a release that cannot finish is ended as failed (its row says why; nothing from it is served).
 * No HTTP here.
 */
import type { Db } from '../../db';
import type { Audience } from '../../disclosure/types';
import { recordAudit } from '../../queries/audit';
import { failInterruptedReleases, markReleaseFailed } from '../../queries/releases';
import { defineJobKind } from '../jobs';
import { interruptedFailure, unexpectedFailure } from './describe';
import type { AudienceSummary } from './views';

/**
 * Ends a computing release as failed, saying why, with the summaries of the audiences protected
 * before it failed; audited. Nothing of it is served.
 */
export function failRelease(
  db: Db,
  failure: {
    releaseId: number;
    userId: number | null;
    reason: string;
    summaries?: Partial<Record<Audience, AudienceSummary>>;
  },
): void {
  const { releaseId, userId, reason, summaries = {} } = failure;
  db.transaction(() => {
    markReleaseFailed(db, {
      id: releaseId,
      reason,
      auditSummary: Object.keys(summaries).length > 0 ? summaries : null,
    });
    recordAudit(db, {
      userId,
      action: 'release-failed',
      entityType: 'release',
      entityId: releaseId,
      details: { reason },
    });
  })();
}

/** Releases being computed, by release id. */
export const releaseJobs = defineJobKind<number>({
  name: 'release',
  // The computation words its own failures; this is for one that could not even record its own.
  recordFailure: (db, releaseId, error) => {
    console.error(error);
    failRelease(db, { releaseId, userId: null, reason: unexpectedFailure });
  },
  // A release a stopped server left computing failed too: the record says so, as for any other failure.
  failInterrupted: (db) =>
    db.transaction(() => {
      const ids = failInterruptedReleases(db, interruptedFailure);
      for (const releaseId of ids)
        recordAudit(db, {
          userId: null,
          action: 'release-failed',
          entityType: 'release',
          entityId: releaseId,
          details: { reason: interruptedFailure },
        });
      return ids;
    })(),
});

/** Waits for a release computing in this process to be published or to fail. */
export async function releaseSettled(db: Db, releaseId: number): Promise<void> {
  await releaseJobs.settled(db, releaseId);
}

/** Marks releases left computing by a stopped process as failed; call once at start-up. */
export function failInterrupted(db: Db): number[] {
  return releaseJobs.failInterrupted(db);
}
