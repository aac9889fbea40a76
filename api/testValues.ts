/**
 * Report values for tests and benchmarks, built from the catalog alone: no database and no test runner,
 * so a benchmark script can import them without starting vitest (api/testing.ts, which re-exports them,
 * defines vitest fixtures).
 */
import type { AgencyType } from './domain/agencyTypes';
import { type Catalog, cellKey, cellsOfElement, sectionsFor } from './domain/catalog';

/**
 * A complete, consistent quarter for an agency type: every cell zero except a couple of survivors
 * counted coherently in every breakdown, so every rule passes.
 */
export function consistentQuarter(
  catalog: Catalog,
  agencyType: AgencyType,
  served = 2,
): Record<string, number> {
  const values: Record<string, number> = {};
  for (const section of sectionsFor(catalog, agencyType))
    for (const element of section.elements)
      for (const cell of cellsOfElement(catalog, element)) values[cellKey(cell)] = 0;
  if (!sectionsFor(catalog, agencyType).some((s) => s.code === 'survivors')) return values;
  for (const element of ['survivors_served', 'new_survivors']) {
    Object.assign(values, {
      [element]: served,
      [`${element}.type_age.sex|18_24`]: served,
      [`${element}.gender.female`]: served,
      [`${element}.citizenship.us_citizen_lpr`]: served,
      [`${element}.race_ethnicity.hispanic_latino`]: served,
      [`${element}.lgbtq.no`]: served,
      [`${element}.disability.no`]: served,
      [`${element}.county.santa_clara`]: served,
    });
  }
  return values;
}

/** `consistentQuarter`, with some of its survivors also served by another member (`survivors_shared`). */
export function survivorsQuarter(
  catalog: Catalog,
  agencyType: AgencyType,
  served: number,
  shared = 0,
): Record<string, number> {
  return { ...consistentQuarter(catalog, agencyType, served), survivors_shared: shared };
}
