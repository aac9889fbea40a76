/**
 * Writes the demo coalition into an empty database, through the same query functions the
 * application uses: values go in through `upsertDataValues`, submits snapshot them through
 * `insertRevision`, reviews through `insertReview`, and each of those is audited.
 */
import { hashPassword } from '../auth/password';
import type { Db } from '../db';
import type { Catalog } from '../domain/catalog';
import { recordAudit } from '../queries/audit';
import { type CellIndex, getCellIndex, installCatalog, readDefaultCatalog } from '../queries/catalog';
import { type DataValueRow, upsertDataValues } from '../queries/dataValues';
import { hasScopeData } from '../queries/demo';
import { insertOrgUnit, setAgencyCounties } from '../queries/orgUnits';
import { insertPeriod } from '../queries/periods';
import { getFirstAdmin } from '../queries/releases';
import { insertReview, insertRevision, insertSubmission } from '../queries/submissions';
import { insertUser } from '../queries/users';
import { publishCompleteQuarters } from '../services/releases/publish';
import { agencyQuarterValues, type DemoOptions, type DemoPlan, planDemoCoalition } from './generate';
import { type DemoInputs, readDemoInputs } from './inputs';

/** Thrown when the demo would be written into a database that already holds data. */
export class DatabaseNotEmptyError extends Error {
  constructor() {
    super('The database already holds data; the demo coalition is only written into an empty database.');
  }
}

export type DemoSignIn = { email: string; role: 'admin' | 'viewer' | 'reporter'; agency: string | null };

export type DemoSummary = {
  seed: number;
  agencies: number;
  users: number;
  /** Reporting periods, the open quarter included. */
  periods: number;
  submissions: number;
  revisions: number;
  /** Data values written to submissions' working copies. */
  values: number;
  /** The four sign-ins to try first: admin, viewer, reporter1 and reporter2. */
  signIns: DemoSignIn[];
  /** The reporters of the other agencies, if there are any. */
  otherReporters: { first: string; last: string; count: number } | null;
  password: string;
};

export type WriteDemoOptions = DemoOptions & {
  /** Defaults to `data/demo/coalition.json`. */
  inputs?: DemoInputs;
  /** Defaults to the shipped catalog. */
  catalog?: Catalog;
};

function* rowsToWrite(
  plan: DemoPlan,
  cells: CellIndex,
  submissionId: number,
  values: ReadonlyMap<string, number>,
  sections: ReadonlySet<string> | null,
): Generator<DataValueRow> {
  for (const [key, value] of values) {
    if (sections) {
      const element = key.split('.', 1)[0] as string;
      if (!sections.has(plan.sectionOfElement.get(element) ?? '')) continue;
    }
    const cell = cells.get(key);
    if (!cell) throw new Error(`the catalog has no cell "${key}"`);
    yield { submissionId, elementId: cell.elementId, cocId: cell.cocId, value };
  }
}

/**
 * Writes a demo coalition (by default the one in `data/demo/coalition.json`, seed 2026) into an
 * empty, migrated database: catalog, coalition, counties, agencies, users, periods, and every
 * submission with its values, revisions, reviews and audit entries. All in one transaction, so a
 * failure leaves the database as empty as it was. Throws `DatabaseNotEmptyError` if it is not empty.
 */
export function writeDemoCoalition(db: Db, options: WriteDemoOptions = {}): DemoSummary {
  const plan = planDemoCoalition(
    options.inputs ?? readDemoInputs(),
    options.catalog ?? readDefaultCatalog(),
    options,
  );
  // One hash for every demo account: the password is published, so separate salts would protect
  // nothing, and scrypt is slow on purpose (about 0.1 s each, a minute for 600 agencies).
  const passwordHash = hashPassword(plan.password);

  const write = db.transaction((): DemoSummary => {
    if (hasScopeData(db)) throw new DatabaseNotEmptyError();

    const coalitionId = insertOrgUnit(db, { ...plan.coalition, level: 'coalition', parentId: null });
    const countyIds = new Map(
      plan.counties.map((c) => [
        c.code,
        insertOrgUnit(db, {
          code: c.code,
          name: c.name,
          level: 'county',
          parentId: coalitionId,
          fips: c.fips ?? null,
        }),
      ]),
    );
    const countyId = (code: string) => {
      const id = countyIds.get(code);
      if (id === undefined) throw new Error(`unknown county ${code}`);
      return id;
    };
    const agencyIds = plan.agencies.map((a) => {
      const id = insertOrgUnit(db, {
        code: a.code,
        name: a.name,
        level: 'agency',
        parentId: countyId(a.homeCounty),
        agencyType: a.type,
      });
      setAgencyCounties(db, id, a.counties.map(countyId));
      return id;
    });
    const agencyIdByCode = new Map(plan.agencies.map((a, i) => [a.code, agencyIds[i] as number]));

    const userIds = plan.users.map((u) =>
      insertUser(db, {
        email: u.email,
        name: u.name,
        passwordHash,
        role: u.role,
        agencyId: u.agencyCode === null ? null : (agencyIdByCode.get(u.agencyCode) ?? null),
      }),
    );
    const adminId = userIds[plan.users.findIndex((u) => u.role === 'admin')] ?? null;
    const reporterIdByAgency = new Map(
      plan.users.flatMap((u, i) =>
        u.agencyCode === null ? [] : [[u.agencyCode, userIds[i] as number] as const],
      ),
    );

    const catalogVersionId = installCatalog(db, plan.catalog, adminId);
    const cells = getCellIndex(db, catalogVersionId);
    const periodIds = new Map(
      plan.periods.map((p) => [p.code, insertPeriod(db, p.quarter, plan.deadlineDays, p.open)]),
    );

    let submissions = 0;
    let revisions = 0;
    let values = 0;
    for (const aq of agencyQuarterValues(plan)) {
      const { submission } = aq;
      const [start, ...rest] = submission.events;
      if (submission.status === 'not_started' || start?.action !== 'start') continue;
      const reporterId = reporterIdByAgency.get(aq.agencyCode) ?? null;
      const submissionId = insertSubmission(db, {
        agencyId: agencyIdByCode.get(aq.agencyCode) as number,
        periodId: periodIds.get(aq.period) as number,
        catalogVersionId,
        userId: reporterId,
        at: start.at,
      });
      submissions++;
      const sections = submission.sections === null ? null : new Set(submission.sections);
      values += upsertDataValues(db, rowsToWrite(plan, cells, submissionId, aq.values, sections));

      let revision = 0;
      for (const event of rest) {
        const audit = { entityType: 'submission', entityId: submissionId, at: event.at };
        const about = { agency: aq.agencyCode, period: aq.period };
        if (event.action === 'submit') {
          revision = insertRevision(db, {
            submissionId,
            userId: reporterId,
            at: event.at,
            late: event.late,
            explanations: aq.explanations,
          });
          revisions++;
          recordAudit(db, {
            ...audit,
            userId: reporterId,
            action: 'submit',
            details: { ...about, revision, late: event.late },
          });
        } else if (event.action === 'approve' || event.action === 'return') {
          const commentId = insertReview(db, {
            submissionId,
            action: event.action,
            comment: event.comment,
            userId: adminId,
            at: event.at,
          });
          recordAudit(db, {
            ...audit,
            userId: adminId,
            action: event.action,
            details: commentId === null ? { ...about, revision } : { ...about, revision, commentId },
          });
        }
      }
    }

    const main = (email: string | undefined): DemoSignIn | null => {
      const user = plan.users.find((u) => u.email === email);
      if (!user) return null;
      const agency = plan.agencies.find((a) => a.code === user.agencyCode);
      return { email: user.email, role: user.role, agency: agency?.name ?? null };
    };
    const reporters = plan.agencies.map((a) => a.reporter.email);
    const signIns = [
      plan.users.find((u) => u.role === 'admin')?.email,
      plan.users.find((u) => u.role === 'viewer')?.email,
      reporters[0],
      reporters[1],
    ]
      .map(main)
      .filter((s): s is DemoSignIn => s !== null);
    return {
      seed: plan.seed,
      agencies: plan.agencies.length,
      users: plan.users.length,
      periods: plan.periods.length,
      submissions,
      revisions,
      values,
      signIns,
      otherReporters:
        reporters.length > 2
          ? {
              first: reporters[2] as string,
              last: reporters[reporters.length - 1] as string,
              count: reporters.length - 2,
            }
          : null,
      password: plan.password,
    };
  });
  // IMMEDIATE takes the write lock before the emptiness check, so two processes starting on the
  // same new database cannot both write a demo.
  return write.immediate();
}

/**
 * Writes the default demo coalition on the first start of an empty database outside production, and
 * returns what it wrote; returns null (and writes nothing) in production or when the database
 * already holds data.
 */
export function seedDemoIfEmpty(
  db: Db,
  options: { isProduction: boolean; deadlineDays: number },
): DemoSummary | null {
  if (options.isProduction || hasScopeData(db)) return null;
  try {
    return writeDemoCoalition(db, { deadlineDays: options.deadlineDays });
  } catch (error) {
    // Another process filled the database between the check and the write: nothing to do.
    if (error instanceof DatabaseNotEmptyError) return null;
    throw error;
  }
}

/** The demo sign-ins as a few lines of text for the console. */
export function formatSignIns(summary: DemoSummary): string {
  const width = Math.max(...summary.signIns.map((s) => s.email.length));
  const lines = summary.signIns.map(
    (s) => `  ${s.email.padEnd(width)}  ${s.role}${s.agency ? ` (${s.agency})` : ''}`,
  );
  if (summary.otherReporters) {
    const { first, last, count } = summary.otherReporters;
    lines.push(
      count === 1
        ? `  ${first} reports for the remaining agency.`
        : `  ${first} … ${last} report for the other ${count} agencies.`,
    );
  }
  return [`Demo sign-ins, all with the password "${summary.password}":`, ...lines].join('\n');
}

/**
 * Publishes a release (both audiences) of every demo quarter in which every agency's report is
 * approved, oldest first, as the demo's admin: so the statistics pages have something to show on
 * first start. Returns how many were published and how long it took.
 */
export async function publishDemoReleases(
  db: Db,
): Promise<{ releases: number; failed: string[]; seconds: number }> {
  const admin = getFirstAdmin(db);
  if (!admin) return { releases: 0, failed: [], seconds: 0 };
  const { published, failed, seconds } = await publishCompleteQuarters(db, admin);
  return { releases: published.length, failed, seconds };
}

/** The demo's releases as one line for the console. */
export function formatDemoReleases(result: { releases: number; failed: string[]; seconds: number }): string {
  const failed =
    result.failed.length > 0
      ? ` ${result.failed.join(', ')} could not be protected and were not published.`
      : '';
  return `Published ${result.releases} demo release${result.releases === 1 ? '' : 's'} (coalition and public figures) in ${result.seconds.toFixed(1)} s.${failed}`;
}
