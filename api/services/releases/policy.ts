/**
 * What a release publishes and how strictly: its audiences and the cube each sees, the disclosure
 * thresholds in force (and an admin's change to them), and the periods a quarter's release owns.
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
  getSetting,
  listExistingPeriods,
  putSetting,
  setDisclosurePolicySetting,
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

export type PublicationSettings = { countyBreakdownAgencies: number };

/** The coalition's publication settings: the stored ones over the defaults. */
export function publicationSettings(db: Db): PublicationSettings {
  const stored = getSetting(db, publicationSettingsKey);
  const parsed = stored === undefined ? {} : (JSON.parse(stored) as Partial<PublicationSettings>);
  return { countyBreakdownAgencies: parsed.countyBreakdownAgencies ?? defaultCountyBreakdownAgencies };
}

const publicationSettingsKey = 'publication_settings';

/** Stores publication settings as they are (callers check them): for set-up and tests. */
export function setPublicationSettings(db: Db, settings: Partial<PublicationSettings>): void {
  putSetting(db, publicationSettingsKey, JSON.stringify({ ...publicationSettings(db), ...settings }));
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
