/**
 * The catalog a database holds, for every service that reads one: a stored version with its cell
 * ids, read once per database (a version never changes once stored), and the current version. No
 * HTTP here.
 */
import type { Db } from '../db';
import type { Catalog } from '../domain/catalog';
import type { PublicationPlan } from '../domain/plan';
import { ApiError } from '../errors';
import {
  type CellIndex,
  currentCatalogVersionId,
  getCatalog,
  getCellIndex,
  getPublicationPlan,
} from '../queries/catalog';

/** A stored catalog version, the ids of its cells and its publication plan. */
export type CatalogVersion = { catalog: Catalog; cells: CellIndex; plan: PublicationPlan };

const catalogs = new WeakMap<Db, Map<number, CatalogVersion>>();

/**
 * A stored catalog version and its cell ids, read once per database: versions never change, and the
 * same object every time lets callers memoise what they work out from it.
 */
export function catalogVersion(db: Db, versionId: number): CatalogVersion {
  let byId = catalogs.get(db);
  if (!byId) {
    byId = new Map();
    catalogs.set(db, byId);
  }
  let version = byId.get(versionId);
  if (!version) {
    const catalog = getCatalog(db, versionId);
    version = {
      catalog,
      cells: getCellIndex(db, versionId),
      plan: getPublicationPlan(db, versionId, catalog),
    };
    byId.set(versionId, version);
  }
  return version;
}

/** The error for a database with no catalog yet: nothing can be reported or published. */
export const noCatalog = () => new ApiError(503, 'no-catalog', 'No catalog has been set up yet.');

/** The current catalog version's id; a `no-catalog` error (503) if none has been set up. */
export function currentCatalogVersionIdOrFail(db: Db): number {
  const versionId = currentCatalogVersionId(db);
  if (versionId === undefined) throw noCatalog();
  return versionId;
}

/** The current catalog; a `no-catalog` error (503) if none has been set up. */
export function currentCatalog(db: Db): Catalog {
  return catalogVersion(db, currentCatalogVersionIdOrFail(db)).catalog;
}
