/**
 * Publishing a quarter: an admin starts a release, which is created in `computing` and computed in the
 * background, ending published or failed (see `compute.ts`). Also the ways to publish and wait, for the
 * demo's history on first start, scripts and tests. No HTTP here.
 */
import type { Db } from '../../db';
import { comparePeriods, parseQuarter } from '../../domain/periods';
import { ApiError, badRequest, forbidden } from '../../errors';
import { canPublishRelease } from '../../permissions';
import { getPeriodByCode, listPeriodCompleteness, type ReportingPeriod } from '../../queries/periods';
import { getApprovedAgencies } from '../../queries/raw/approvedValues';
import {
  getComputingRelease,
  getPublishedReleaseOfPeriod,
  getRelease,
  insertRelease,
  type ReleaseRow,
} from '../../queries/releases';
import type { User } from '../../queries/users';
import { currentCatalogVersionIdOrFail } from '../catalog';
import { computeRelease } from './compute';
import { releaseJobs, releaseSettled } from './jobs';
import { periodsOfRelease } from './policy';
import { getReleaseView, type ReleaseView, viewOf } from './views';

/** The reporting period with this code; a 400 if there is none. */
export function requireReportingPeriod(db: Db, code: string): ReportingPeriod {
  const period = getPeriodByCode(db, code);
  if (!period) throw badRequest(`There is no reporting period ${code}.`);
  return period;
}

const inProgress = (row: ReleaseRow | undefined) =>
  new ApiError(
    409,
    'release-in-progress',
    row
      ? `Release ${row.sequence} of ${row.period} is being computed. Wait for it to finish, then try again.`
      : 'Another release is being computed. Wait for it to finish, then try again.',
  );

/**
 * Starts a release of a quarter: creates it in `computing` and computes it in the background.
 * Answers at once with the release; `releaseSettled` waits for the outcome.
 */
export function startRelease(db: Db, user: User, periodCode: string, now: () => Date): ReleaseView {
  if (!canPublishRelease(user)) throw forbidden('Only coalition admins publish releases.');
  if (releaseJobs.running(db)) throw inProgress(getComputingRelease(db));
  const period = requireReportingPeriod(db, periodCode);
  if (!parseQuarter(period.code)) throw badRequest(`${period.code} is not a quarter.`);
  const approved = getApprovedAgencies(db, [period.code]).get(period.code)?.size ?? 0;
  if (approved === 0)
    throw new ApiError(
      400,
      'nothing-to-publish',
      `No agency has an approved report for ${period.code}, so there is nothing to publish.`,
    );
  const catalogVersionId = currentCatalogVersionIdOrFail(db);
  let releaseId: number;
  try {
    releaseId = insertRelease(db, {
      periodId: period.id,
      catalogVersionId,
      createdBy: user.id,
      at: now().toISOString(),
      periods: periodsOfRelease(db, period.code).periods,
    });
  } catch (error) {
    // The unique index on computing releases: another process started one first.
    if (String((error as Error).message).includes('UNIQUE')) throw inProgress(getComputingRelease(db));
    throw error;
  }
  releaseJobs.start(db, releaseId, (job) => computeRelease(db, releaseId, user.id, job, now));
  return viewOf(db, getRelease(db, releaseId) as ReleaseRow, user);
}

/** Starts a release and waits for it: for the demo's first start, scripts and tests. */
export async function publishRelease(db: Db, user: User, periodCode: string, now = () => new Date()) {
  const started = startRelease(db, user, periodCode, now);
  await releaseSettled(db, started.id);
  return getReleaseView(db, user, started.id);
}

/**
 * Publishes, oldest first, every quarter in which every active agency's report is approved and that
 * has no release yet: the demo's history on first start. Returns what it published and how long it took.
 */
export async function publishCompleteQuarters(
  db: Db,
  user: User,
  now = () => new Date(),
): Promise<{ published: string[]; failed: string[]; seconds: number }> {
  const started = performance.now();
  const published: string[] = [];
  const failed: string[] = [];
  const quarters = listPeriodCompleteness(db)
    .filter((p) => p.expected > 0 && p.approved === p.expected)
    .map((p) => p.code)
    .sort(comparePeriods);
  for (const quarter of quarters) {
    if (getPublishedReleaseOfPeriod(db, quarter)) continue;
    const release = await publishRelease(db, user, quarter, now);
    (release.status === 'published' ? published : failed).push(quarter);
  }
  return { published, failed, seconds: (performance.now() - started) / 1000 };
}
