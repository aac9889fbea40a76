/**
 * Releases: their rows and the periods each publishes, their coverage, the stored disclosure policy,
 * and the agencies and counties a cube is built over. The cells they published are in
 * `publishedCells.ts`; the approved values they are computed from, in `raw/approvedValues.ts`.
 */
import { type Db, statement } from '../db';
import type { AgencyType } from '../domain/agencyTypes';

export type ReleaseStatus = 'computing' | 'published' | 'failed' | 'superseded';

export type ReleaseRow = {
  id: number;
  period: string;
  periodId: number;
  sequence: number;
  status: ReleaseStatus;
  catalogVersionId: number;
  catalogVersion: number;
  auditSummary: string | null;
  failureReason: string | null;
  createdBy: string | null;
  createdAt: string;
  publishedAt: string | null;
  /** The periods it publishes, in order. */
  periods: string[];
  /** For each period it publishes, how many of the coalition's agencies reported, and whether that made it provisional. */
  completeness: PeriodCompleteness[];
};

/**
 * How complete a published period is across the coalition: of the agencies expected to report
 * anything, how many had an approved report (for a year, in every one of its quarters), and whether
 * that made the period provisional. The counts are null for releases that did not record them.
 */
export type PeriodCompleteness = {
  period: string;
  reported: number | null;
  expected: number | null;
  provisional: boolean;
};

const releaseColumns = `r.id, p.code AS period, r.period_id AS periodId, r.sequence, r.status,
  r.catalog_version_id AS catalogVersionId, cv.version AS catalogVersion, r.audit_summary AS auditSummary,
  r.failure_reason AS failureReason, u.name AS createdBy, r.created_at AS createdAt, r.published_at AS publishedAt,
  (SELECT json_group_array(period_code) FROM (SELECT period_code FROM release_periods rp
     WHERE rp.release_id = r.id ORDER BY length(period_code) DESC, period_code)) AS periods,
  (SELECT json_group_array(json_object('period', period_code, 'reported', agencies_reported,
     'expected', agencies_expected, 'provisional', json(iif(provisional, 'true', 'false'))))
   FROM (SELECT * FROM release_periods rp WHERE rp.release_id = r.id
     ORDER BY length(period_code) DESC, period_code)) AS completeness`;
const releaseFrom = `FROM releases r JOIN reporting_periods p ON p.id = r.period_id
  JOIN catalog_versions cv ON cv.id = r.catalog_version_id LEFT JOIN users u ON u.id = r.created_by`;

/** A release row as SQLite gives it: its lists as JSON text. */
type StoredReleaseRow = Omit<ReleaseRow, 'periods' | 'completeness'> & {
  periods: string;
  completeness: string;
};

const toRelease = (row: StoredReleaseRow): ReleaseRow => ({
  ...row,
  periods: JSON.parse(row.periods),
  completeness: JSON.parse(row.completeness),
});

/** Every release, newest first; or only those in the given statuses. */
export function listReleases(db: Db, statuses?: readonly ReleaseStatus[]): ReleaseRow[] {
  const where = statuses ? `WHERE r.status IN (${statuses.map(() => '?').join(', ')})` : '';
  return (
    statement(
      db,
      `SELECT ${releaseColumns} ${releaseFrom} ${where} ORDER BY r.created_at DESC, r.id DESC`,
    ).all(...(statuses ?? [])) as StoredReleaseRow[]
  ).map(toRelease);
}

export function getRelease(db: Db, id: number): ReleaseRow | undefined {
  const row = statement(db, `SELECT ${releaseColumns} ${releaseFrom} WHERE r.id = ?`).get(id) as
    | StoredReleaseRow
    | undefined;
  return row && toRelease(row);
}

/** The release being computed, if any. */
export function getComputingRelease(db: Db): ReleaseRow | undefined {
  const row = statement(db, `SELECT ${releaseColumns} ${releaseFrom} WHERE r.status = 'computing'`).get() as
    | StoredReleaseRow
    | undefined;
  return row && toRelease(row);
}

/**
 * Creates a release of a quarter in `computing`, numbered after the quarter's earlier releases, with
 * the periods it will publish and how complete each is. Returns its id. Fails (unique index) if
 * another release is computing.
 */
export function insertRelease(
  db: Db,
  r: {
    periodId: number;
    catalogVersionId: number;
    createdBy: number | null;
    at: string;
    periods: string[];
    /** How complete each period is across the coalition; a period left out records nothing. */
    completeness?: ReadonlyArray<PeriodCompleteness>;
  },
): number {
  return db.transaction(() => {
    const sequence =
      (statement(db, 'SELECT coalesce(max(sequence), 0) FROM releases WHERE period_id = ?')
        .pluck()
        .get(r.periodId) as number) + 1;
    const id = Number(
      statement(
        db,
        `INSERT INTO releases (period_id, catalog_version_id, sequence, status, created_by, created_at)
         VALUES (?, ?, ?, 'computing', ?, ?)`,
      ).run(r.periodId, r.catalogVersionId, sequence, r.createdBy, r.at).lastInsertRowid,
    );
    const insertPeriod = statement(
      db,
      `INSERT INTO release_periods (release_id, period_code, agencies_reported, agencies_expected, provisional)
       VALUES (?, ?, ?, ?, ?)`,
    );
    for (const period of r.periods) {
      const completeness = r.completeness?.find((c) => c.period === period);
      insertPeriod.run(
        id,
        period,
        completeness?.reported ?? null,
        completeness?.expected ?? null,
        completeness?.provisional ? 1 : 0,
      );
    }
    return id;
  })();
}

/** The sequences and ids of a quarter's earlier published (or since superseded) releases, newest first. */
export function listPublishedReleasesOfPeriod(
  db: Db,
  periodId: number,
): Array<{ id: number; sequence: number }> {
  return statement(
    db,
    `SELECT id, sequence FROM releases WHERE period_id = ? AND status IN ('published', 'superseded')
     ORDER BY sequence DESC`,
  ).all(periodId) as Array<{ id: number; sequence: number }>;
}

// The release that publishes a period: among the published releases that list it, the latest published.
const publishingReleaseOrder = 'r.published_at DESC, r.id DESC';

/**
 * The published release (not superseded) that publishes a period: a quarter's latest release, or the
 * release of the quarter that completed a year.
 */
export function getPublishedReleaseOfPeriod(db: Db, periodCode: string): ReleaseRow | undefined {
  const row = statement(
    db,
    `SELECT ${releaseColumns} ${releaseFrom}
     WHERE r.status = 'published' AND r.id IN (SELECT release_id FROM release_periods WHERE period_code = ?)
     ORDER BY ${publishingReleaseOrder} LIMIT 1`,
  ).get(periodCode) as StoredReleaseRow | undefined;
  return row && toRelease(row);
}

/**
 * The id of the published release (not superseded) that publishes a period, as
 * `getPublishedReleaseOfPeriod` finds it: one search of the period index, no release details.
 */
export function getPublishedReleaseIdOfPeriod(db: Db, periodCode: string): number | undefined {
  return statement(
    db,
    `SELECT r.id FROM release_periods rp JOIN releases r ON r.id = rp.release_id
     WHERE rp.period_code = ? AND r.status = 'published'
     ORDER BY ${publishingReleaseOrder} LIMIT 1`,
  )
    .pluck()
    .get(periodCode) as number | undefined;
}

/**
 * Every period the published (not superseded) releases publish, with the id of the release that
 * publishes it (as `getPublishedReleaseIdOfPeriod`), in period code order: one query for a series.
 */
export function listPublishedPeriods(db: Db): Array<{ period: string; releaseId: number }> {
  const rows = statement(
    db,
    `SELECT rp.period_code AS period, r.id AS releaseId FROM releases r
     JOIN release_periods rp ON rp.release_id = r.id
     WHERE r.status = 'published'
     ORDER BY rp.period_code, ${publishingReleaseOrder}`,
  ).all() as Array<{ period: string; releaseId: number }>;
  return rows.filter((row, i) => row.period !== rows[i - 1]?.period);
}

/**
 * How complete each published period is across the coalition, as the release that publishes it (see
 * `getPublishedReleaseIdOfPeriod`) recorded it, in period code order.
 */
export function listPublishedPeriodCompleteness(db: Db): PeriodCompleteness[] {
  return (
    statement(
      db,
      `SELECT period, reported, expected, provisional FROM (
         SELECT rp.period_code AS period, rp.agencies_reported AS reported, rp.agencies_expected AS expected,
           rp.provisional, row_number() OVER (
             PARTITION BY rp.period_code ORDER BY ${publishingReleaseOrder}) AS latest
         FROM releases r JOIN release_periods rp ON rp.release_id = r.id WHERE r.status = 'published')
       WHERE latest = 1 ORDER BY period`,
    ).all() as Array<Omit<PeriodCompleteness, 'provisional'> & { provisional: number }>
  ).map((row) => ({ ...row, provisional: row.provisional === 1 }));
}

/** How complete one period of a release is across the coalition, as the release recorded it. */
export function getReleasePeriodCompleteness(
  db: Db,
  releaseId: number,
  period: string,
): PeriodCompleteness | undefined {
  const row = statement(
    db,
    `SELECT period_code AS period, agencies_reported AS reported, agencies_expected AS expected, provisional
     FROM release_periods WHERE release_id = ? AND period_code = ?`,
  ).get(releaseId, period) as (Omit<PeriodCompleteness, 'provisional'> & { provisional: number }) | undefined;
  return row && { ...row, provisional: row.provisional === 1 };
}

/** The ids of the published (not superseded) releases, in order. */
export function listPublishedReleaseIds(db: Db): number[] {
  return statement(db, `SELECT id FROM releases WHERE status = 'published' ORDER BY id`)
    .pluck()
    .all() as number[];
}

export type CoverageRow = {
  period: string;
  geo: string;
  section: string;
  reported: number;
  expected: number;
};

export function insertReleaseCoverage(db: Db, releaseId: number, rows: Iterable<CoverageRow>): void {
  const insert = statement(
    db,
    `INSERT INTO release_coverage (release_id, period_code, geo_code, section_code, reported, expected)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rows) insert.run(releaseId, r.period, r.geo, r.section, r.reported, r.expected);
}

export function getReleaseCoverage(
  db: Db,
  releaseId: number,
  period: string,
  geo: string,
  section: string,
): { reported: number; expected: number } | undefined {
  return statement(
    db,
    `SELECT reported, expected FROM release_coverage
     WHERE release_id = ? AND period_code = ? AND geo_code = ? AND section_code = ?`,
  ).get(releaseId, period, geo, section) as { reported: number; expected: number } | undefined;
}

/** Ends a computing release as published and the quarter's earlier published release as superseded. */
export function markReleasePublished(
  db: Db,
  r: { id: number; periodId: number; auditSummary: unknown; at: string },
): void {
  statement(
    db,
    `UPDATE releases SET status = 'superseded' WHERE period_id = ? AND status = 'published' AND id <> ?`,
  ).run(r.periodId, r.id);
  statement(
    db,
    `UPDATE releases SET status = 'published', audit_summary = ?, published_at = ? WHERE id = ? AND status = 'computing'`,
  ).run(JSON.stringify(r.auditSummary), r.at, r.id);
}

/** Ends a computing release as failed, saying why. */
export function markReleaseFailed(db: Db, r: { id: number; reason: string; auditSummary: unknown }): void {
  statement(
    db,
    `UPDATE releases SET status = 'failed', failure_reason = ?, audit_summary = ? WHERE id = ? AND status = 'computing'`,
  ).run(r.reason, r.auditSummary === null ? null : JSON.stringify(r.auditSummary), r.id);
}

/** Releases left computing by a process that stopped: they can never finish. Returns their ids. */
export function failInterruptedReleases(db: Db, reason: string): number[] {
  const ids = statement(db, `SELECT id FROM releases WHERE status = 'computing'`).pluck().all() as number[];
  const fail = statement(db, `UPDATE releases SET status = 'failed', failure_reason = ? WHERE id = ?`);
  for (const id of ids) fail.run(reason, id);
  return ids;
}

export type CubeAgencyRow = {
  code: string;
  name: string;
  county: string;
  type: AgencyType;
  active: boolean;
  /** The first quarter it reports for; null: from the coalition's first. */
  firstPeriod: string | null;
};

/** Every agency (active or not: a former member's approved reports still count), with its home county. */
export function listAgenciesWithCounty(db: Db): CubeAgencyRow[] {
  return (
    statement(
      db,
      `SELECT a.code, a.name, c.code AS county, a.agency_type AS type, a.active, a.first_period AS firstPeriod
       FROM org_units a
       JOIN org_units c ON c.id = a.parent_id WHERE a.level = 'agency' ORDER BY a.code`,
    ).all() as Array<Omit<CubeAgencyRow, 'active'> & { active: number }>
  ).map((a) => ({ ...a, active: a.active === 1 }));
}

/** Counties' codes and names, by name. */
export function listCountyNames(db: Db): Array<{ code: string; name: string }> {
  return statement(
    db,
    `SELECT code, name FROM org_units WHERE level = 'county' ORDER BY name`,
  ).all() as Array<{
    code: string;
    name: string;
  }>;
}

/** County codes, by name. */
export function listCountyCodes(db: Db): string[] {
  return statement(db, `SELECT code FROM org_units WHERE level = 'county' ORDER BY name`)
    .pluck()
    .all() as string[];
}

/** Which of these quarters exist as reporting periods. */
export function listExistingPeriods(db: Db, codes: readonly string[]): Set<string> {
  if (codes.length === 0) return new Set();
  return new Set(
    statement(db, `SELECT code FROM reporting_periods WHERE code IN (${codes.map(() => '?').join(', ')})`)
      .pluck()
      .all(...codes) as string[],
  );
}

/** A coalition setting, as stored (JSON text), if an admin has set it. */
function getSetting(db: Db, key: string): string | undefined {
  return statement(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
}

function setSetting(db: Db, key: string, value: string): void {
  statement(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

const policyKey = 'disclosure_policy';

/** The stored disclosure policy (JSON), if an admin has set one. */
export function getDisclosurePolicySetting(db: Db): string | undefined {
  return getSetting(db, policyKey);
}

export function setDisclosurePolicySetting(db: Db, json: string): void {
  setSetting(db, policyKey, json);
}

const publicationKey = 'publication_settings';

/** The stored publication settings (JSON: the provisional share, a county's agencies), if an admin has set them. */
export function getPublicationSettingsSetting(db: Db): string | undefined {
  return getSetting(db, publicationKey);
}

export function setPublicationSettingsSetting(db: Db, json: string): void {
  setSetting(db, publicationKey, json);
}

/** The first active admin: who the demo's releases are published by on first start. */
export function getFirstAdmin(
  db: Db,
): { id: number; email: string; name: string; role: 'admin'; agencyId: null } | undefined {
  return statement(
    db,
    `SELECT id, email, name, role, agency_id AS agencyId FROM users WHERE role = 'admin' AND active = 1 ORDER BY id LIMIT 1`,
  ).get() as { id: number; email: string; name: string; role: 'admin'; agencyId: null } | undefined;
}
