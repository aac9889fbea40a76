/**
 * What the settings page reads and changes beyond the settings table: the coalition's counties as
 * org units (with the agencies that keep one from being removed), the coalition's name, and whether
 * any report exists yet. Agencies and the counties they serve are in `orgUnits.ts`.
 */
import { type Db, statement } from '../db';
import type { OrgUnit } from './orgUnits';

/** A county as the settings page shows it, with the active agencies based in or serving it. */
export type CountyUnit = OrgUnit & {
  level: 'county';
  fips: string | null;
  active: boolean;
  /** Active agencies whose home county it is, by name. */
  basedHere: string[];
  /** Active agencies that serve it from elsewhere, by name. */
  servingHere: string[];
};

/** Every county org unit, active or not, by name, with the active agencies based in or serving it. */
export function listCountyUnits(db: Db): CountyUnit[] {
  const rows = statement(
    db,
    `SELECT c.id, c.code, c.name, c.level, c.fips, c.active = 1 AS active,
       (SELECT json_group_array(a.name) FROM (SELECT name FROM org_units
          WHERE level = 'agency' AND active = 1 AND parent_id = c.id ORDER BY name) a) AS basedHere,
       (SELECT json_group_array(a.name) FROM (SELECT name FROM org_units o
          JOIN agency_counties ac ON ac.agency_id = o.id
          WHERE o.level = 'agency' AND o.active = 1 AND ac.county_id = c.id AND o.parent_id <> c.id
          ORDER BY o.name) a) AS servingHere
     FROM org_units c WHERE c.level = 'county' ORDER BY c.name`,
  ).all() as Array<
    Omit<CountyUnit, 'active' | 'basedHere' | 'servingHere'> & {
      active: number;
      basedHere: string;
      servingHere: string;
    }
  >;
  return rows.map((row) => ({
    ...row,
    active: row.active === 1,
    basedHere: JSON.parse(row.basedHere) as string[],
    servingHere: JSON.parse(row.servingHere) as string[],
  }));
}

/** The org unit (of any level) with this code, if any: codes are unique across levels. */
export function getOrgUnitByCode(db: Db, code: string): (OrgUnit & { fips: string | null }) | undefined {
  return statement(db, 'SELECT id, code, name, level, fips FROM org_units WHERE code = ?').get(code) as
    | (OrgUnit & { fips: string | null })
    | undefined;
}

/** Whether anything refers to a county: an agency (active or not), a county served, or a published figure. */
export function isCountyReferenced(db: Db, county: Pick<OrgUnit, 'id' | 'code'>): boolean {
  return (
    statement(
      db,
      `SELECT EXISTS (SELECT 1 FROM org_units WHERE parent_id = :id)
           OR EXISTS (SELECT 1 FROM agency_counties WHERE county_id = :id)
           OR EXISTS (SELECT 1 FROM published_cells WHERE geo_code = :code)`,
    )
      .pluck()
      .get({ id: county.id, code: county.code }) === 1
  );
}

/** Renames an org unit (the coalition, say). */
export function renameOrgUnit(db: Db, id: number, name: string): void {
  statement(db, 'UPDATE org_units SET name = ? WHERE id = ?').run(name, id);
}

/** Gives a county its FIPS code, and activates or deactivates it. */
export function updateCountyUnit(db: Db, id: number, change: { fips: string; active: boolean }): void {
  statement(db, `UPDATE org_units SET fips = ?, active = ? WHERE id = ? AND level = 'county'`).run(
    change.fips,
    change.active ? 1 : 0,
    id,
  );
}

/** Removes a county nothing refers to (see `isCountyReferenced`). */
export function deleteCountyUnit(db: Db, id: number): void {
  statement(db, `DELETE FROM org_units WHERE id = ? AND level = 'county'`).run(id);
}

/** Whether any agency has submitted a report (any revision), which fixes the coalition's first quarter. */
export function anyReportSubmitted(db: Db): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM submission_revisions)').pluck().get() === 1;
}
