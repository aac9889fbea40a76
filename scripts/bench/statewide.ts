/**
 * The statewide synthetic coalition the stats and visibility benchmarks write into a database: the
 * demo generator's agencies (600 by default) over generated counties (58), seven quarters ending
 * with the demo's 2026Q3, so 2025Q1–Q4 are closed and approved, as in the disclosure benchmark.
 */
import type { Db } from '../../api/db';
import { type DemoSummary, writeDemoCoalition } from '../../api/demo/seed';
import { insertOrgUnit } from '../../api/queries/orgUnits';
import { caseInput } from './disclosure';

export type StatewideSize = { agencies: number; counties: number };

/**
 * Moves the demo generator's agencies onto the statewide counties the disclosure benchmark assigns
 * them (so both benchmarks protect the same cube): the demo's county rows become the first
 * counties, the rest are added, and every agency's home county is set.
 */
function spreadOverCounties(db: Db, assignment: ReturnType<typeof caseInput>): void {
  db.transaction(() => {
    const coalitionId = db
      .prepare(`SELECT id FROM org_units WHERE level = 'coalition'`)
      .pluck()
      .get() as number;
    const demoCounties = db
      .prepare(`SELECT id FROM org_units WHERE level = 'county' ORDER BY id`)
      .pluck()
      .all() as number[];
    if (demoCounties.length > assignment.counties.length)
      throw new Error(`the statewide coalition needs at least ${demoCounties.length} counties`);
    const rename = db.prepare('UPDATE org_units SET code = ?, name = ? WHERE id = ?');
    const countyIds = new Map(
      assignment.counties.map((code, i) => {
        // Names sort like the codes, so the API lists counties in the same order as the cube.
        const name = `County ${code}`;
        const reused = demoCounties[i];
        if (reused === undefined)
          return [code, insertOrgUnit(db, { code, name, level: 'county', parentId: coalitionId })];
        rename.run(code, name, reused);
        return [code, reused];
      }),
    );
    const move = db.prepare(`UPDATE org_units SET parent_id = ? WHERE code = ? AND level = 'agency'`);
    for (const agency of assignment.agencies) move.run(countyIds.get(agency.county), agency.code);
  })();
}

/**
 * Writes the statewide coalition into an empty, migrated database; publishes nothing. More quarters
 * reach further back (eight begin with 2024Q4, so federal fiscal year 2025 is complete); the agencies
 * and their counties stay the same.
 */
export function writeStatewideCoalition(db: Db, size: StatewideSize, quarters = 7): DemoSummary {
  const demo = writeDemoCoalition(db, { agencies: size.agencies, quarters });
  spreadOverCounties(db, caseInput('statewide', size));
  return demo;
}
