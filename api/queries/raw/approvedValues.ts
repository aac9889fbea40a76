/**
 * Raw numbers: what approved reports say, before any protection. The release computation aggregates
 * these into cubes and protects them; nothing here may be served as it is. Only the release and
 * disclosure code may import this (a lint rule in `biome.json` says so); published figures are read
 * from `queries/publishedCells.ts`.
 */
import { type Db, statement } from '../../db';
import { cellKeySql } from '../catalog';

/**
 * The latest revision's values of every approved report in the given quarters:
 * quarter → agency code → cell key → value.
 */
export function getApprovedValues(
  db: Db,
  quarters: readonly string[],
): Map<string, Map<string, Map<string, number>>> {
  const result = new Map<string, Map<string, Map<string, number>>>();
  if (quarters.length === 0) return result;
  const rows = statement(
    db,
    `SELECT p.code, a.code, ${cellKeySql}, rv.value
     FROM submissions s
     JOIN reporting_periods p ON p.id = s.period_id
     JOIN org_units a ON a.id = s.agency_id
     JOIN submission_revisions r ON r.submission_id = s.id AND r.revision = s.latest_revision
     JOIN revision_values rv ON rv.revision_id = r.id
     JOIN data_elements e ON e.id = rv.element_id
     JOIN category_option_combos coc ON coc.id = rv.coc_id
     JOIN category_combos cc ON cc.id = coc.combo_id
     WHERE s.status = 'approved' AND p.code IN (${quarters.map(() => '?').join(', ')})`,
  )
    .raw()
    .all(...quarters) as Array<[string, string, string, number]>;
  for (const [period, agency, key, value] of rows) {
    const byAgency = result.get(period) ?? new Map<string, Map<string, number>>();
    result.set(period, byAgency);
    const cells = byAgency.get(agency) ?? new Map<string, number>();
    byAgency.set(agency, cells);
    cells.set(key, value);
  }
  return result;
}

/** The agencies with an approved report in each of the given quarters: quarter → agency codes. */
export function getApprovedAgencies(db: Db, quarters: readonly string[]): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>(quarters.map((q) => [q, new Set<string>()]));
  if (quarters.length === 0) return result;
  const rows = statement(
    db,
    `SELECT p.code, a.code FROM submissions s
     JOIN reporting_periods p ON p.id = s.period_id JOIN org_units a ON a.id = s.agency_id
     WHERE s.status = 'approved' AND p.code IN (${quarters.map(() => '?').join(', ')})`,
  )
    .raw()
    .all(...quarters) as Array<[string, string]>;
  for (const [period, agency] of rows) result.get(period)?.add(agency);
  return result;
}
