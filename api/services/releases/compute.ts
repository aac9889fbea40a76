/**
 * Computing a release, the job's work: load the approved values of the quarters it covers, build each
 * audience's cube over what earlier releases already froze, protect it in the worker thread, and
 * store the owned cells of both audiences and the coverage at once — or, if either audience's
 * protection fails, store nothing but the reason. No HTTP here.
 */
import type { Db } from '../../db';
import { buildCube, type Cube, coalitionGeo, type FrozenCell } from '../../disclosure/cube';
import { PolicyError } from '../../disclosure/protect';
import type { Audience, ProtectionResult } from '../../disclosure/types';
import { protectInWorker } from '../../disclosure/worker';
import { periodCoverage } from '../../domain/agencyMembership';
import { quartersOf } from '../../domain/periods';
import { recordAudit } from '../../queries/audit';
import { insertPublishedCells } from '../../queries/publishedCells';
import { getApprovedAgencies } from '../../queries/raw/approvedValues';
import {
  type CoverageRow,
  getRelease,
  insertReleaseCoverage,
  listPublishedPeriods,
  markReleasePublished,
  type ReleaseRow,
} from '../../queries/releases';
import type { JobContext } from '../jobs';
import { contradictions, policyRefusal, protectionFailure, unexpectedFailure } from './describe';
import { cubeSource, readersOf, shownTo } from './history';
import { failRelease } from './jobs';
import { audiences, disclosurePolicy } from './policy';
import { type AudienceSummary, summaryOf } from './views';

type Loaded = ReturnType<typeof cubeSource> & {
  quarter: string;
  /** Periods this release publishes. */
  owned: string[];
  /** Every period published before, by this release's period or others: frozen in the cube. */
  published: string[];
};

function loadRelease(db: Db, release: ReleaseRow): Loaded {
  const owned = release.periods;
  const published = listPublishedPeriods(db).map((p) => p.period);
  return {
    ...cubeSource(db, release.catalogVersionId, [...owned, ...published]),
    quarter: release.period,
    owned,
    published,
  };
}

/** The order audiences are protected in: a members' cube needs what the public's published. */
const protectionOrder: readonly Audience[] = ['public', 'coalition'];

/** The cells a protected cube publishes in this release. */
function publishedOf({ cube, result }: Protected) {
  const hidden = new Map(result.cells.map((c) => [c.id, c.suppressed]));
  return cube.cells.filter((c) => c.owned && hidden.get(c.id) === false);
}

function cubeFor(
  loaded: Loaded,
  audience: Audience,
  frozen: ReadonlyMap<string, FrozenCell>,
  preferred: ReadonlySet<string>,
): Cube {
  return buildCube({ ...loaded, audience, frozen, preferred });
}

type Protected = { audience: Audience; cube: Cube; result: ProtectionResult };

/**
 * Audiences nest: whatever the public sees, members see. A cell the members' protection had to
 * hide is hidden from the public too (hiding more never tells a reader more), so no cell is ever
 * shown to the public and hidden from members.
 */
function nest(protectedCubes: Protected[]): void {
  for (const reader of protectedCubes) {
    const hiddenHere = new Set(reader.result.cells.filter((c) => c.suppressed).map((c) => c.id));
    for (const other of protectedCubes) {
      if (other === reader || !readersOf[reader.audience].includes(other.audience)) continue;
      other.result = {
        ...other.result,
        cells: other.result.cells.map((c) =>
          !c.suppressed && hiddenHere.has(c.id) ? { ...c, suppressed: true, reason: 'complementary' } : c,
        ),
      };
    }
  }
}

/**
 * How complete each owned period is, per geography and catalog section: agencies whose type reports
 * the section that have an approved report (for a year, in every one of its quarters), of those
 * expected (active agencies of those types from their first quarter on, and any former member that reported).
 */
function coverageOf(db: Db, loaded: Loaded): CoverageRow[] {
  const approved = getApprovedAgencies(db, [
    ...new Set(loaded.owned.flatMap((p) => quartersOf(p).map((q) => q.code))),
  ]);
  const rows: CoverageRow[] = [];
  for (const period of loaded.owned) {
    const quarters = quartersOf(period).map((q) => q.code);
    const coverage = new Map(loaded.agencies.map((a) => [a.code, periodCoverage(a, quarters, approved)]));
    for (const geo of [coalitionGeo, ...loaded.counties]) {
      const inGeo = loaded.agencies.filter((a) => geo === coalitionGeo || a.county === geo);
      for (const section of loaded.catalog.sections) {
        const reporting = inGeo.filter((a) => section.agencyTypes.includes(a.type));
        const reported = reporting.filter((a) => coverage.get(a.code)?.reported).length;
        const expected = reporting.filter((a) => coverage.get(a.code)?.expected).length;
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
    const protectedCubes: Protected[] = [];
    const periods = [...new Set([...loaded.owned, ...loaded.published])];
    // The public first: members then take every cell published to the public as known, and never
    // hide one (whatever the public sees, members see).
    for (const audience of protectionOrder) {
      job.report({ stage: `protecting the ${audience} figures`, done: 0, total: 0 });
      // What this release publishes to an audience its readers also see is published here too,
      // unless it is the only way to protect a cell (then the other audience hides it as well).
      const preferred = new Set(
        protectedCubes
          .filter((earlier) => readersOf[audience].includes(earlier.audience))
          .flatMap((earlier) => publishedOf(earlier).map((c) => c.id)),
      );
      const cube = cubeFor(loaded, audience, shownTo(db, audience, periods), preferred);
      const contradicted = contradictions(loaded.catalog, cube);
      if (contradicted) {
        fail(contradicted);
        return;
      }
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
    nest(protectedCubes);

    job.report({ stage: 'publishing' });
    const at = now().toISOString();
    if (protectedCubes.length !== audiences.length) throw new Error('an audience was not protected');
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
