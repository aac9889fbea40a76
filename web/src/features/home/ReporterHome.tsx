import { useQuery } from '@tanstack/react-query';
import { monthsOf } from '../../../../api/domain/periods';
import type { AgencyQuarter, Me } from '../../api/types';
import { LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { agencyTypeLabel } from '../../lib/agencyTypes';
import { describeDeadline, formatDate, formatDayOf } from '../../lib/dates';
import { useCoalitionTimeZone, useCoalitionToday } from '../auth/useCoalitionToday';
import { entryLabel, entryState, notOpenYetSentence } from '../dataEntry/entry';
import { ReportLink, reportLinkText } from '../dataEntry/ReportLink';
import { LateBadge, StatusBadge } from '../submissions/StatusBadge';
import { lateNote, newestFirst, nextStepFor, submittedOn } from '../submissions/status';
import { type Need, nextDueReport, overdueReports, reportNeedingReporter, returnedReports } from './needs';
import { agencySubmissionsQuery } from './queries';

/**
 * A reporter's home: the report that needs them now first (returned, then overdue, then due next),
 * any others waiting on them, then every quarter.
 */
export function ReporterHome({ me }: { me: Me }) {
  if (!me.agency) {
    return (
      <>
        <h1>Your agency's quarterly reports</h1>
        <p className="notice notice--info">
          Your account isn't linked to an agency yet, so there are no reports to show. Your coalition admin
          can link it to your agency.
        </p>
      </>
    );
  }
  return <AgencyReports agencyCode={me.agency.code} />;
}

function AgencyReports({ agencyCode }: { agencyCode: string }) {
  const query = useQuery(agencySubmissionsQuery(agencyCode));
  const today = useCoalitionToday();
  const timeZone = useCoalitionTimeZone();

  if (query.isPending) {
    return (
      <>
        <h1>Your agency's quarterly reports</h1>
        <Loading label="Loading your agency's reports…" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <h1>Your agency's quarterly reports</h1>
        <LoadError
          what="your agency's reports"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </>
    );
  }

  const { agency } = query.data;
  const quarters = newestFirst(query.data.quarters);
  const panels = reportsNeedingReporter(quarters, today);

  return (
    <>
      <h1>Your agency's quarterly reports</h1>
      <p className="lede">
        {agency.name}
        {agency.type ? <span className="muted"> · {agencyTypeLabel(agency.type)}</span> : null}
      </p>

      {panels.length === 0 ? (
        <p className="notice notice--info">
          Nothing needs you right now: every report due so far has been sent. The next quarter's report is
          listed below once the coalition sets it up.
        </p>
      ) : (
        panels.map((need) => (
          <QuarterPanel
            key={need.quarter.period}
            agencyCode={agency.code}
            need={need}
            today={today}
            timeZone={timeZone}
          />
        ))
      )}

      <section aria-labelledby="all-quarters-heading" className="section">
        <h2 id="all-quarters-heading">All quarters</h2>
        {quarters.length === 0 ? (
          <p>There are no quarters to show yet.</p>
        ) : (
          <QuartersTable agencyCode={agency.code} quarters={quarters} today={today} timeZone={timeZone} />
        )}
      </section>
    </>
  );
}

/**
 * The reports to put in front of the reporter, the one that needs them now first (see
 * `reportNeedingReporter`), then any other returned or overdue ones, then the one due next.
 */
function reportsNeedingReporter(quarters: AgencyQuarter[], today: string): Need<AgencyQuarter>[] {
  const first = reportNeedingReporter(quarters, today);
  const next = nextDueReport(quarters, today);
  const all: Need<AgencyQuarter>[] = [
    ...(first ? [first] : []),
    ...returnedReports(quarters).map((quarter) => ({ quarter, reason: 'returned' as const })),
    ...overdueReports(quarters, today).map((quarter) => ({ quarter, reason: 'overdue' as const })),
    ...(next ? [{ quarter: next, reason: 'due' as const }] : []),
  ];
  return all.filter((need, i) => all.findIndex((other) => other.quarter === need.quarter) === i);
}

function eyebrowFor(need: Need<AgencyQuarter>, today: string): string {
  if (need.reason === 'returned') return 'Returned for correction';
  if (need.reason === 'overdue') return 'Overdue';
  return entryLabel(need.quarter, today);
}

function QuarterPanel({
  agencyCode,
  need,
  today,
  timeZone,
}: {
  agencyCode: string;
  need: Need<AgencyQuarter>;
  today: string;
  /** The coalition's, on whose clock the submission time reads. */
  timeZone: string;
}) {
  const { quarter } = need;
  const deadline = describeDeadline(quarter.deadline, today);
  const late = lateNote(quarter);
  const submitted = submittedOn(quarter.submittedAt, timeZone);
  const notYet = entryState(quarter, today) === 'not-yet';
  const headingId = `quarter-${quarter.period}-heading`;
  const tone = need.reason === 'due' ? 'panel--featured' : 'panel--attention';
  return (
    <section className={`panel ${tone}`} aria-labelledby={headingId}>
      <p className="eyebrow">{eyebrowFor(need, today)}</p>
      <h2 id={headingId}>
        {quarter.period} <span className="heading-note">{monthsOf(quarter.period)}</span>
      </h2>
      <p className="deadline">
        <strong>{deadline.label}</strong>
        {deadline.relative ? <span className="muted"> ({deadline.relative})</span> : null}
      </p>
      <p className="status-line">
        <span className="status-line__label">Status:</span> <StatusBadge status={quarter.status} />
        {late ? <LateBadge note={late} /> : null}
      </p>
      {submitted ? <p className="muted">{submitted}</p> : null}
      {quarter.status === 'returned' && quarter.returnComment ? (
        <ReviewerComment comment={quarter.returnComment} />
      ) : null}
      <p className="next-step">
        <strong>Next step:</strong>{' '}
        {notYet
          ? `${notOpenYetSentence({ code: quarter.period, opensOn: quarter.opensOn, deadline: quarter.deadline })} You can look over the form in the meantime.`
          : nextStepFor(quarter, today)}
      </p>
      <p>
        <ReportLink agency={agencyCode} period={quarter.period} className="button">
          {reportLinkText(quarter.status, quarter.open, quarter.period)}
        </ReportLink>
      </p>
    </section>
  );
}

function ReviewerComment({ comment }: { comment: string }) {
  return (
    <div className="comment">
      <p className="comment__label">Reviewer's comment</p>
      <p className="comment__text">{comment}</p>
    </div>
  );
}

function QuartersTable({
  agencyCode,
  quarters,
  today,
  timeZone,
}: {
  agencyCode: string;
  quarters: AgencyQuarter[];
  today: string;
  timeZone: string;
}) {
  return (
    <TableScroll captionId="agency-quarters-caption">
      <table>
        <caption id="agency-quarters-caption">Your agency's reports by quarter, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Quarter</th>
            <th scope="col">Deadline</th>
            <th scope="col">Status</th>
            <th scope="col">Submitted</th>
          </tr>
        </thead>
        <tbody>
          {quarters.map((quarter) => {
            const late = lateNote(quarter);
            const deadline = describeDeadline(quarter.deadline, today);
            return (
              <tr key={quarter.period} className={quarter.open ? 'row--current' : undefined}>
                <th scope="row">
                  <ReportLink agency={agencyCode} period={quarter.period}>
                    {quarter.period}
                  </ReportLink>
                  <span className="cell-note">{monthsOf(quarter.period)}</span>
                  {entryState(quarter, today) === 'closed' ? null : (
                    <span className="cell-note">{entryLabel(quarter, today)}</span>
                  )}
                </th>
                <td className="date">
                  {formatDate(quarter.deadline)}
                  {quarter.open && deadline.relative ? (
                    <span className="cell-note">{deadline.relative}</span>
                  ) : null}
                </td>
                <td>
                  <span className="badges">
                    <StatusBadge status={quarter.status} />
                    {late ? <LateBadge note={late} /> : null}
                  </span>
                  {quarter.status === 'returned' && quarter.returnComment ? (
                    <span className="cell-note">Reviewer's comment: {quarter.returnComment}</span>
                  ) : null}
                </td>
                <td className="date">
                  {quarter.submittedAt ? (
                    formatDayOf(quarter.submittedAt, timeZone)
                  ) : (
                    <span className="muted">Not yet</span>
                  )}
                  {quarter.revision > 1 ? (
                    <span className="cell-note">Revision {quarter.revision}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
