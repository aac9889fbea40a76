/**
 * The settings page's service: everything an admin sees about how the coalition runs (its names,
 * counties, calendar, protection, grant reports and sign-in), and one change to any of it, checked
 * whole and written in one transaction so a refused part leaves every other part as it was. The
 * thresholds, publication settings and confidential-reports switch are changed through their own
 * audited services, so the older routes and this page keep one record. No HTTP here.
 */
import type { Config } from '../config';
import type { Db } from '../db';
import { minimumThresholds } from '../disclosure/types';
import { todayIn } from '../domain/clock';
import type { CoalitionSettingsChange } from '../domain/coalitionSettings';
import { type County, countyByFips, geography } from '../domain/geography';
import { parseQuarter, type Quarter, quarterDeadline } from '../domain/periods';
import { ApiError, forbidden } from '../errors';
import { canManageCoalition } from '../permissions';
import { recordAudit } from '../queries/audit';
import {
  anyReportSubmitted,
  type CountyUnit,
  deleteCountyUnit,
  getOrgUnitByCode,
  isCountyReferenced,
  listCountyUnits,
  renameOrgUnit,
  updateCountyUnit,
} from '../queries/counties';
import { getCoalition, insertOrgUnit } from '../queries/orgUnits';
import { listPeriods, setPeriodDeadline } from '../queries/periods';
import type { User } from '../queries/users';
import { type CoalitionProfile, coalitionProfile, saveCoalitionProfile } from './coalition';
import {
  changeDisclosurePolicy,
  changePublicationSettings,
  disclosurePolicy,
  publicationSettingRanges,
  publicationSettings,
} from './releases/policy';
import { changeReportSettings, reportSettings } from './reports/settings';

type ProfileConfig = Pick<Config, 'timeZone' | 'deadlineDays'>;

/** A county the coalition serves, with the active agencies that would stop it being removed. */
export type ServedCounty = {
  code: string;
  name: string;
  /** Null for a county added before counties had FIPS codes. */
  fips: string | null;
  /** The state's two-letter code, from the geography files; null without a FIPS code. */
  state: string | null;
  basedHere: string[];
  servingHere: string[];
};

/** Everything the settings page shows. */
export function coalitionSettings(db: Db, config: ProfileConfig) {
  return {
    profile: coalitionProfile(db, config),
    /** Once an agency has reported, the first quarter stays as it is: reports already count from it. */
    firstPeriodFixed: anyReportSubmitted(db),
    counties: listCountyUnits(db)
      .filter((county) => county.active)
      .map(servedCounty),
    /** Each state's counties, to choose more from. */
    states: geography().map(({ state, counties }) => ({
      code: state.code,
      name: state.name,
      counties: counties.map(({ fips, name, code }) => ({ fips, name, code })),
    })),
    thresholds: { policy: disclosurePolicy(db), minimums: { ...minimumThresholds } },
    publication: {
      settings: publicationSettings(db),
      ranges: Object.fromEntries(
        Object.entries(publicationSettingRanges).map(([name, { min, max, default: byDefault, words }]) => [
          name,
          { min, max, default: byDefault, words },
        ]),
      ) as Record<
        keyof typeof publicationSettingRanges,
        { min: number; max: number; default: number; words: string }
      >,
    },
    reports: reportSettings(db),
  };
}

export type CoalitionSettings = ReturnType<typeof coalitionSettings>;

function servedCounty(county: CountyUnit): ServedCounty {
  return {
    code: county.code,
    name: county.name,
    fips: county.fips,
    state: county.fips ? (countyByFips(county.fips)?.state ?? null) : null,
    basedHere: county.basedHere,
    servingHere: county.servingHere,
  };
}

/**
 * What anyone may know about the coalition, for the header, the footer and the public page: its
 * names and the counties (and states) it serves. Nulls and empty lists before it is set up.
 */
export function publicCoalition(db: Db, config: ProfileConfig) {
  const { name, shortName } = coalitionProfile(db, config);
  const counties = listCountyUnits(db).filter((county) => county.active);
  const stateNames = new Map(geography().map(({ state }) => [state.code, state.name]));
  const states = new Set(
    counties.flatMap((county) => {
      const state = county.fips ? countyByFips(county.fips)?.state : undefined;
      const stateName = state ? stateNames.get(state) : undefined;
      return stateName ? [stateName] : [];
    }),
  );
  return { name, shortName, counties: counties.map((county) => county.name), states: [...states] };
}

const profileFields = [
  'name',
  'shortName',
  'timeZone',
  'deadlineDays',
  'firstPeriod',
  'adminTwoFactor',
] as const satisfies ReadonlyArray<keyof CoalitionProfile & keyof CoalitionSettingsChange>;

/** How the served counties change: which to add (and how), which to take away (and how). */
type CountyPlan = {
  add: Array<{ county: County; unit?: Pick<CountyUnit, 'id'> }>;
  remove: Array<{ unit: CountyUnit; keep: boolean }>;
};

const countyLabel = (county: { name: string; fips: string | null }) =>
  county.fips ? `${county.name} (${county.fips})` : county.name;

const listWords = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * Works out what serving exactly `wanted` (FIPS codes) takes, refusing with every reason at once: a
 * county still home to or served by an active agency stays, and a county whose code another org
 * unit already has can't be added under it. A county added earlier without a FIPS code is the same
 * county when its code is the one the geography gives it. Counties without a FIPS code are left as
 * they are: the page can't name them by one.
 */
function planCounties(db: Db, wanted: readonly string[]): CountyPlan {
  const units = listCountyUnits(db);
  const served = new Map(units.filter((u) => u.active && u.fips).map((u) => [u.fips as string, u]));
  const problems: Array<{ code: string; words: string }> = [];
  const add: CountyPlan['add'] = [];
  for (const fips of wanted) {
    if (served.has(fips)) continue;
    const county = countyByFips(fips) as County;
    const earlier = units.find((u) => u.fips === fips);
    if (earlier) {
      add.push({ county, unit: earlier });
      continue;
    }
    const sameCode = getOrgUnitByCode(db, county.code);
    if (!sameCode) add.push({ county });
    else if (sameCode.level === 'county' && sameCode.fips === null) add.push({ county, unit: sameCode });
    else
      problems.push({
        code: 'county-code-taken',
        words: `${countyLabel(county)} can’t be added: its code ${county.code} is already used by ${sameCode.name}. Change that ${sameCode.level}’s code first.`,
      });
  }
  const wantedSet = new Set(wanted);
  const remove: CountyPlan['remove'] = [];
  for (const unit of served.values()) {
    if (wantedSet.has(unit.fips as string)) continue;
    const agencies = [...unit.basedHere, ...unit.servingHere];
    if (agencies.length > 0)
      problems.push({
        code: 'county-in-use',
        words: `${countyLabel(unit)} can’t be removed while ${listWords(agencies)} ${agencies.length === 1 ? 'is' : 'are'} based in it or ${agencies.length === 1 ? 'serves' : 'serve'} it: change or deactivate ${agencies.length === 1 ? 'that agency' : 'those agencies'} on the Agencies page first.`,
      });
    else remove.push({ unit, keep: isCountyReferenced(db, unit) });
  }
  const first = problems[0];
  if (first) throw new ApiError(409, first.code, problems.map((p) => p.words).join(' '));
  return { add, remove };
}

function applyCounties(db: Db, coalitionId: number, plan: CountyPlan): void {
  for (const { county, unit } of plan.add) {
    if (unit) updateCountyUnit(db, unit.id, { fips: county.fips, active: true });
    else
      insertOrgUnit(db, {
        code: county.code,
        name: county.name,
        level: 'county',
        parentId: coalitionId,
        fips: county.fips,
      });
  }
  // A county something still refers to (a former agency, a published figure) is kept, inactive, so
  // those keep their name; one nothing refers to is removed outright.
  for (const { unit, keep } of plan.remove) {
    if (keep) updateCountyUnit(db, unit.id, { fips: unit.fips as string, active: false });
    else deleteCountyUnit(db, unit.id);
  }
}

/**
 * Moves the deadline of every quarter that has not ended (by the coalition's calendar) to the new
 * number of days after it ends. Quarters that have ended keep theirs: reporters were told it, and
 * lateness was judged by it. Returns the quarters moved.
 */
function moveOpenDeadlines(db: Db, deadlineDays: number, today: string): string[] {
  const moved: string[] = [];
  for (const period of listPeriods(db)) {
    if (period.endDate < today) continue;
    const deadline = quarterDeadline(parseQuarter(period.code) as Quarter, deadlineDays);
    if (deadline === period.deadline) continue;
    setPeriodDeadline(db, period.id, deadline);
    moved.push(period.code);
  }
  return moved.sort();
}

const differs = <T extends object>(now: T, change: Partial<T> | undefined) =>
  change !== undefined &&
  (Object.keys(change) as Array<keyof T>).some(
    (key) => change[key] !== undefined && change[key] !== now[key],
  );

/**
 * Changes the coalition's settings as an admin asked, all or nothing. Fields left out stay; a value
 * that is already in force is not a change. One audit entry for the coalition's own settings
 * (`change-coalition-settings`, with what was before and after), and the thresholds, publication
 * settings and confidential-reports switch each audited by their own service, in the same
 * transaction. Returns the settings now in force.
 */
export function changeCoalitionSettings(
  db: Db,
  user: User,
  change: CoalitionSettingsChange,
  now: Date,
  config: ProfileConfig,
): CoalitionSettings {
  if (!canManageCoalition(user))
    throw forbidden('Only coalition admins, signed in as themselves, change the coalition’s settings.');
  db.transaction(() => {
    const profile = coalitionProfile(db, config);
    const coalition = getCoalition(db);
    if (!coalition)
      throw new ApiError(409, 'not-set-up', 'The coalition isn’t set up yet: finish the set-up first.');
    const changed = profileFields.filter(
      (field) => change[field] !== undefined && change[field] !== profile[field],
    );
    if (changed.includes('firstPeriod') && anyReportSubmitted(db))
      throw new ApiError(
        409,
        'first-period-fixed',
        `The first quarter stays ${profile.firstPeriod ?? 'as it is'}: agencies have already reported, and their reports count from it.`,
      );
    const countiesBefore = listCountyUnits(db).filter((county) => county.active);
    const counties = change.counties ? planCounties(db, change.counties) : undefined;

    const at = now.toISOString();
    const after = { ...profile, ...Object.fromEntries(changed.map((field) => [field, change[field]])) };
    if (changed.includes('name')) renameOrgUnit(db, coalition.id, after.name as string);
    saveCoalitionProfile(db, {
      ...(changed.includes('shortName') ? { shortName: after.shortName } : {}),
      ...(changed.includes('timeZone') ? { timeZone: after.timeZone } : {}),
      ...(changed.includes('deadlineDays') ? { deadlineDays: after.deadlineDays } : {}),
      ...(changed.includes('firstPeriod') ? { firstPeriod: after.firstPeriod as string } : {}),
      ...(changed.includes('adminTwoFactor') ? { adminTwoFactor: after.adminTwoFactor } : {}),
    });
    const deadlinesMoved = changed.includes('deadlineDays')
      ? moveOpenDeadlines(db, after.deadlineDays, todayIn(after.timeZone, now))
      : [];
    const countiesChanged = counties !== undefined && counties.add.length + counties.remove.length > 0;
    if (counties && countiesChanged) applyCounties(db, coalition.id, counties);
    if (changed.length > 0 || countiesChanged) {
      const pick = (from: CoalitionProfile) =>
        Object.fromEntries(changed.map((field) => [field, from[field]]));
      const countyNames = (list: ReadonlyArray<{ name: string; fips: string | null }>) =>
        list.map(countyLabel);
      const countiesAfter = listCountyUnits(db).filter((county) => county.active);
      recordAudit(db, {
        at,
        userId: user.id,
        action: 'change-coalition-settings',
        entityType: 'settings',
        details: {
          before: { ...pick(profile), ...(countiesChanged ? { counties: countyNames(countiesBefore) } : {}) },
          after: {
            ...pick(after as CoalitionProfile),
            ...(countiesChanged ? { counties: countyNames(countiesAfter) } : {}),
          },
          ...(deadlinesMoved.length > 0 ? { deadlinesMoved } : {}),
        },
      });
    }
    if (differs(disclosurePolicy(db), change.thresholds))
      changeDisclosurePolicy(db, user, change.thresholds ?? {});
    if (differs(publicationSettings(db), change.publication))
      changePublicationSettings(db, user, change.publication ?? {}, at);
    if (
      change.confidentialReports !== undefined &&
      change.confidentialReports !== reportSettings(db).confidentialReports
    )
      changeReportSettings(db, user, { confidentialReports: change.confidentialReports }, now);
  })();
  return coalitionSettings(db, config);
}
