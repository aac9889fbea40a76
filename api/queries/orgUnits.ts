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
    /** A county's five-digit FIPS code. */
    fips?: string | null;
    /** An agency's first reporting quarter; null or absent: from the coalition's first. */
    firstPeriod?: string | null;
  },
): number {
  // Only the columns given, so tests that build a database at an older migration can still add units.
  const columns: Record<string, string | number | null> = {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parent_id: unit.parentId,
    agency_type: unit.agencyType ?? null,
  };
  if (unit.fips) columns.fips = unit.fips;
  if (unit.firstPeriod) columns.first_period = unit.firstPeriod;
  const names = Object.keys(columns);
  return Number(
    statement(
      db,
      `INSERT INTO org_units (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    ).run(...Object.values(columns)).lastInsertRowid,
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
