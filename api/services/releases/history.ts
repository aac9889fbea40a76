/**
 * Everything published, as a reader of an audience sees it: the cube of every published period
 * (rebuilt from the approved reports, for audits and measurement) and what the releases stored of
 * it. Members read the public's figures too. Used to check a whole release history the way an
 * attacker would read it — never to serve figures (those come only from stored cells).
 */
import type { Db } from '../../db';
import { buildCube, type Cube, cellId, type FrozenCell } from '../../disclosure/cube';
import type { Audience } from '../../disclosure/types';
import { isExpectedIn } from '../../domain/agencyMembership';
import { quartersOf } from '../../domain/periods';
import { listPublishedCells } from '../../queries/publishedCells';
import { getApprovedValues } from '../../queries/raw/approvedValues';
import { listAgenciesWithCounty, listCountyCodes, listPublishedPeriods } from '../../queries/releases';
import { catalogVersion, currentCatalogVersionIdOrFail } from '../catalog';
import { publicationSettings } from './policy';

/** The audiences whose figures a reader of each audience sees: members see the public's too. */
export const readersOf: Readonly<Record<Audience, readonly Audience[]>> = {
  coalition: ['coalition', 'public'],
  public: ['public'],
};

/**
 * What a reader of an audience has been shown, by cell id, over some periods (each as its newest
 * published release stored it): a cell shown to any audience the reader sees is known.
 */
export function shownTo(db: Db, audience: Audience, periods?: Iterable<string>): Map<string, FrozenCell> {
  const releases = new Map(listPublishedPeriods(db).map((p) => [p.period, p.releaseId]));
  const shown = new Map<string, FrozenCell>();
  for (const period of periods ?? releases.keys()) {
    const releaseId = releases.get(period);
    if (releaseId === undefined) continue;
    for (const seen of readersOf[audience])
      for (const cell of listPublishedCells(db, releaseId, seen, period)) {
        const id = cellId(cell.period, cell.geo, cell.table, cell.optionKey);
        if (!cell.suppressed || !shown.has(id))
          shown.set(id, { suppressed: cell.suppressed, value: cell.value });
      }
  }
  return shown;
}

/**
 * What a cube over some periods is built from: a catalog version and its plan, the agencies and
 * counties, the approved values of every quarter of the periods, and the county breakdown minimum.
 */
export function cubeSource(db: Db, catalogVersionId: number, periods: readonly string[]) {
  const { catalog, plan } = catalogVersion(db, catalogVersionId);
  const quarters = [...new Set(periods.flatMap((p) => quartersOf(p).map((q) => q.code)))];
  return {
    catalog,
    plan,
    // An agency that joins after every quarter here contributes nothing to them, so it must not count
    // towards the agencies a county needs before its breakdowns are published.
    agencies: listAgenciesWithCounty(db).map((agency) =>
      quarters.some((quarter) => isExpectedIn(agency.firstPeriod, quarter))
        ? agency
        : { ...agency, active: false },
    ),
    counties: listCountyCodes(db),
    values: getApprovedValues(db, quarters),
    countyBreakdownAgencies: publicationSettings(db).countyBreakdownAgencies,
  };
}

/** The cube of every published period for an audience, with today's approved values, all owned. */
export function historyCube(db: Db, audience: Audience): Cube {
  const periods = listPublishedPeriods(db).map((p) => p.period);
  return buildCube({
    ...cubeSource(db, currentCatalogVersionIdOrFail(db), periods),
    audience,
    owned: periods,
  });
}
