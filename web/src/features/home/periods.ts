/** Shapes reporting periods for a read-only viewer: which quarters have approved data. */
import type { ReportingPeriod } from '../../api/types';
import { newestFirst } from '../submissions/status';

/** "10 of 12 agencies' reports approved"; "1 of 1 agency's report approved". */
export function approvedPhrase(approved: number, expected: number): string {
  if (expected <= 0) return 'No agencies expected to report';
  const owners = expected === 1 ? "agency's report" : "agencies' reports";
  return `${Math.max(0, approved)} of ${expected} ${owners} approved`;
}

/** The newest period with at least one approved report, which is where a viewer's figures start. */
export function latestPeriodWithData(periods: readonly ReportingPeriod[]): ReportingPeriod | undefined {
  return newestFirst(periods).find((period) => period.approved > 0);
}
