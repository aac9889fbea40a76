/**
 * Computing a release, the job's work: load the approved values of the quarters it covers, build each
 * audience's cube over what earlier releases already froze, protect it in the worker thread, and
 * store the owned cells of both audiences and the coverage at once — or, if either audience's
 * protection fails, store nothing but the reason. No HTTP here.
 */
import type { Db } from '../../db';
import {
  aggregatesContaining,
  buildCube,
  type Cube,
  coalitionGeo,
  type FrozenCell,
} from '../../disclosure/cube';
import { PolicyError } from '../../disclosure/protect';
import type { Audience, ProtectionResult } from '../../disclosure/types';
import { protectInWorker } from '../../disclosure/worker';
import type { Catalog } from '../../domain/catalog';
import { quartersOf } from '../../domain/periods';
import { recordAudit } from '../../queries/audit';
import { insertPublishedCells, listPublishedCells } from '../../queries/publishedCells';
import { getApprovedAgencies, getApprovedValues } from '../../queries/raw/approvedValues';
import {
  type CoverageRow,
  getPublishedReleaseOfPeriod,
  getRelease,
  insertReleaseCoverage,
  listAgenciesWithCounty,
  listCountyCodes,
  markReleasePublished,
  type ReleaseRow,
} from '../../queries/releases';
import { catalogVersion } from '../catalog';
import type { JobContext } from '../jobs';
import { policyRefusal, protectionFailure, unexpectedFailure } from './describe';
import { failRelease } from './jobs';
import { audienceScope, audiences, disclosurePolicy } from './policy';
import { type AudienceSummary, summaryOf } from './views';

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

/**
 * Computes a release started in `computing` and ends it published or failed; every failure is
 * recorded with its reason, so this only rejects if even that could not be written.
 */
export async function computeRelease(
  db: Db,
  releaseId: number,
  userId: number | null,
  job: JobContext,
  now: () => Date,
): Promise<void> {
  const summaries: Partial<Record<Audience, AudienceSummary>> = {};
  const fail = (reason: string) => failRelease(db, { releaseId, userId, reason, summaries });
  try {
    const release = getRelease(db, releaseId) as ReleaseRow;
    job.report({ stage: 'loading' });
    const loaded = loadRelease(db, release);
    const policy = disclosurePolicy(db);
    const protectedCubes: Array<{ audience: Audience; cube: Cube; result: ProtectionResult }> = [];
    for (const audience of audiences) {
      job.report({ stage: `protecting the ${audience} figures`, done: 0, total: 0 });
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
        onProgress: (done, total) => job.report({ done, total }),
      });
      summaries[audience] = summaryOf(result);
      if (result.status === 'failed') {
        fail(protectionFailure(loaded.catalog, cube, result));
        return;
      }
      protectedCubes.push({ audience, cube, result });
      await job.yieldToEventLoop();
    }

    job.report({ stage: 'publishing' });
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
    if (error instanceof PolicyError) fail(policyRefusal(error));
    else {
      console.error(error);
      fail(unexpectedFailure);
    }
  }
}
