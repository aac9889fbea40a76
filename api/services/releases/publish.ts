/**
 * Publishing a quarter: an admin starts a release, which is created in `computing` and computed in the
 * background, ending published or failed (see `compute.ts`). Also the ways to publish and wait, for the
 * demo's history on first start, scripts and tests. No HTTP here.
 */
import type { Db } from '../../db';
import { periodCoverage } from '../../domain/agencyMembership';
import type { Catalog } from '../../domain/catalog';
import { comparePeriods, parseQuarter, quartersOf } from '../../domain/periods';
import { ApiError, badRequest, forbidden } from '../../errors';
import { canPublishRelease } from '../../permissions';
import { recordAudit } from '../../queries/audit';
import { getPeriodByCode, listPeriodCompleteness, type ReportingPeriod } from '../../queries/periods';
import { getApprovedAgencies } from '../../queries/raw/approvedValues';
import {
  getComputingRelease,
  getPublishedReleaseOfPeriod,
  getRelease,
  insertRelease,
  listAgenciesWithCounty,
  type PeriodCompleteness,
  type ReleaseRow,
} from '../../queries/releases';
import type { User } from '../../queries/users';
import { catalogVersion, currentCatalogVersionIdOrFail } from '../catalog';
import { computeRelease } from './compute';
import { releaseJobs, releaseSettled } from './jobs';
import { isBelowShare, periodsOfRelease, publicationSettings } from './policy';
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

/** A period a release would publish, how complete it is across the coalition, and who is missing from it. */
export type ReleasePeriodCompleteness = PeriodCompleteness & {
  reported: number;
  expected: number;
  /** Agencies expected that have no approved report (for a year, in one of its quarters or more). */
  missing: Array<{ code: string; name: string }>;
};

/**
 * How complete each period a release would publish is across the coalition, as the provisional rule
 * judges it. The agencies expected are those of a type that reports any part of the catalog that are
 * active (from their first quarter on), or that reported though no longer active; they count as reported with an approved report
 * (for a year, in every one of its quarters). A quarter is provisional when fewer than `share` of
 * them reported; a year, half or fiscal year when any of its quarters is.
 */
export function releaseCompleteness(
  db: Db,
  catalog: Catalog,
  periods: readonly string[],
  share: number,
): ReleasePeriodCompleteness[] {
  const reportingTypes = new Set(catalog.sections.flatMap((s) => s.agencyTypes));
  const agencies = listAgenciesWithCounty(db).filter((a) => reportingTypes.has(a.type));
  const quartersByPeriod = new Map(periods.map((p) => [p, quartersOf(p).map((q) => q.code)]));
  const approved = getApprovedAgencies(db, [...new Set([...quartersByPeriod.values()].flat())]);
  const completenessOf = (quarters: readonly string[]) => {
    const coverage = new Map(agencies.map((a) => [a.code, periodCoverage(a, quarters, approved)]));
    const expected = agencies.filter((a) => coverage.get(a.code)?.expected);
    const missing = expected
      .filter((a) => !coverage.get(a.code)?.reported)
      .map(({ code, name }) => ({ code, name }));
    return { reported: expected.length - missing.length, expected: expected.length, missing };
  };
  return periods.map((period) => {
    const quarters = quartersByPeriod.get(period) ?? [];
    const provisional = quarters.some((q) => {
      const quarter = completenessOf([q]);
      return isBelowShare(quarter.reported, quarter.expected, share);
    });
    return { period, ...completenessOf(quarters), provisional };
  });
}

/**
 * In words, which periods publishing would make provisional and why: "2026Q3 would be provisional:
 * only 8 of 14 agencies have an approved report, fewer than 80%."
 */
export function provisionalSentence(
  provisional: readonly ReleasePeriodCompleteness[],
  share: number,
): string {
  const percent = `${Math.round(share * 100)}%`;
  return provisional
    .map((p) =>
      parseQuarter(p.period)
        ? `${p.period} would be provisional: only ${p.reported} of ${p.expected} agencies have an approved report, fewer than ${percent}.`
        : `${p.period} would be provisional: one of its quarters has fewer than ${percent} of agencies' reports approved.`,
    )
    .join(' ');
}

/** The refusal of a provisional release that was not confirmed: who is missing, and how to go ahead. */
function provisionalNotConfirmed(provisional: readonly ReleasePeriodCompleteness[], share: number) {
  const missing = [...new Map(provisional.flatMap((p) => p.missing).map((a) => [a.code, a.name])).values()];
  return new ApiError(
    409,
    'provisional-not-confirmed',
    `${provisionalSentence(provisional, share)} Not yet approved: ${missing.join(', ')}. To publish anyway, confirm it (send "confirmProvisional": true); it will be marked provisional wherever it appears.`,
    { provisionalShare: share, periods: provisional },
  );
}

/** What an admin confirms when starting a release. */
export type PublishConfirmation = {
  /** Publishing a period that would be provisional: the admin has seen who is missing. */
  confirmProvisional?: boolean;
};

/**
 * Starts a release of a quarter: creates it in `computing` and computes it in the background.
 * Answers at once with the release; `releaseSettled` waits for the outcome. A release that would
 * publish a provisional period is refused (409) unless `confirmation.confirmProvisional` says the
 * admin has seen who is missing; each period's completeness is recorded with the release.
 */
export function startRelease(
  db: Db,
  user: User,
  periodCode: string,
  now: () => Date,
  confirmation: PublishConfirmation = {},
): ReleaseView {
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
  const { periods } = periodsOfRelease(db, period.code);
  const share = publicationSettings(db).provisionalShare;
  const completeness = releaseCompleteness(db, catalogVersion(db, catalogVersionId).catalog, periods, share);
  const provisional = completeness.filter((c) => c.provisional);
  if (provisional.length > 0 && confirmation.confirmProvisional !== true)
    throw provisionalNotConfirmed(provisional, share);
  const at = now().toISOString();
  let releaseId: number;
  try {
    releaseId = db.transaction(() => {
      const id = insertRelease(db, {
        periodId: period.id,
        catalogVersionId,
        createdBy: user.id,
        at,
        periods,
        completeness,
      });
      if (provisional.length > 0)
        recordAudit(db, {
          userId: user.id,
          action: 'confirm-provisional-release',
          entityType: 'release',
          entityId: id,
          details: {
            period: period.code,
            provisionalShare: share,
            provisional: provisional.map(({ period, reported, expected, missing }) => ({
              period,
              reported,
              expected,
              missing: missing.map((a) => a.code),
            })),
          },
          at,
        });
      return id;
    })();
  } catch (error) {
    // The unique index on computing releases: another process started one first.
    if (String((error as Error).message).includes('UNIQUE')) throw inProgress(getComputingRelease(db));
    throw error;
  }
  releaseJobs.start(db, releaseId, (job) => computeRelease(db, releaseId, user.id, job, now));
  return viewOf(db, getRelease(db, releaseId) as ReleaseRow, user);
}

/** Starts a release and waits for it: for the demo's first start, scripts and tests. */
export async function publishRelease(
  db: Db,
  user: User,
  periodCode: string,
  now = () => new Date(),
  confirmation: PublishConfirmation = {},
) {
  const started = startRelease(db, user, periodCode, now, confirmation);
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
