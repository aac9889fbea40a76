/**
 * What a release publishes and how strictly: its audiences and the cube each sees, the disclosure
 * thresholds in force (and an admin's change to them), and the periods a quarter's release owns.
 * No HTTP here.
 */
import type { Db } from '../../db';
import { type CubeScope, releaseAggregates } from '../../disclosure/cube';
import { type Audience, defaultThresholds, minimumThresholds } from '../../disclosure/types';
import { quartersOf } from '../../domain/periods';
import { ApiError, forbidden } from '../../errors';
import { canChangeDisclosurePolicy } from '../../permissions';
import { recordAudit } from '../../queries/audit';
import {
  getDisclosurePolicySetting,
  listExistingPeriods,
  setDisclosurePolicySetting,
} from '../../queries/releases';
import type { User } from '../../queries/users';

export const audiences: readonly Audience[] = ['coalition', 'public'];
/** The cube each audience is protected over: the public sees coalition-wide totals and one-way tables only. */
export const audienceScope: Readonly<Record<Audience, CubeScope>> = { coalition: 'full', public: 'coarse' };

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
 * The periods a release of this quarter publishes: the quarter, and its year (after Q4) or federal
 * fiscal year (after Q3) when every quarter of it is a reporting period.
 */
export function periodsOfRelease(db: Db, quarter: string): { periods: string[]; leftOut: string[] } {
  const aggregates = releaseAggregates(quarter);
  const needed = aggregates.flatMap((a) => quartersOf(a).map((q) => q.code));
  const existing = listExistingPeriods(db, needed);
  const included = aggregates.filter((a) => quartersOf(a).every((q) => existing.has(q.code)));
  return { periods: [quarter, ...included], leftOut: aggregates.filter((a) => !included.includes(a)) };
}
