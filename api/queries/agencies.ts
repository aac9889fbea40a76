/**
 * The coalition's agencies as an admin manages them: who they are, where they work, from which
 * quarter they report, and what ties them to the rest of Scope.
 */
import { type Db, statement } from '../db';
import type { AgencyType } from '../domain/agencyTypes';

export type AgencyRecord = {
  id: number;
  code: string;
  name: string;
  type: AgencyType;
  /** The county it is based in, by code. */
  homeCounty: string;
  /** Every county it serves, by code, the home county among them. */
  countiesServed: string[];
  /** The first quarter it reports for; null: from the coalition's first. */
  firstPeriod: string | null;
  active: boolean;
  /** Its active reporters, by name. */
  reporters: Array<{ name: string; email: string }>;
  /** Whether it has ever submitted a report. */
  hasReported: boolean;
  /** The earliest and newest quarters it submitted a report for. */
  firstReport: string | null;
  latestReport: string | null;
};

type AgencyRecordRow = Omit<AgencyRecord, 'countiesServed' | 'active' | 'reporters' | 'hasReported'> & {
  countiesServed: string;
  active: number;
  reporters: string;
};

const recordSelect = `
  SELECT a.id, a.code, a.name, a.agency_type AS type, home.code AS homeCounty,
         a.first_period AS firstPeriod, a.active,
         (SELECT json_group_array(c.code) FROM (
            SELECT served.code FROM agency_counties ac JOIN org_units served ON served.id = ac.county_id
            WHERE ac.agency_id = a.id ORDER BY served.name) c) AS countiesServed,
         (SELECT json_group_array(json_object('name', u.name, 'email', u.email)) FROM (
            SELECT name, email FROM users WHERE agency_id = a.id AND active = 1 ORDER BY name) u) AS reporters,
         (SELECT min(p.code) FROM submissions s JOIN reporting_periods p ON p.id = s.period_id
          WHERE s.agency_id = a.id AND s.latest_revision > 0) AS firstReport,
         (SELECT max(p.code) FROM submissions s JOIN reporting_periods p ON p.id = s.period_id
          WHERE s.agency_id = a.id AND s.latest_revision > 0) AS latestReport
  FROM org_units a JOIN org_units home ON home.id = a.parent_id
  WHERE a.level = 'agency'`;

const toRecord = (row: AgencyRecordRow): AgencyRecord => ({
  ...row,
  countiesServed: JSON.parse(row.countiesServed) as string[],
  active: row.active === 1,
  reporters: JSON.parse(row.reporters) as AgencyRecord['reporters'],
  hasReported: row.firstReport !== null,
});

/** Every agency, active or not, by name. */
export function listAgencyRecords(db: Db): AgencyRecord[] {
  return (statement(db, `${recordSelect} ORDER BY a.name`).all() as AgencyRecordRow[]).map(toRecord);
}

/** One agency by its code, active or not. */
export function getAgencyRecord(db: Db, code: string): AgencyRecord | undefined {
  const row = statement(db, `${recordSelect} AND a.code = ?`).get(code) as AgencyRecordRow | undefined;
  return row && toRecord(row);
}

/** The coalition's counties (active ones), by name, with their ids. */
export function listCountyUnits(db: Db): Array<{ id: number; code: string; name: string }> {
  return statement(
    db,
    `SELECT id, code, name FROM org_units WHERE level = 'county' AND active = 1 ORDER BY name`,
  ).all() as Array<{ id: number; code: string; name: string }>;
}

/** Every org unit's code (coalition, counties and agencies share one list of codes). */
export function listOrgUnitCodes(db: Db): string[] {
  return statement(db, 'SELECT code FROM org_units').pluck().all() as string[];
}

/** Every reporting period's code, oldest first. */
export function listPeriodCodes(db: Db): string[] {
  return statement(db, 'SELECT code FROM reporting_periods ORDER BY code').pluck().all() as string[];
}

/** Changes an agency's own fields (its counties served are set with `setAgencyCounties`). */
export function updateAgencyRow(
  db: Db,
  id: number,
  agency: { code: string; name: string; type: AgencyType; homeCountyId: number; firstPeriod: string | null },
): void {
  statement(
    db,
    `UPDATE org_units SET code = ?, name = ?, agency_type = ?, parent_id = ?, first_period = ?
     WHERE id = ? AND level = 'agency'`,
  ).run(agency.code, agency.name, agency.type, agency.homeCountyId, agency.firstPeriod, id);
}

/** Marks an agency active (expected to report) or not. */
export function setAgencyActive(db: Db, id: number, active: boolean): void {
  statement(db, `UPDATE org_units SET active = ? WHERE id = ? AND level = 'agency'`).run(active ? 1 : 0, id);
}

/** The active people of an agency (its reporters), with their ids. */
export function listActiveAgencyPeople(
  db: Db,
  agencyId: number,
): Array<{ id: number; name: string; email: string }> {
  return statement(
    db,
    'SELECT id, name, email FROM users WHERE agency_id = ? AND active = 1 ORDER BY name',
  ).all(agencyId) as Array<{ id: number; name: string; email: string }>;
}

/**
 * What keeps an agency from being deleted: its reports (drafts included), the people ever given it
 * (active or not), its API tokens, links and reminders made for it.
 */
export function countAgencyTies(
  db: Db,
  agencyId: number,
): { submissions: number; people: number; tokens: number; links: number; reminders: number } {
  return statement(
    db,
    `SELECT (SELECT count(*) FROM submissions WHERE agency_id = @id) AS submissions,
            (SELECT count(*) FROM users WHERE agency_id = @id) AS people,
            (SELECT count(*) FROM api_tokens WHERE agency_id = @id OR maker_agency_id = @id) AS tokens,
            (SELECT count(*) FROM account_links WHERE agency_id = @id) AS links,
            (SELECT count(*) FROM reminders WHERE agency_id = @id) AS reminders`,
  ).get({ id: agencyId }) as {
    submissions: number;
    people: number;
    tokens: number;
    links: number;
    reminders: number;
  };
}

/** Removes an agency and the counties it served (the caller has checked nothing else refers to it). */
export function deleteAgencyRow(db: Db, id: number): void {
  statement(db, 'DELETE FROM agency_counties WHERE agency_id = ?').run(id);
  statement(db, `DELETE FROM org_units WHERE id = ? AND level = 'agency'`).run(id);
}
