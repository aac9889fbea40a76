import { type Db, statement } from '../db';
import type { AgencyType } from '../domain/catalog';

export type OrgUnit = { id: number; code: string; name: string; level: 'coalition' | 'county' | 'agency' };
export type Agency = OrgUnit & { level: 'agency'; type: AgencyType; homeCountyId: number; active: boolean };

/** Adds a coalition, county or agency; returns its id. */
export function insertOrgUnit(
  db: Db,
  unit: {
    code: string;
    name: string;
    level: OrgUnit['level'];
    parentId: number | null;
    agencyType?: AgencyType;
  },
): number {
  return Number(
    statement(
      db,
      'INSERT INTO org_units (code, name, level, parent_id, agency_type) VALUES (?, ?, ?, ?, ?)',
    ).run(unit.code, unit.name, unit.level, unit.parentId, unit.agencyType ?? null).lastInsertRowid,
  );
}

/** Records the counties an agency serves. */
export function setAgencyCounties(db: Db, agencyId: number, countyIds: number[]): void {
  db.transaction(() => {
    statement(db, 'DELETE FROM agency_counties WHERE agency_id = ?').run(agencyId);
    const insert = statement(db, 'INSERT INTO agency_counties (agency_id, county_id) VALUES (?, ?)');
    for (const countyId of countyIds) insert.run(agencyId, countyId);
  })();
}

const agencyColumns = `id, code, name, level, agency_type AS type, parent_id AS homeCountyId, active = 1 AS active`;

type AgencyRow = Omit<Agency, 'active'> & { active: number };
const toAgency = (row: AgencyRow): Agency => ({ ...row, active: row.active === 1 });

export function getAgencyByCode(db: Db, code: string): Agency | undefined {
  const row = statement(db, `SELECT ${agencyColumns} FROM org_units WHERE level = 'agency' AND code = ?`).get(
    code,
  ) as AgencyRow | undefined;
  return row && toAgency(row);
}

export function getAgencyById(db: Db, id: number): Agency | undefined {
  const row = statement(db, `SELECT ${agencyColumns} FROM org_units WHERE level = 'agency' AND id = ?`).get(
    id,
  ) as AgencyRow | undefined;
  return row && toAgency(row);
}

/** Active agencies, by name. */
export function listActiveAgencies(db: Db): Agency[] {
  return (
    statement(
      db,
      `SELECT ${agencyColumns} FROM org_units WHERE level = 'agency' AND active = 1 ORDER BY name`,
    ).all() as AgencyRow[]
  ).map(toAgency);
}

export function countOrgUnits(db: Db): number {
  return statement(db, 'SELECT count(*) FROM org_units').pluck().get() as number;
}

/** The coalition itself: the one org unit at the top. */
export function getCoalition(db: Db): OrgUnit | undefined {
  return statement(
    db,
    `SELECT id, code, name, level FROM org_units WHERE level = 'coalition' LIMIT 1`,
  ).get() as OrgUnit | undefined;
}
