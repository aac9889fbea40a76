/**
 * What a release publishes and how strictly: its audiences and the cube each sees, the disclosure
 * thresholds in force (and an admin's change to them), the periods a quarter's release owns, and the
 * publication settings (when a period is provisional, when a county's breakdowns are published).
 * No HTTP here.
 */
import type { Db } from '../../db';
import { defaultCountyBreakdownAgencies, planGrains, releaseAggregates } from '../../disclosure/cube';
import { type Audience, defaultThresholds, minimumThresholds } from '../../disclosure/types';
import { quartersOf } from '../../domain/periods';
import { ApiError, forbidden } from '../../errors';
import { canChangeDisclosurePolicy } from '../../permissions';
import { recordAudit } from '../../queries/audit';
import {
  getDisclosurePolicySetting,
  getPublicationSettingsSetting,
  listExistingPeriods,
  setDisclosurePolicySetting,
  setPublicationSettingsSetting,
} from '../../queries/releases';
import type { User } from '../../queries/users';
import { catalogVersion, currentCatalogVersionIdOrFail } from '../catalog';

export const audiences: readonly Audience[] = ['coalition', 'public'];

export type DisclosurePolicy = Record<Audience, number>;

/** The thresholds in force: the stored policy over the defaults. */
export function disclosurePolicy(db: Db): DisclosurePolicy {
  const stored = getDisclosurePolicySetting(db);
  const policy = { ...defaultThresholds };
  if (stored === undefined) return policy;
  const parsed = JSON.parse(stored) as Partial<DisclosurePolicy>;
  for (const audience of audiences) {
    const threshold = parsed[audience];
    if (typeof threshold === 'number') policy[audience] = threshold;
  }
  return policy;
}

/** Changes the thresholds, refusing any below its audience's minimum. Applies to later releases. */
export function changeDisclosurePolicy(
  db: Db,
  user: User,
  change: Partial<DisclosurePolicy>,
): DisclosurePolicy {
  if (!canChangeDisclosurePolicy(user))
    throw forbidden('Only coalition admins change the disclosure policy.');
  const problems = audiences.flatMap((audience) => {
    const threshold = change[audience];
    return threshold !== undefined && threshold < minimumThresholds[audience]
      ? [
          `The ${audience} threshold must be at least ${minimumThresholds[audience]}; ${threshold} would protect too little.`,
        ]
      : [];
  });
  if (problems.length > 0) throw new ApiError(400, 'policy-too-weak', problems.join(' '));
  return db.transaction(() => {
    const policy = { ...disclosurePolicy(db), ...change };
    setDisclosurePolicySetting(db, JSON.stringify(policy));
    recordAudit(db, {
      userId: user.id,
      action: 'change-disclosure-policy',
      entityType: 'settings',
      details: policy,
    });
    return policy;
  })();
}

/**
 * The periods a release of this quarter publishes: the quarter, and the half-year (after Q2 and Q4),
 * calendar year (after Q4), federal fiscal year (after Q3) and state fiscal year (after Q2) it ends,
 * of the kinds the plan publishes, when every quarter of it is a reporting period.
 */
export function periodsOfRelease(db: Db, quarter: string): { periods: string[]; leftOut: string[] } {
  const { plan } = catalogVersion(db, currentCatalogVersionIdOrFail(db));
  const aggregates = releaseAggregates(quarter, [...planGrains(plan)]);
  const needed = aggregates.flatMap((a) => quartersOf(a).map((q) => q.code));
  const existing = listExistingPeriods(db, needed);
  const included = aggregates.filter((a) => quartersOf(a).every((q) => existing.has(q.code)));
  return { periods: [quarter, ...included], leftOut: aggregates.filter((a) => !included.includes(a)) };
}

// ---- Publication settings ------------------------------------------------------------------------

/**
 * How a coalition publishes: `provisionalShare`, the share of the agencies expected to report below
 * which a period is published as provisional; `countyBreakdownAgencies`, the reporting agencies every
 * county needs before county breakdowns are published.
 */
export type PublicationSettings = { provisionalShare: number; countyBreakdownAgencies: number };

/** Each setting's default and the range an admin may choose from, with what it means in words. */
export const publicationSettingRanges = {
  provisionalShare: {
    default: 0.8,
    min: 0.5,
    max: 1,
    integer: false,
    words: 'The share of agencies that must have an approved report for a period not to be provisional',
  },
  countyBreakdownAgencies: {
    default: defaultCountyBreakdownAgencies,
    min: 1,
    max: 20,
    integer: true,
    words: 'The reporting agencies every county needs before county breakdowns are published',
  },
} as const satisfies Record<
  keyof PublicationSettings,
  { default: number; min: number; max: number; integer: boolean; words: string }
>;

const settingNames = Object.keys(publicationSettingRanges) as Array<keyof PublicationSettings>;

/** Why a value is not allowed for a setting, in words; null when it is. */
function settingProblem(name: keyof PublicationSettings, value: number): string | null {
  const range = publicationSettingRanges[name];
  const fits =
    Number.isFinite(value) &&
    value >= range.min &&
    value <= range.max &&
    (!range.integer || Number.isInteger(value));
  if (fits) return null;
  const kind = range.integer ? 'a whole number' : 'a number';
  return `${name} must be ${kind} from ${range.min} to ${range.max}; ${value} is not.`;
}

/** The publication settings in force: the stored ones over the defaults (a stored value out of range is ignored). */
export function publicationSettings(db: Db): PublicationSettings {
  const settings: PublicationSettings = {
    provisionalShare: publicationSettingRanges.provisionalShare.default,
    countyBreakdownAgencies: publicationSettingRanges.countyBreakdownAgencies.default,
  };
  const stored = getPublicationSettingsSetting(db);
  if (stored === undefined) return settings;
  const parsed = JSON.parse(stored) as Partial<PublicationSettings>;
  for (const name of settingNames) {
    const value = parsed[name];
    if (typeof value === 'number' && settingProblem(name, value) === null) settings[name] = value;
  }
  return settings;
}

/**
 * Changes the publication settings, refusing (and changing nothing) if any value is out of range.
 * Audited. Applies to later releases: a period already published keeps what it was published as.
 */
export function changePublicationSettings(
  db: Db,
  user: User,
  change: Partial<PublicationSettings>,
  at: string,
): PublicationSettings {
  if (!canChangeDisclosurePolicy(user))
    throw forbidden('Only coalition admins change the publication settings.');
  const problems = settingNames.flatMap((name) => {
    const value = change[name];
    const problem = value === undefined ? null : settingProblem(name, value);
    return problem ? [problem] : [];
  });
  if (problems.length > 0) throw new ApiError(400, 'setting-out-of-range', problems.join(' '));
  return db.transaction(() => {
    const settings = { ...publicationSettings(db), ...change };
    setPublicationSettingsSetting(db, JSON.stringify(settings));
    recordAudit(db, {
      userId: user.id,
      action: 'change-publication-settings',
      entityType: 'settings',
      details: settings,
      at,
    });
    return settings;
  })();
}

/**
 * Whether a period with `reported` of `expected` agencies approved is provisional: fewer than
 * `share` of them. (A hair of slack, so 0.7 × 10 agencies asks for 7, not 7.000000000000001.)
 */
export function isBelowShare(reported: number, expected: number, share: number): boolean {
  return reported < share * expected - 1e-9;
}

/** Stores publication settings without an admin or audit: for setting up a coalition and for tests. */
export function setPublicationSettings(db: Db, settings: Partial<PublicationSettings>): void {
  setPublicationSettingsSetting(db, JSON.stringify({ ...publicationSettings(db), ...settings }));
}
