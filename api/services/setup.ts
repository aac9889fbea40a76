/**
 * Setting up a coalition on a production first start: a one-time set-up link (printed in the server's
 * log or by `npm run admin`) opens a form that names the coalition, chooses its counties and makes
 * its first admin. Everything the form asks is checked here, and the set-up is written in one
 * transaction, so a wrong link or a wrong field leaves the database as it was. No HTTP here.
 */
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/passwordPolicy';
import type { Config } from '../config';
import type { Db } from '../db';
import { canonicalTimeZone, todayIn } from '../domain/clock';
import { type County, countyByFips, geography } from '../domain/geography';
import { addQuarters, comparePeriods, parseQuarter, quarterContaining } from '../domain/periods';
import { type AccountLink, revokeAccountLinks } from '../queries/accountLinks';
import { recordAudit } from '../queries/audit';
import { currentCatalogVersionId, installCatalog, readDefaultCatalog } from '../queries/catalog';
import { getCoalition, insertOrgUnit } from '../queries/orgUnits';
import { countUsers, insertUser } from '../queries/users';
import { consumeLink, createAccountLink, findUsableLink, type LinkRefusal } from './accountLinks';
import { type AdminTwoFactor, saveCoalitionProfile } from './coalition';
import { ensureReportingPeriods } from './reportingPeriods';

/**
 * Whether the coalition still has to be set up: the database has neither a coalition nor a person.
 * Both are written by the set-up itself (or by the demo), in one transaction, so either alone means
 * someone built the database another way, and a second set-up would make a second coalition beside
 * it; a coalition whose admins are all locked out is helped by `npm run admin` instead.
 */
export function needsSetup(db: Db): boolean {
  return getCoalition(db) === undefined && countUsers(db) === 0;
}

/**
 * Makes a fresh set-up link (for this email, when given: the form then makes that person the first
 * admin) and withdraws every earlier one still unused, so only the newest printed link works.
 */
export function createSetupLink(
  db: Db,
  config: Pick<Config, 'sessionSecret'>,
  { email = null, now }: { email?: string | null; now: Date },
): { token: string; expiresAt: string } {
  return db.transaction(() => {
    revokeAccountLinks(db, { kind: 'setup' }, now.toISOString());
    const { id, token, expiresAt } = createAccountLink(db, config.sessionSecret, {
      kind: 'setup',
      email,
      role: 'admin',
      createdBy: null,
      now,
    });
    recordAudit(db, {
      userId: null,
      action: 'create-setup-link',
      entityType: 'account-link',
      entityId: id,
      details: { expiresAt },
      at: now.toISOString(),
    });
    return { token, expiresAt };
  })();
}

/** US time zones, for the form's select; any IANA zone is accepted. */
export const usTimeZones = [
  { zone: 'America/Los_Angeles', name: 'Pacific time (Los Angeles)' },
  { zone: 'America/Denver', name: 'Mountain time (Denver)' },
  { zone: 'America/Phoenix', name: 'Mountain time without daylight saving (Arizona)' },
  { zone: 'America/Chicago', name: 'Central time (Chicago)' },
  { zone: 'America/New_York', name: 'Eastern time (New York)' },
  { zone: 'America/Anchorage', name: 'Alaska time (Anchorage)' },
  { zone: 'Pacific/Honolulu', name: 'Hawaii time (Honolulu)' },
  { zone: 'America/Puerto_Rico', name: 'Atlantic time (Puerto Rico)' },
  { zone: 'Pacific/Guam', name: 'Chamorro time (Guam)' },
] as const;

/** How far back a coalition may start collecting: ten years of quarters is plenty to catch up on. */
const earliestFirstQuarterBack = 40;

/** The quarters a coalition may start collecting from: up to ten years back, through the one under way. */
function firstPeriodRange(timeZone: string, now: Date) {
  const current = quarterContaining(todayIn(timeZone, now));
  return { earliest: addQuarters(current, -earliestFirstQuarterBack).code, latest: current.code };
}

/** What the set-up form offers and starts from. */
export function setupForm(config: Pick<Config, 'timeZone' | 'deadlineDays'>, now: Date) {
  const range = firstPeriodRange(config.timeZone, now);
  return {
    states: geography().map((s) => ({
      code: s.state.code,
      name: s.state.name,
      counties: s.counties.map(({ fips, name, code }) => ({ fips, name, code })),
    })),
    timeZones: usTimeZones.map((t) => ({ ...t })),
    defaults: {
      timeZone: config.timeZone,
      deadlineDays: config.deadlineDays,
      firstPeriod: range.latest,
      adminTwoFactor: 'required' as AdminTwoFactor,
    },
    earliestFirstPeriod: range.earliest,
    latestFirstPeriod: range.latest,
  };
}

/** What the set-up form sends, as typed: every field is checked by `setupProblems`. */
export type SetupInput = {
  coalitionName: string;
  shortName: string;
  /** Five-digit FIPS codes of the counties the coalition serves. */
  counties: readonly string[];
  timeZone: string;
  /** Days after a quarter ends that its reports are due. */
  deadlineDays: number;
  /** The first quarter the coalition collects, like 2026Q4. */
  firstPeriod: string;
  adminTwoFactor: AdminTwoFactor;
  adminName: string;
  /** The first admin's email; the link's own when it was made for one. */
  adminEmail: string;
  password: string;
};

/** A field of the form, and what is wrong with it in words a person can act on. */
export type SetupProblems = Partial<Record<keyof SetupInput, string>>;

/** The set-up link can't be used: `refusal` says why (`linkRefusalWords` words it). */
export class SetupLinkRefused extends Error {
  constructor(readonly refusal: LinkRefusal) {
    super(`set-up link refused: ${refusal}`);
  }
}

/** A field of the form is wrong; nothing was written. */
export class SetupInvalid extends Error {
  constructor(readonly problems: SetupProblems) {
    super(Object.values(problems).join(' '));
  }
}

export const alreadySetUpWords =
  'This coalition is already set up. Sign in, or ask your coalition admin for an invitation.';

/** The coalition is already set up: a set-up link made before it was can't make a second one. */
export class AlreadySetUp extends Error {
  constructor() {
    super(alreadySetUpWords);
  }
}

const maxNameLength = 120;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The coalition's short code: the short name's letters and digits, capitalised, at most 16. */
export const coalitionCodeOf = (shortName: string) =>
  shortName
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 16);

/** Everything wrong with what the form sent, by field; empty when it may be written. */
export function setupProblems(
  input: SetupInput,
  link: Pick<AccountLink, 'email'>,
  config: Pick<Config, 'timeZone'>,
  now: Date,
): SetupProblems {
  const problems: SetupProblems = {};
  const name = input.coalitionName.trim();
  if (name === '') problems.coalitionName = 'Enter your coalition’s name.';
  else if (name.length > maxNameLength)
    problems.coalitionName = `Use at most ${maxNameLength} characters for the coalition’s name.`;

  const code = coalitionCodeOf(input.shortName);
  if (input.shortName.trim().length > 40)
    problems.shortName = 'Use at most 40 characters for the short name.';
  else if (code.length < 2)
    problems.shortName = 'Enter a short name with at least two letters or digits, such as SBCEHT.';

  const unknown = input.counties.filter((fips) => countyByFips(fips) === undefined);
  if (input.counties.length === 0) problems.counties = 'Choose at least one county your coalition serves.';
  else if (unknown.length > 0)
    problems.counties = `${unknown.slice(0, 3).join(', ')} ${unknown.length === 1 ? 'is not a county' : 'are not counties'} Scope knows. Choose counties from the list.`;
  else if (
    input.counties.some((fips) => countyByFips(fips)?.code === code) &&
    problems.shortName === undefined
  )
    problems.shortName = `${code} is already the short code of one of your counties. Choose another short name.`;

  if (!canonicalTimeZone(input.timeZone))
    problems.timeZone = 'Choose your coalition’s time zone from the list.';
  if (!Number.isInteger(input.deadlineDays) || input.deadlineDays < 0 || input.deadlineDays > 365)
    problems.deadlineDays =
      'Enter the number of days after a quarter ends that reports are due, from 0 to 365.';

  const range = firstPeriodRange(canonicalTimeZone(input.timeZone) ?? config.timeZone, now);
  const first = parseQuarter(input.firstPeriod.trim().toUpperCase());
  if (!first) problems.firstPeriod = 'Choose the first quarter your coalition collects, such as 2026Q4.';
  else if (comparePeriods(first.code, range.latest) > 0)
    problems.firstPeriod = `The first quarter can’t be after the one under way now, ${range.latest}.`;
  else if (comparePeriods(first.code, range.earliest) < 0)
    problems.firstPeriod = `Start no earlier than ${range.earliest}: ten years of quarters to catch up on is the most Scope sets up.`;

  const adminName = input.adminName.trim();
  if (adminName === '') problems.adminName = 'Enter your name, as other people in Scope will see it.';
  else if (adminName.length > maxNameLength)
    problems.adminName = `Use at most ${maxNameLength} characters for your name.`;

  const email = input.adminEmail.trim();
  if (link.email !== null && email.toLowerCase() !== link.email.toLowerCase())
    problems.adminEmail = `This set-up link was made for ${link.email}: use that address.`;
  else if (!emailPattern.test(email) || email.length > 254)
    problems.adminEmail = 'Enter your email address, such as name@example.org.';

  const password = passwordProblem(input.password, { email, name: adminName });
  if (password) problems.password = password;
  return problems;
}

/** What a set-up link can be used for now: the email it was made for, or why it can't be used. */
export function checkSetupLink(
  db: Db,
  config: Pick<Config, 'sessionSecret'>,
  token: string,
  now: Date,
): { link: AccountLink } | { refusal: LinkRefusal | 'already-set-up' } {
  const found = findUsableLink(db, config.sessionSecret, 'setup', token, now);
  if ('refusal' in found) return found;
  return needsSetup(db) ? found : { refusal: 'already-set-up' };
}

export type SetupResult = { coalitionId: number; adminId: number; periods: string[] };

/**
 * Sets the coalition up with a set-up link, all or nothing: the coalition and its counties, the
 * default catalog (unless one is installed), its settings, its quarters so far and its first admin;
 * the link is used up and the set-up audited. Throws `SetupLinkRefused`, `AlreadySetUp` or
 * `SetupInvalid`, having written nothing.
 */
export function completeSetup(
  db: Db,
  config: Pick<Config, 'sessionSecret' | 'timeZone'>,
  token: string,
  input: SetupInput,
  now: Date,
): SetupResult {
  // The password is hashed before the transaction: scrypt is slow on purpose, and the write lock is
  // not held while it works.
  const checked = findUsableLink(db, config.sessionSecret, 'setup', token, now);
  if ('refusal' in checked) throw new SetupLinkRefused(checked.refusal);
  const problems = setupProblems(input, checked.link, config, now);
  if (Object.keys(problems).length > 0) throw new SetupInvalid(problems);
  const passwordHash = hashPassword(input.password);

  return db.transaction((): SetupResult => {
    // Checked again inside: another request may have used the link, or set up, meanwhile.
    const found = findUsableLink(db, config.sessionSecret, 'setup', token, now);
    if ('refusal' in found) throw new SetupLinkRefused(found.refusal);
    if (!needsSetup(db)) throw new AlreadySetUp();
    const shortName = input.shortName.trim();
    const coalitionId = insertOrgUnit(db, {
      code: coalitionCodeOf(shortName),
      name: input.coalitionName.trim(),
      level: 'coalition',
      parentId: null,
    });
    const counties = [...new Set(input.counties)].map((fips) => countyByFips(fips) as County);
    for (const county of counties)
      insertOrgUnit(db, {
        code: county.code,
        name: county.name,
        level: 'county',
        parentId: coalitionId,
        fips: county.fips,
      });
    const adminId = insertUser(db, {
      email: input.adminEmail.trim(),
      name: input.adminName.trim(),
      passwordHash,
      role: 'admin',
      agencyId: null,
    });
    if (currentCatalogVersionId(db) === undefined) installCatalog(db, readDefaultCatalog(), adminId);
    const firstPeriod = (parseQuarter(input.firstPeriod.trim().toUpperCase()) as { code: string }).code;
    const timeZone = canonicalTimeZone(input.timeZone) as string;
    saveCoalitionProfile(db, {
      shortName,
      timeZone,
      deadlineDays: input.deadlineDays,
      firstPeriod,
      adminTwoFactor: input.adminTwoFactor,
    });
    const periods = ensureReportingPeriods(db, {
      today: todayIn(timeZone, now),
      deadlineDays: input.deadlineDays,
      firstPeriod,
    });
    consumeLink(db, found.link, adminId, now);
    // Any other set-up link still unused stops working: the coalition has its admin.
    revokeAccountLinks(db, { kind: 'setup' }, now.toISOString());
    recordAudit(db, {
      userId: adminId,
      action: 'complete-setup',
      entityType: 'coalition',
      entityId: coalitionId,
      details: {
        name: input.coalitionName.trim(),
        shortName,
        counties: counties.map((c) => c.fips),
        timeZone,
        deadlineDays: input.deadlineDays,
        firstPeriod,
        adminTwoFactor: input.adminTwoFactor,
        periods,
      },
      at: now.toISOString(),
    });
    return { coalitionId, adminId, periods };
  })();
}
