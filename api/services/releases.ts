/**
 * Releases: publishing one quarter's protected cube. An admin starts a release; it is computed in the
 * background (protection runs in a worker thread and reports progress), and ends either published —
 * the owned cells of each audience stored at once, frozen — or failed, with nothing from it served.
 * No HTTP here.
 */
import type { Db } from '../db';
import {
  aggregatesContaining,
  buildCube,
  type Cube,
  type CubeScope,
  coalitionGeo,
  comparePeriods,
  type FrozenCell,
  quartersOf,
  type ReleaseCell,
  releaseAggregates,
  totalOption,
} from '../disclosure/cube';
import { PolicyError } from '../disclosure/protect';
import {
  type Audience,
  defaultThresholds,
  minimumThresholds,
  type ProtectionResult,
} from '../disclosure/types';
import { protectInWorker } from '../disclosure/worker';
import type { Catalog } from '../domain/catalog';
import { parseQuarter } from '../domain/periods';
import { ApiError, badRequest, forbidden, notFound } from '../errors';
import { canChangeDisclosurePolicy, canPublishRelease, canViewReleaseDetails } from '../permissions';
import { recordAudit } from '../queries/audit';
import { currentCatalogVersionId } from '../queries/catalog';
import { getPeriodByCode, listPeriodCompleteness, type ReportingPeriod } from '../queries/periods';
import {
  type CoverageRow,
  failInterruptedReleases,
  getApprovedAgencies,
  getApprovedValues,
  getComputingRelease,
  getDisclosurePolicySetting,
  getPublishedReleaseOfPeriod,
  getRelease,
  insertPublishedCells,
  insertRelease,
  insertReleaseCoverage,
  listAgenciesWithCounty,
  listCountyCodes,
  listExistingPeriods,
  listPublishedCells,
  listPublishedReleasesOfPeriod,
  listReleases,
  markReleaseFailed,
  markReleasePublished,
  type ReleaseRow,
  setDisclosurePolicySetting,
} from '../queries/releases';
import { listPeriodSubmissions } from '../queries/submissions';
import type { User } from '../queries/users';
import { catalogVersion } from './catalog';

export const audiences: readonly Audience[] = ['coalition', 'public'];
/** The cube each audience is protected over: the public sees coalition-wide totals and one-way tables only. */
export const audienceScope: Readonly<Record<Audience, CubeScope>> = { coalition: 'full', public: 'coarse' };

// ---- Policy --------------------------------------------------------------------------------------

export type DisclosurePolicy = Record<Audience, number>;

/** The thresholds in force: the stored policy over the defaults. */
export function disclosurePolicy(db: Db): DisclosurePolicy {
  const stored = getDisclosurePolicySetting(db);
  const policy = { ...defaultThresholds };
  if (stored === undefined) return policy;
  const parsed = JSON.parse(stored) as Partial<DisclosurePolicy>;
  for (const audience of audiences) {
    const threshold = parsed[audience];
    if (typeof threshold === 'number') policy[audience] = threshold;
  }
  return policy;
}

/** Changes the thresholds, refusing any below its audience's minimum. Applies to later releases. */
export function changeDisclosurePolicy(
  db: Db,
  user: User,
  change: Partial<DisclosurePolicy>,
): DisclosurePolicy {
  if (!canChangeDisclosurePolicy(user))
    throw forbidden('Only coalition admins change the disclosure policy.');
  const problems = audiences.flatMap((audience) => {
    const threshold = change[audience];
    return threshold !== undefined && threshold < minimumThresholds[audience]
      ? [
          `The ${audience} threshold must be at least ${minimumThresholds[audience]}; ${threshold} would protect too little.`,
        ]
      : [];
  });
  if (problems.length > 0) throw new ApiError(400, 'policy-too-weak', problems.join(' '));
  return db.transaction(() => {
    const policy = { ...disclosurePolicy(db), ...change };
    setDisclosurePolicySetting(db, JSON.stringify(policy));
    recordAudit(db, {
      userId: user.id,
      action: 'change-disclosure-policy',
      entityType: 'settings',
      details: policy,
    });
    return policy;
  })();
}

// ---- What a release publishes --------------------------------------------------------------------

/**
 * The periods a release of this quarter publishes: the quarter, and its year (after Q4) or federal
 * fiscal year (after Q3) when every quarter of it is a reporting period.
 */
export function periodsOfRelease(db: Db, quarter: string): { periods: string[]; leftOut: string[] } {
  const aggregates = releaseAggregates(quarter);
  const needed = aggregates.flatMap((a) => quartersOf(a).map((q) => q.code));
  const existing = listExistingPeriods(db, needed);
  const included = aggregates.filter((a) => quartersOf(a).every((q) => existing.has(q.code)));
  return { periods: [quarter, ...included], leftOut: aggregates.filter((a) => !included.includes(a)) };
}

// ---- Background jobs -----------------------------------------------------------------------------

export type ReleaseProgress = { stage: string; done: number; total: number };
type Job = { releaseId: number; progress: ReleaseProgress; settled: Promise<void> };

/** The release being computed in this process, per database. */
const jobs = new WeakMap<Db, Job>();

/** Waits for a release computing in this process to be published or to fail. */
export async function releaseSettled(db: Db, releaseId: number): Promise<void> {
  const job = jobs.get(db);
  if (job?.releaseId === releaseId) await job.settled;
}

/** Marks releases left computing by a stopped process as failed; call once at start-up. */
export function failInterrupted(db: Db): number[] {
  return failInterruptedReleases(
    db,
    'The server stopped while this release was being computed, so nothing from it was published. Start it again.',
  );
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

// ---- Views ---------------------------------------------------------------------------------------

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
  progress: ReleaseProgress | null;
  failureReason: string | null;
  audiences: Partial<Record<Audience, AudienceSummary>>;
};

function summaryOf(result: ProtectionResult): AudienceSummary {
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
  };
}

function viewOf(db: Db, row: ReleaseRow, user: User | null): ReleaseView {
  const details = canViewReleaseDetails(user);
  const job = jobs.get(db);
  const stored = (row.auditSummary ? JSON.parse(row.auditSummary) : {}) as Partial<
    Record<Audience, AudienceSummary>
  >;
  const summaries = Object.fromEntries(
    Object.entries(stored).map(([audience, s]) => {
      if (details) return [audience, s];
      const { hiddenShareOfCount: _leaky, ...safe } = s as AudienceSummary;
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
      row.status === 'computing' && job?.releaseId === row.id
        ? { ...job.progress }
        : row.status === 'computing'
          ? { stage: 'waiting', done: 0, total: 0 }
          : null,
    failureReason: details ? row.failureReason : null,
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

// ---- Preview -------------------------------------------------------------------------------------

function requirePeriod(db: Db, code: string): ReportingPeriod {
  const period = getPeriodByCode(db, code);
  if (!period) throw badRequest(`There is no reporting period ${code}.`);
  return period;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What publishing a quarter would cover: who has been approved, who is missing, and what to watch for. */
export function previewRelease(db: Db, user: User, periodCode: string, now: Date) {
  if (!canPublishRelease(user)) throw forbidden('Only coalition admins publish releases.');
  const period = requirePeriod(db, periodCode);
  const submissions = listPeriodSubmissions(db, period.id, null);
  const count = (status: string) => submissions.filter((s) => s.status === status).length;
  const approved = submissions.filter((s) => s.status === 'approved');
  const missing = submissions.filter((s) => s.status !== 'approved');
  const previous = listPublishedReleasesOfPeriod(db, period.id);
  const { periods, leftOut } = periodsOfRelease(db, period.code);
  const today = now.toISOString().slice(0, 10);
  const warnings: string[] = [];
  if (approved.length === 0)
    warnings.push('No agency has an approved report for this quarter: there is nothing to publish.');
  else if (missing.length > 0)
    warnings.push(
      `${plural(missing.length, 'agency has', 'agencies have')} no approved report: their numbers will be missing.`,
    );
  if (period.open) warnings.push(`${period.code} is still open for entry, so reports may still change.`);
  if (today <= period.deadline) warnings.push(`The deadline (${period.deadline}) has not passed yet.`);
  for (const aggregate of leftOut)
    warnings.push(`${aggregate} will not be published: not all of its quarters are reporting periods.`);
  if (previous.length > 0)
    warnings.push(
      `This corrects release ${previous[0]?.sequence} of ${period.code}: cells hidden there stay hidden, and it replaces that release once published.`,
    );
  const computing = getComputingRelease(db);
  if (computing)
    warnings.push(
      `Release ${computing.sequence} of ${computing.period} is being computed; wait for it to finish.`,
    );
  return {
    period: period.code,
    deadline: period.deadline,
    open: period.open,
    expected: submissions.length,
    approved: approved.length,
    awaitingReview: count('submitted'),
    returned: count('returned'),
    draft: count('draft'),
    notStarted: count('not_started'),
    approvedAgencies: approved.map((s) => ({ code: s.agency.code, name: s.agency.name })),
    missingAgencies: missing.map((s) => ({ code: s.agency.code, name: s.agency.name, status: s.status })),
    previousReleases: previous.map((r) => r.id),
    periods,
    warnings,
  };
}

// ---- Starting and computing a release ------------------------------------------------------------

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
  if (jobs.has(db)) throw inProgress(getComputingRelease(db));
  const period = requirePeriod(db, periodCode);
  if (!parseQuarter(period.code)) throw badRequest(`${period.code} is not a quarter.`);
  const approved = getApprovedAgencies(db, [period.code]).get(period.code)?.size ?? 0;
  if (approved === 0)
    throw new ApiError(
      400,
      'nothing-to-publish',
      `No agency has an approved report for ${period.code}, so there is nothing to publish.`,
    );
  const catalogVersionId = currentCatalogVersionId(db);
  if (catalogVersionId === undefined)
    throw new ApiError(503, 'no-catalog', 'No catalog has been set up yet.');
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
  const job: Job = {
    releaseId,
    progress: { stage: 'waiting', done: 0, total: 0 },
    settled: Promise.resolve(),
  };
  jobs.set(db, job);
  job.settled = computeRelease(db, releaseId, user.id, job.progress, now)
    .catch((error) => {
      // Only if even recording the failure failed (the database was closed under it, say).
      console.error(`Release ${releaseId} could not be recorded as failed:`, error);
    })
    .finally(() => jobs.delete(db));
  return viewOf(db, getRelease(db, releaseId) as ReleaseRow, user);
}

/** Starts a release and waits for it: for the demo's first start, scripts and tests. */
export async function publishRelease(db: Db, user: User, periodCode: string, now = () => new Date()) {
  const started = startRelease(db, user, periodCode, now);
  await releaseSettled(db, started.id);
  return getReleaseView(db, user, started.id);
}

type Loaded = {
  catalog: Catalog;
  quarter: string;
  /** Periods this release publishes. */
  owned: string[];
  /** Years already published by other releases that contain this quarter. */
  publishedAggregates: string[];
  agencies: ReturnType<typeof listAgenciesWithCounty>;
  counties: string[];
  values: ReturnType<typeof getApprovedValues>;
};

function loadRelease(db: Db, release: ReleaseRow): Loaded {
  const { catalog } = catalogVersion(db, release.catalogVersionId);
  const owned = release.periods;
  const publishedAggregates = aggregatesContaining(release.period).filter(
    (a) => !owned.includes(a) && getPublishedReleaseOfPeriod(db, a) !== undefined,
  );
  const quarters = [
    ...new Set([
      release.period,
      ...[...owned, ...publishedAggregates].flatMap((p) => quartersOf(p).map((q) => q.code)),
    ]),
  ];
  return {
    catalog,
    quarter: release.period,
    owned,
    publishedAggregates,
    agencies: listAgenciesWithCounty(db),
    counties: listCountyCodes(db),
    values: getApprovedValues(db, quarters),
  };
}

/** What earlier releases published for an audience over the cube's periods, by cell id. */
function frozenCells(db: Db, audience: Audience, periods: Iterable<string>): Map<string, FrozenCell> {
  const frozen = new Map<string, FrozenCell>();
  for (const period of periods) {
    const release = getPublishedReleaseOfPeriod(db, period);
    if (!release) continue;
    for (const cell of listPublishedCells(db, release.id, audience, period))
      frozen.set(`${cell.period}/${cell.geo}/${cell.table}/${cell.optionKey}`, {
        suppressed: cell.suppressed,
        value: cell.value,
      });
  }
  return frozen;
}

function cubeFor(loaded: Loaded, audience: Audience, frozen: ReadonlyMap<string, FrozenCell>): Cube {
  return buildCube({
    catalog: loaded.catalog,
    agencies: loaded.agencies,
    counties: loaded.counties,
    values: loaded.values,
    quarter: loaded.quarter,
    aggregates: loaded.owned.filter((p) => p !== loaded.quarter),
    publishedAggregates: loaded.publishedAggregates,
    frozen,
    scope: audienceScope[audience],
  });
}

/**
 * How complete each owned period is, per geography and catalog section: agencies whose type reports
 * the section that have an approved report (for a year, in every one of its quarters), of those
 * expected (active agencies of those types, and any former member that reported).
 */
function coverageOf(db: Db, loaded: Loaded): CoverageRow[] {
  const approved = getApprovedAgencies(db, [
    ...new Set(loaded.owned.flatMap((p) => quartersOf(p).map((q) => q.code))),
  ]);
  const rows: CoverageRow[] = [];
  for (const period of loaded.owned) {
    const quarters = quartersOf(period).map((q) => q.code);
    const reportedAll = (agency: string) => quarters.every((q) => approved.get(q)?.has(agency));
    for (const geo of [coalitionGeo, ...loaded.counties]) {
      const inGeo = loaded.agencies.filter((a) => geo === coalitionGeo || a.county === geo);
      for (const section of loaded.catalog.sections) {
        const reporting = inGeo.filter((a) => section.agencyTypes.includes(a.type));
        const reported = reporting.filter((a) => reportedAll(a.code)).length;
        const expected = reporting.filter((a) => a.active || reportedAll(a.code)).length;
        rows.push({ period, geo, section: section.code, reported, expected });
      }
    }
  }
  return rows;
}

const geoWords = (geo: string) => (geo === coalitionGeo ? 'coalition-wide' : geo);

/** A cell in words: "Survivors served · By gender identity · Male (2026Q3, SBN)". */
export function describeCell(
  catalog: Catalog,
  cell: Pick<ReleaseCell, 'element' | 'table' | 'coords' | 'period' | 'geo'>,
) {
  const element = catalog.sections.flatMap((s) => s.elements).find((e) => e.code === cell.element);
  const combo = catalog.categoryCombos.find((c) => `${cell.element}.${c.code}` === cell.table);
  const options = Object.entries(cell.coords).map(([category, option]) => {
    if (option === totalOption) return 'all';
    return (
      catalog.categories.find((c) => c.code === category)?.options.find((o) => o.code === option)?.name ??
      option
    );
  });
  const parts = [element?.name ?? cell.element, ...(combo ? [combo.name, options.join(', ')] : [])];
  return `${parts.join(' · ')} (${cell.period}, ${geoWords(cell.geo)})`;
}

/** Why protection failed, in words an admin can act on; never a hidden value. */
function failureReasonOf(catalog: Catalog, cube: Cube, result: ProtectionResult): string {
  const byId = new Map(cube.cells.map((c) => [c.id, c]));
  const cells = [...new Set(result.failures.map((f) => f.cell))];
  const byInsider = new Set(result.failures.filter((f) => f.insider !== null).map((f) => f.cell));
  const examples = cells
    .slice(0, 3)
    .map((id) => byId.get(id))
    .filter((c): c is ReleaseCell => c !== undefined)
    .map((c) => describeCell(catalog, c));
  const who =
    byInsider.size === 0
      ? 'by anyone reading the release'
      : byInsider.size === cells.length
        ? 'by an agency that knows its own numbers'
        : `by anyone reading the release or, for ${byInsider.size} of them, by an agency that knows its own numbers`;
  // An infeasible audit: the relations contradict the values, which only inconsistent reports do.
  // (An exact minimum that doesn't exist; a large component's unproven cells have no interval at all.)
  const contradictory = result.failures.some((f) => f.exact && Number.isNaN(f.lower));
  return (
    `The ${result.audience} figures could not be protected: ${plural(cells.length, 'hidden cell')} ${result.failures.every((f) => f.exact) ? 'could still be narrowed down' : 'could not be shown to be safe'} ${who}` +
    `${examples.length > 0 ? ` (for example ${examples.join('; ')})` : ''}. Nothing from this release was published.` +
    (contradictory
      ? ' Some approved numbers contradict each other (a breakdown that does not add up to its total, for instance): check the approved reports, reopen and correct them, then publish again.'
      : '')
  );
}

async function computeRelease(
  db: Db,
  releaseId: number,
  userId: number | null,
  progress: ReleaseProgress,
  now: () => Date,
): Promise<void> {
  // Let the request that started the release answer first.
  await yieldToEventLoop();
  const summaries: Partial<Record<Audience, AudienceSummary>> = {};
  const fail = (reason: string) => {
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
  };
  try {
    const release = getRelease(db, releaseId) as ReleaseRow;
    progress.stage = 'loading';
    const loaded = loadRelease(db, release);
    const policy = disclosurePolicy(db);
    const protectedCubes: Array<{ audience: Audience; cube: Cube; result: ProtectionResult }> = [];
    for (const audience of audiences) {
      progress.stage = `protecting the ${audience} figures`;
      progress.done = 0;
      progress.total = 0;
      const periods = [
        ...new Set([
          ...loaded.owned,
          ...loaded.publishedAggregates,
          ...[...loaded.owned, ...loaded.publishedAggregates].flatMap((p) =>
            quartersOf(p).map((q) => q.code),
          ),
        ]),
      ];
      const cube = cubeFor(loaded, audience, frozenCells(db, audience, periods));
      // In the worker thread: the audit can take minutes, and requests are answered meanwhile.
      const result = await protectInWorker({
        cells: cube.cells,
        relations: cube.relations,
        audience,
        threshold: policy[audience],
        onProgress: (done, total) => {
          progress.done = done;
          progress.total = total;
        },
      });
      summaries[audience] = summaryOf(result);
      if (result.status === 'failed') {
        fail(failureReasonOf(loaded.catalog, cube, result));
        return;
      }
      protectedCubes.push({ audience, cube, result });
      await yieldToEventLoop();
    }

    progress.stage = 'publishing';
    const at = now().toISOString();
    db.transaction(() => {
      let stored = 0;
      for (const { audience, cube, result } of protectedCubes) {
        const suppressed = new Map(result.cells.map((c) => [c.id, c.suppressed]));
        stored += insertPublishedCells(
          db,
          releaseId,
          audience,
          cube.cells
            .filter((c) => c.owned)
            .map((c) => {
              const hidden = suppressed.get(c.id);
              // A cell the engine did not decide is not published (fail closed).
              const isHidden = hidden !== false;
              return {
                table: c.table,
                period: c.period,
                geo: c.geo,
                optionKey: c.optionKey,
                value: isHidden ? null : c.value,
                suppressed: isHidden,
              };
            }),
        );
      }
      insertReleaseCoverage(db, releaseId, coverageOf(db, loaded));
      markReleasePublished(db, { id: releaseId, periodId: release.periodId, auditSummary: summaries, at });
      recordAudit(db, {
        userId,
        action: 'publish-release',
        entityType: 'release',
        entityId: releaseId,
        details: {
          period: release.period,
          sequence: release.sequence,
          periods: release.periods,
          cells: stored,
          hidden: Object.fromEntries(protectedCubes.map((p) => [p.audience, p.result.stats.hidden])),
        },
      });
    })();
  } catch (error) {
    if (error instanceof PolicyError) fail(`${error.message} Nothing from this release was published.`);
    else {
      console.error(error);
      fail(
        'Protection stopped with an unexpected error, so nothing from this release was published. Try again; if it fails again, report it.',
      );
    }
  }
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
