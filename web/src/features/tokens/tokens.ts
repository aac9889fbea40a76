/** Plain-language helpers for the API access page: token names, states, order and example commands. */
import { todayIn } from '../../../../api/domain/clock';
import { daysBetween, formatDayOf } from '../../lib/dates';
import type { ApiToken } from './types';

/** The longest token name accepted; names are labels for people, not descriptions. */
export const maxTokenNameLength = 80;

/** Why a token name can't be used, or null when it's fine. */
export function tokenNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') {
    return 'Give the token a name that says where it is used, for example “Case management export”.';
  }
  if (trimmed.length > maxTokenNameLength) {
    return `Keep the name to ${maxTokenNameLength} characters or fewer (it has ${trimmed.length}).`;
  }
  return null;
}

/** Active tokens first, then revoked ones; newest first within each. */
export function sortTokens(tokens: readonly ApiToken[]): ApiToken[] {
  return [...tokens].sort((a, b) => {
    const revoked = Number(a.revokedAt !== null) - Number(b.revokedAt !== null);
    if (revoked !== 0) return revoked;
    return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
  });
}

/** The lifetimes a new token may have, in days, the longest (and the default) last. */
export const tokenLifetimes = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
] as const;

export type TokenLifetimeDays = (typeof tokenLifetimes)[number]['days'];

/** A token past its end stops working even if nobody revoked it. */
export function isExpired(token: Pick<ApiToken, 'expiresAt'>, now: Date): boolean {
  return Date.parse(token.expiresAt) <= now.getTime();
}

/** "Active", "Expired", or "Revoked May 3, 2026". */
export function tokenState(
  token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>,
  now: Date,
  timeZone: string,
): string {
  if (token.revokedAt !== null) return `Revoked ${formatDayOf(token.revokedAt, timeZone)}`;
  return isExpired(token, now) ? 'Expired' : 'Active';
}

/**
 * When a token stops working, counted in the coalition's calendar days: "January 10, 2028 (in 365
 * days)", "… (tomorrow)", "… (today)", or "Expired January 10, 2027".
 */
export function tokenExpiry(token: Pick<ApiToken, 'expiresAt'>, now: Date, timeZone: string): string {
  const date = formatDayOf(token.expiresAt, timeZone);
  if (isExpired(token, now)) return `Expired ${date}`;
  const days = daysBetween(todayIn(timeZone, now), todayIn(timeZone, new Date(token.expiresAt))) ?? 0;
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return `${date} (${when})`;
}

/** "Never used", or the date it was last used. */
export function lastUsed(token: Pick<ApiToken, 'lastUsedAt'>, timeZone: string): string {
  return token.lastUsedAt === null ? 'Never used' : formatDayOf(token.lastUsedAt, timeZone);
}

/** "November 28, 2026 by Dana Whitfield", or just the date when who is unknown. */
export function createdBy(token: Pick<ApiToken, 'createdAt' | 'createdBy'>, timeZone: string): string {
  const date = formatDayOf(token.createdAt, timeZone);
  return token.createdBy ? `${date} by ${token.createdBy}` : date;
}

/** One example of calling the API with a token. */
export type ApiExample = { id: string; title: string; description: string; command: string };

/**
 * Example curl commands for this agency and quarter. The token is always the placeholder
 * `<token>`: a real secret pasted into an example is a secret left lying around.
 */
export function apiExamples({
  origin,
  agencyCode,
  periodCode,
}: {
  origin: string;
  agencyCode: string;
  periodCode: string;
}): ApiExample[] {
  const base = `${origin}/api/submissions/${encodeURIComponent(agencyCode)}/${encodeURIComponent(periodCode)}`;
  const auth = '-H "Authorization: Bearer <token>"';
  return [
    {
      id: 'status',
      title: "See where this quarter's report stands",
      description: 'Answers with the status, the deadline and the counts entered so far.',
      command: `curl ${auth} \\\n  ${base}`,
    },
    {
      id: 'values',
      title: 'Send counts',
      description:
        'Saves counts into the draft, by cell (here, the total of survivors served). Cells you leave out are not changed.',
      command: [
        'curl -X PUT',
        `  ${auth}`,
        '  -H "Content-Type: application/json"',
        `  -d '{"values": {"survivors_served": 12}}'`,
        `  ${base}/values`,
      ].join(' \\\n'),
    },
    {
      id: 'upload',
      title: 'Check a CSV export before sending it',
      description:
        'Uploads the CSV from your case-management system as a dry run: Scope lists what would change and anything that needs fixing, and saves nothing. Use dryRun=false to save.',
      command: [
        'curl -X POST',
        `  ${auth}`,
        '  -H "Content-Type: text/csv"',
        '  --data-binary @counts.csv',
        `  "${base}/upload?dryRun=true"`,
      ].join(' \\\n'),
    },
  ];
}
