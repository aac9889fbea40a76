/**
 * What a grant report reads from approved reports themselves: which agencies reported each quarter
 * (its completeness list, in either kind of report) and, for a confidential report only, the exact
 * sums of their approved values. The one report file that may read the raw query layer (biome.json
 * says so); protected figures come from published cells, in `document.ts`. No HTTP here.
 */
import type { Db } from '../../db';
import { exactFigures } from '../../disclosure/cube';
import type { Catalog } from '../../domain/catalog';
import { quartersOf } from '../../domain/periods';
import { getApprovedAgencies, getApprovedValues } from '../../queries/raw/approvedValues';

/** The agencies with an approved report in each quarter of a period: quarter → agency codes. */
export function approvedAgenciesOf(db: Db, period: string): Map<string, Set<string>> {
  return getApprovedAgencies(
    db,
    quartersOf(period).map((q) => q.code),
  );
}

/**
 * Exact figures of some periods over some agencies, each by `<table>/<optionKey>`: approved values
 * summed, a longer period aggregated as a release's cube aggregates it (`exactFigures`). Unprotected:
 * for a confidential report only.
 */
export function exactFiguresOf(
  db: Db,
  catalog: Catalog,
  periods: readonly string[],
  agencies: ReadonlySet<string>,
): Map<string, Map<string, number>> {
  const quarters = [...new Set(periods.flatMap((p) => quartersOf(p).map((q) => q.code)))];
  const values = getApprovedValues(db, quarters);
  return new Map(periods.map((period) => [period, exactFigures(catalog, values, period, agencies)]));
}
