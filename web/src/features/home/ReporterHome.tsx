import { useQuery } from '@tanstack/react-query';
import type { AgencyQuarter, Me } from '../../api/types';
import { LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { agencyTypeLabel } from '../../lib/agencyTypes';
import { coalitionToday, describeDeadline, describeSpan, formatDate } from '../../lib/dates';
import { ReportLink, reportLinkText } from '../dataEntry/ReportLink';
import { LateBadge, StatusBadge } from '../submissions/StatusBadge';
import { lateNote, newestFirst, nextStepFor, openQuarter, submittedOn } from '../submissions/status';
import { agencySubmissionsQuery } from './queries';

/** A reporter's home: their agency's open quarter first, anything returned, then every quarter. */
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
  return <AgencyReports agencyCode={me.agency.code} timeZone={me.timeZone} />;
}

function AgencyReports({ agencyCode, timeZone }: { agencyCode: string; timeZone: string }) {
  const query = useQuery(agencySubmissionsQuery(agencyCode));
  const today = coalitionToday(timeZone);

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
  const current = openQuarter(quarters);
  const returned = quarters.filter((q) => q.status === 'returned' && q !== current);

  return (
    <>
      <h1>Your agency's quarterly reports</h1>
      <p className="lede">
        {agency.name}
        {agency.type ? <span className="muted"> · {agencyTypeLabel(agency.type)}</span> : null}
      </p>

      {current ? (
        <OpenQuarterPanel agencyCode={agency.code} quarter={current} today={today} />
      ) : (
        <p className="notice notice--info">
          No quarter is open for entry right now. The next one opens when the current quarter ends.
        </p>
      )}

      {returned.map((quarter) => (
        <ReturnedPanel key={quarter.period} agencyCode={agency.code} quarter={quarter} today={today} />
      ))}

      <section aria-labelledby="all-quarters-heading" className="section">
        <h2 id="all-quarters-heading">All quarters</h2>
        {quarters.length === 0 ? (
          <p>There are no quarters to show yet.</p>
        ) : (
          <QuartersTable agencyCode={agency.code} quarters={quarters} today={today} />
        )}
      </section>
    </>
  );
}

function OpenQuarterPanel({
  agencyCode,
  quarter,
  today,
}: {
  agencyCode: string;
  quarter: AgencyQuarter;
  today: string;
}) {
  const deadline = describeDeadline(quarter.deadline, today);
  const late = lateNote(quarter);
  const submitted = submittedOn(quarter.submittedAt);
  return (
    <section className="panel panel--featured" aria-labelledby="open-quarter-heading">
      <p className="eyebrow">Open for entry</p>
      <h2 id="open-quarter-heading">
        {quarter.period}{' '}
        <span className="heading-note">{describeSpan(quarter.startDate, quarter.endDate)}</span>
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
        <strong>Next step:</strong> {nextStepFor(quarter, today)}
      </p>
      <p>
        <ReportLink agency={agencyCode} period={quarter.period} className="button">
          {reportLinkText(quarter.status, quarter.open, quarter.period)}
        </ReportLink>
      </p>
    </section>
  );
}

function ReturnedPanel({
  agencyCode,
  quarter,
  today,
}: {
  agencyCode: string;
  quarter: AgencyQuarter;
  today: string;
}) {
  const headingId = `returned-${quarter.period}-heading`;
  return (
    <section className="panel panel--attention" aria-labelledby={headingId}>
      <p className="eyebrow">Returned for correction</p>
      <h2 id={headingId}>
        {quarter.period}{' '}
        <span className="heading-note">{describeSpan(quarter.startDate, quarter.endDate)}</span>
      </h2>
      {quarter.returnComment ? <ReviewerComment comment={quarter.returnComment} /> : null}
      <p className="next-step">
        <strong>Next step:</strong> {nextStepFor(quarter, today)}
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
}: {
  agencyCode: string;
  quarters: AgencyQuarter[];
  today: string;
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
                  <span className="cell-note">{describeSpan(quarter.startDate, quarter.endDate)}</span>
                  {quarter.open ? <span className="cell-note">Open for entry</span> : null}
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
                    formatDate(quarter.submittedAt)
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
