/**
 * Before publishing: what a release of a quarter would cover — who has been approved, who is missing,
 * which periods it would publish — and what an admin should know first. No HTTP here.
 */
import type { Db } from '../../db';
import { type Clock, formatCalendarDate, todayOf } from '../../domain/clock';
import { entryWindow, hasNotEnded } from '../../domain/entry';
import { forbidden } from '../../errors';
import { canPublishRelease } from '../../permissions';
import { getComputingRelease, listPublishedReleasesOfPeriod } from '../../queries/releases';
import { listPeriodSubmissions } from '../../queries/submissions';
import type { User } from '../../queries/users';
import { currentCatalog } from '../catalog';
import { plural } from './describe';
import { periodsOfRelease, publicationSettings } from './policy';
import { provisionalSentence, releaseCompleteness, requireReportingPeriod } from './publish';

/** What publishing a quarter would cover: who has been approved, who is missing, and what to watch for. */
export function previewRelease(db: Db, user: User, periodCode: string, clock: Clock) {
  if (!canPublishRelease(user)) throw forbidden('Only coalition admins publish releases.');
  const period = requireReportingPeriod(db, periodCode);
  const submissions = listPeriodSubmissions(db, period.id, null);
  const count = (status: string) => submissions.filter((s) => s.status === status).length;
  const approved = submissions.filter((s) => s.status === 'approved');
  const missing = submissions.filter((s) => s.status !== 'approved');
  const previous = listPublishedReleasesOfPeriod(db, period.id);
  const { periods, leftOut } = periodsOfRelease(db, period.code);
  const today = todayOf(clock);
  const entry = entryWindow(period, today);
  const { provisionalShare } = publicationSettings(db);
  const provisional =
    approved.length === 0
      ? []
      : releaseCompleteness(db, currentCatalog(db), periods, provisionalShare).filter((p) => p.provisional);
  const warnings: string[] = [];
  if (approved.length === 0)
    warnings.push('No agency has an approved report for this quarter: there is nothing to publish.');
  else if (missing.length > 0)
    warnings.push(
      `${plural(missing.length, 'agency has', 'agencies have')} no approved report: their numbers will be missing.`,
    );
  if (provisional.length > 0)
    warnings.push(
      `${provisionalSentence(provisional, provisionalShare)} Provisional figures are marked as such wherever they appear; dashboards open on the newest period that is not provisional and show no change against it. You will be asked to confirm.`,
    );
  // A quarter opened early can hold approved reports of part of a quarter: say so whatever its entry state.
  if (hasNotEnded(period, today))
    warnings.push(
      `${period.code} has not ended yet (it ends on ${formatCalendarDate(period.endDate)}): its reports cover only part of the quarter.`,
    );
  if (entry.open) warnings.push(`${period.code} is still open for entry, so reports may still change.`);
  if (today <= period.deadline)
    warnings.push(`The deadline (${formatCalendarDate(period.deadline)}) has not passed yet.`);
  for (const aggregate of leftOut)
    warnings.push(`${aggregate} will not be published: not all of its quarters are reporting periods.`);
  if (previous.length > 0)
    warnings.push(
      `This corrects release ${previous[0]?.sequence} of ${period.code}: cells hidden there stay hidden, and it replaces that release once published.`,
    );
  const computing = getComputingRelease(db);
  if (computing)
    warnings.push(
      `Release ${computing.sequence} of ${computing.period} is being computed; wait for it to finish.`,
    );
  return {
    period: period.code,
    deadline: period.deadline,
    ...entry,
    expected: submissions.length,
    approved: approved.length,
    awaitingReview: count('submitted'),
    returned: count('returned'),
    draft: count('draft'),
    notStarted: count('not_started'),
    approvedAgencies: approved.map((s) => ({ code: s.agency.code, name: s.agency.name })),
    missingAgencies: missing.map((s) => ({ code: s.agency.code, name: s.agency.name, status: s.status })),
    previousReleases: previous.map((r) => r.id),
    periods,
    provisionalShare,
    provisionalPeriods: provisional,
    warnings,
  };
}
