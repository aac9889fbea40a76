/**
 * The coalition's member agencies as an admin keeps them: adding one, changing it, deactivating it
 * (with its reporters) and bringing it back, and deleting one added by mistake. No HTTP here: the
 * route has checked who may; every change here is one transaction with its audit entry, and a
 * refused change writes nothing.
 */
import type { Db } from '../db';
import { proposeAgencyCode } from '../domain/agencyMembership';
import type { AgencyType } from '../domain/agencyTypes';
import { addQuarters, parseQuarter, type Quarter, quarterCode } from '../domain/periods';
import { ApiError, badRequest, notFound } from '../errors';
import {
  type AgencyRecord,
  countAgencyTies,
  deleteAgencyRow,
  getAgencyRecord,
  listActiveAgencyPeople,
  listAgencyRecords,
  listCountyUnits,
  listOrgUnitCodes,
  listPeriodCodes,
  setAgencyActive,
  updateAgencyRow,
} from '../queries/agencies';
import { recordAudit } from '../queries/audit';
import { getCoalition, insertOrgUnit, setAgencyCounties } from '../queries/orgUnits';
import { setUserActive, type User } from '../queries/users';

/** What an admin gives for an agency: its code is proposed from its name when not given. */
export type AgencyInput = {
  name: string;
  code?: string | undefined;
  type: AgencyType;
  homeCounty: string;
  countiesServed: string[];
  firstPeriod: string | null;
};

/** A change to an agency: only the fields given change. */
export type AgencyChange = Partial<AgencyInput>;

/** How many quarters after the newest one (or today's) an agency may be added to start reporting. */
const quartersAhead = 4;

/**
 * The quarters an agency's first quarter may be: from the coalition's oldest reporting period (or
 * today's quarter, before there is any) to a year after the newest (or today's).
 */
export function firstQuarterChoices(periodCodes: readonly string[], today: string): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const current = quarterCode(year, Math.ceil(month / 3));
  const oldest = periodCodes[0] && periodCodes[0] < current ? periodCodes[0] : current;
  const newest =
    periodCodes.at(-1) && (periodCodes.at(-1) as string) > current ? (periodCodes.at(-1) as string) : current;
  const last = addQuarters(parseQuarter(newest) as Quarter, quartersAhead).code;
  const choices: string[] = [];
  for (let q = parseQuarter(oldest) as Quarter; q.code <= last; q = addQuarters(q, 1)) choices.push(q.code);
  return choices;
}

/** Every agency, active or not, the coalition's counties, and the quarters an agency may start in. */
export function agencyDirectory(db: Db, today: string) {
  return {
    agencies: listAgencyRecords(db).map(({ id: _id, ...agency }) => agency),
    counties: listCountyUnits(db).map(({ code, name }) => ({ code, name })),
    quarters: firstQuarterChoices(listPeriodCodes(db), today),
  };
}

const noSuchAgency = () => notFound('There is no agency with that code.');

function requireAgency(db: Db, code: string): AgencyRecord {
  const agency = getAgencyRecord(db, code);
  if (!agency) throw noSuchAgency();
  return agency;
}

/** The home county's and counties served's ids, checked against the coalition's counties. */
function resolveCounties(db: Db, homeCounty: string, countiesServed: readonly string[]) {
  const counties = new Map(listCountyUnits(db).map((c) => [c.code, c]));
  const home = counties.get(homeCounty);
  if (!home)
    throw badRequest(
      `The home county "${homeCounty}" is not one of the coalition's counties. Choose one from the list, or add the county on the settings page first.`,
    );
  const unknown = countiesServed.filter((code) => !counties.has(code));
  if (unknown.length > 0)
    throw badRequest(
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the coalition's counties. Choose the counties served from the list.`,
    );
  // The home county is always served: an agency based in a county works there.
  const served = [...new Set([homeCounty, ...countiesServed])].map(
    (code) => counties.get(code)?.id as number,
  );
  return { homeCountyId: home.id, servedIds: served };
}

function checkCodeFree(db: Db, code: string) {
  if (listOrgUnitCodes(db).includes(code))
    throw new ApiError(
      409,
      'agency-code-taken',
      `The code ${code} is already used by another agency or county. Choose another short code.`,
    );
}

/** The record as the API shows it, without its database id. */
const shown = ({ id: _id, ...agency }: AgencyRecord) => agency;

/** Adds an agency, audited as `create-agency`. */
export function createAgency(db: Db, user: User, input: AgencyInput, now: Date) {
  return db.transaction(() => {
    const coalition = getCoalition(db);
    if (!coalition) throw badRequest('Set up the coalition before adding agencies.');
    const code = input.code ?? proposeAgencyCode(input.name, new Set(listOrgUnitCodes(db)));
    if (!/^[A-Z0-9]{2,16}$/.test(code))
      throw badRequest('Give the agency a short code of 2 to 16 capital letters or digits, like RIVER.');
    checkCodeFree(db, code);
    const { homeCountyId, servedIds } = resolveCounties(db, input.homeCounty, input.countiesServed);
    const id = insertOrgUnit(db, {
      code,
      name: input.name,
      level: 'agency',
      parentId: homeCountyId,
      agencyType: input.type,
      firstPeriod: input.firstPeriod,
    });
    setAgencyCounties(db, id, servedIds);
    const agency = getAgencyRecord(db, code) as AgencyRecord;
    recordAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'create-agency',
      entityType: 'agency',
      entityId: id,
      details: auditedFields(agency),
    });
    return shown(agency);
  })();
}

/** The fields an audit entry keeps of an agency. */
function auditedFields(a: AgencyRecord) {
  return {
    code: a.code,
    name: a.name,
    type: a.type,
    homeCounty: a.homeCounty,
    countiesServed: a.countiesServed,
    firstPeriod: a.firstPeriod,
  };
}

/**
 * Changes an agency, audited as `change-agency` with what changed, before and after. Its code is in
 * addresses and releases, so it changes only while the agency has never reported; its first quarter
 * may not be after a quarter it already reported for.
 */
export function updateAgency(db: Db, user: User, code: string, change: AgencyChange, now: Date) {
  return db.transaction(() => {
    const before = requireAgency(db, code);
    const next = {
      code: change.code ?? before.code,
      name: change.name ?? before.name,
      type: change.type ?? before.type,
      homeCounty: change.homeCounty ?? before.homeCounty,
      countiesServed: change.countiesServed ?? before.countiesServed,
      firstPeriod: change.firstPeriod === undefined ? before.firstPeriod : change.firstPeriod,
    };
    if (next.code !== before.code) {
      if (before.hasReported)
        throw new ApiError(
          409,
          'agency-code-fixed',
          `${before.name} has already reported as ${before.code}, and that code is in its reports' addresses and in releases, so it can't change.`,
        );
      checkCodeFree(db, next.code);
    }
    if (next.firstPeriod && before.firstReport && next.firstPeriod > before.firstReport)
      throw badRequest(
        `${before.name} already reported for ${before.firstReport}, so its first quarter can't be later than that.`,
      );
    // A home county changed without the counties served keeps serving the old ones and adds the new.
    const { homeCountyId, servedIds } = resolveCounties(db, next.homeCounty, next.countiesServed);
    updateAgencyRow(db, before.id, { ...next, homeCountyId });
    setAgencyCounties(db, before.id, servedIds);
    const after = getAgencyRecord(db, next.code) as AgencyRecord;
    const was = auditedFields(before);
    const is = auditedFields(after);
    const changed = (Object.keys(is) as Array<keyof typeof is>).filter(
      (key) => JSON.stringify(was[key]) !== JSON.stringify(is[key]),
    );
    if (changed.length > 0)
      recordAudit(db, {
        at: now.toISOString(),
        userId: user.id,
        action: 'change-agency',
        entityType: 'agency',
        entityId: before.id,
        details: {
          code: after.code,
          before: Object.fromEntries(changed.map((key) => [key, was[key]])),
          after: Object.fromEntries(changed.map((key) => [key, is[key]])),
        },
      });
    return shown(after);
  })();
}

/**
 * Deactivates an agency: it is no longer expected to report, and its reporters lose access (their
 * sessions end and the tokens they made are revoked). Audited as `deactivate-agency` with who lost
 * access; returns them.
 */
export function deactivateAgency(db: Db, user: User, code: string, now: Date) {
  return db.transaction(() => {
    const agency = requireAgency(db, code);
    if (!agency.active) return { agency: shown(agency), deactivatedPeople: [] };
    const people = listActiveAgencyPeople(db, agency.id);
    for (const person of people) setUserActive(db, person.id, false, now.toISOString());
    setAgencyActive(db, agency.id, false);
    recordAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'deactivate-agency',
      entityType: 'agency',
      entityId: agency.id,
      details: { code: agency.code, deactivatedPeople: people.map((p) => p.id) },
    });
    return {
      agency: shown(requireAgency(db, code)),
      deactivatedPeople: people.map(({ name, email }) => ({ name, email })),
    };
  })();
}

/**
 * Brings an agency back: expected to report again. Its people stay deactivated: an admin brings
 * back each person who should have access. Audited as `reactivate-agency`.
 */
export function reactivateAgency(db: Db, user: User, code: string, now: Date) {
  return db.transaction(() => {
    const agency = requireAgency(db, code);
    if (agency.active) return shown(agency);
    setAgencyActive(db, agency.id, true);
    recordAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'reactivate-agency',
      entityType: 'agency',
      entityId: agency.id,
      details: { code: agency.code },
    });
    return shown(requireAgency(db, code));
  })();
}

/**
 * Deletes an agency added by mistake: only one that never started a report and was never given
 * people, tokens, invitations or reminders. Anything else is deactivated instead, so its history
 * stays. Audited as `delete-agency`.
 */
export function deleteAgency(db: Db, user: User, code: string, now: Date): void {
  db.transaction(() => {
    const agency = requireAgency(db, code);
    const ties = countAgencyTies(db, agency.id);
    const reasons = [
      ties.submissions > 0 && 'it has reports',
      ties.people > 0 && 'people have been given access to it',
      ties.tokens > 0 && 'it has API tokens',
      ties.links > 0 && 'invitations were made for it',
      ties.reminders > 0 && 'reminders were sent to it',
    ].filter((reason): reason is string => typeof reason === 'string');
    if (reasons.length > 0)
      throw new ApiError(
        409,
        'agency-has-history',
        `${agency.name} can't be deleted because ${reasons.join(' and ')}. Deactivate it instead: it stops being expected to report, and its history stays.`,
      );
    deleteAgencyRow(db, agency.id);
    recordAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'delete-agency',
      entityType: 'agency',
      entityId: agency.id,
      details: auditedFields(agency),
    });
  })();
}
