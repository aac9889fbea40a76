/** The top of a report: whose it is, which quarter, when it is due, and where it stands. */
import type { ReactNode } from 'react';
import { Link, useInRouterContext } from 'react-router';
import { monthsOf } from '../../../../api/domain/periods';
import { agencyTypeLabel } from '../../lib/agencyTypes';
import { describeDeadline, formatDayOf } from '../../lib/dates';
import { LateBadge, StatusBadge } from '../submissions/StatusBadge';
import { lateNote } from '../submissions/status';
import type { SubmissionDetail } from '../submissions/types';
import { entryLabel } from './entry';

export function ReportHeader({
  detail,
  today,
  timeZone,
  historyHref,
}: {
  detail: SubmissionDetail;
  today: string;
  /** The coalition's, on whose clock the submission time reads. */
  timeZone: string;
  historyHref: string | null;
}) {
  const { agency, period } = detail;
  const deadline = describeDeadline(period.deadline, today);
  const late = lateNote(detail);
  const notSubmitted = detail.status === 'not_started' || detail.status === 'draft';
  return (
    <header className="report-header">
      <p className="eyebrow">
        {agency.name} · {agencyTypeLabel(agency.type)}
      </p>
      <h1>
        {period.code} report <span className="heading-note">{monthsOf(period.code)}</span>
      </h1>
      <p className="deadline">
        <strong>{deadline.label}</strong>
        {deadline.relative && notSubmitted && period.open ? (
          <span className="muted"> ({deadline.relative})</span>
        ) : null}
        {deadline.passed && notSubmitted ? (
          <span className="muted"> · A late report still counts; please submit it as soon as you can.</span>
        ) : null}
      </p>
      <p className="status-line">
        <span className="status-line__label">Status:</span> <StatusBadge status={detail.status} />
        {late ? <LateBadge note={late} /> : null}
        {!period.open ? (
          <span className="status status--not-started">{entryLabel(period, today)}</span>
        ) : null}
      </p>
      {detail.revision > 0 && detail.submittedAt ? (
        <p className="muted">
          Revision {detail.revision}, submitted {formatDayOf(detail.submittedAt, timeZone)}.
          {historyHref ? (
            <>
              {' '}
              <HistoryLink href={historyHref} />
            </>
          ) : null}
        </p>
      ) : null}
    </header>
  );
}

function HistoryLink({ href }: { href: string }) {
  const inRouter = useInRouterContext();
  const text = 'See every version and what changed';
  return inRouter ? <Link to={href}>{text}</Link> : <a href={href}>{text}</a>;
}

/** The reviewer's comment on a returned report, shown before anything else on the form, with the reply box. */
export function ReturnComment({ comment, children }: { comment: string; children?: ReactNode }) {
  return (
    <section className="panel panel--attention" aria-labelledby="return-heading">
      <h2 id="return-heading">The coalition returned this report for correction</h2>
      <div className="comment">
        <p className="comment__label">Reviewer's comment</p>
        <p className="comment__text">{comment}</p>
      </div>
      {children}
      <p>
        Correct the counts below, then submit the report again. Your earlier version is kept in the history.
      </p>
    </section>
  );
}
