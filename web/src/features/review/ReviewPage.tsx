import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { monthsOf } from '../../../../api/domain/periods';
import type { PeriodsResponse } from '../../api/types';
import { QuarterPicker } from '../../components/QuarterPicker';
import { LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../components/usePageTitle';
import { agencyTypeLabel } from '../../lib/agencyTypes';
import { describeDeadline, formatDayOf } from '../../lib/dates';
import { useCoalitionTimeZone, useCoalitionToday } from '../auth/useCoalitionToday';
import { entryLabel } from '../dataEntry/entry';
import { adminQuarterCount } from '../home/AdminHome';
import { completenessSummaryQuery, periodsQuery } from '../home/queries';
import { LateBadge, StatusBadge } from '../submissions/StatusBadge';
import { reviewQueueQuery } from './queries';
import {
  countQueue,
  defaultReviewPeriod,
  isPeriodCode,
  pickerPeriods,
  queueFigures,
  queueHeadline,
  sortForReview,
  timelinessNote,
} from './queue';
import type { QueueEntry, ReviewQueueResponse } from './types';
import './review.css';

const heading = 'Review quarterly reports';

/**
 * `/review?period=2026Q3`: one quarter's reports from every agency, those awaiting review first,
 * each linking to the report where the admin approves, returns or reopens it.
 */
export function ReviewPage() {
  usePageTitle(heading);
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('period');
  const today = useCoalitionToday();
  const periods = useQuery(periodsQuery());
  // Only needed to choose a default quarter; shared with the admin home, so usually already cached.
  const summary = useQuery({
    ...completenessSummaryQuery(adminQuarterCount),
    enabled: !isPeriodCode(requested),
  });

  let period: string | undefined;
  if (isPeriodCode(requested)) {
    period = requested;
  } else if (periods.data && !summary.isPending) {
    const awaiting = new Map((summary.data?.quarters ?? []).map((q) => [q.period, q.submitted]));
    period = defaultReviewPeriod(periods.data.periods, awaiting, today);
  }

  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">
        Open a report to approve it, or to return it with a comment the agency will see. Reports waiting for
        review come first.
      </p>
      {periods.isError ? (
        <LoadError
          what="the list of quarters"
          error={periods.error}
          onRetry={() => void periods.refetch()}
          retrying={periods.isFetching}
        />
      ) : periods.data ? (
        <PeriodPicker
          key={period}
          periods={periods.data.periods}
          current={period}
          onChoose={(code) => setSearchParams({ period: code })}
        />
      ) : null}
      {period ? (
        <ReviewQueue period={period} />
      ) : periods.isPending || summary.isPending ? (
        <Loading label="Finding the quarter to review…" />
      ) : periods.data ? (
        <p className="notice notice--info">
          There are no reporting quarters yet, so there is nothing to review.
        </p>
      ) : null}
    </>
  );
}

function PeriodPicker({
  periods,
  current,
  onChoose,
}: {
  periods: PeriodsResponse['periods'];
  current: string | undefined;
  onChoose: (period: string) => void;
}) {
  const byCode = new Map(periods.map((p) => [p.period, p]));
  const options = pickerPeriods(periods, current).map((code) => {
    const period = byCode.get(code);
    const span = period ? monthsOf(code) : '';
    return { value: code, label: `${code}${span ? ` · ${span}` : ''}${period?.open ? ' · open' : ''}` };
  });
  return (
    <QuarterPicker
      id="review-period"
      label="Choose a quarter"
      options={options}
      current={current}
      onChoose={onChoose}
    >
      <Link to="/completeness">Completeness across quarters</Link>
    </QuarterPicker>
  );
}

function ReviewQueue({ period }: { period: string }) {
  const today = useCoalitionToday();
  const timeZone = useCoalitionTimeZone();
  const query = useQuery({ ...reviewQueueQuery(period), placeholderData: keepPreviousData });
  if (query.isPending) return <Loading label={`Loading the reports for ${period}…`} />;
  if (query.isError) {
    return (
      <LoadError
        what={`the reports for ${period}`}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return (
    <ReviewQueueView data={query.data} updating={query.isPlaceholderData} today={today} timeZone={timeZone} />
  );
}

/** The summary and table for one answer from the API; exported for tests. */
export function ReviewQueueView({
  data,
  updating,
  today,
  timeZone,
}: {
  data: ReviewQueueResponse;
  updating: boolean;
  today: string;
  /** The coalition's, on whose clock submission and save times read. */
  timeZone: string;
}) {
  const { period } = data;
  const entries = sortForReview(data.submissions);
  const counts = countQueue(entries);
  const deadline = describeDeadline(period.deadline, today);
  return (
    <>
      <p role="status" className="visually-hidden">
        {updating ? 'Updating…' : `Showing ${period.code}.`}
      </p>
      <section className="panel panel--featured" aria-labelledby="queue-heading">
        <p className="eyebrow">
          {period.code} · {entryLabel(period, today)} · {deadline.label}
          {deadline.relative ? ` (${deadline.relative})` : ''}
        </p>
        <h2 id="queue-heading">{queueHeadline(counts, period.code)}</h2>
        <p className="queue-figures__total">
          Of {counts.total} {counts.total === 1 ? 'agency' : 'agencies'}:
        </p>
        <ul className="queue-figures" aria-label={`${period.code} in figures`}>
          {queueFigures(counts).map((figure) => (
            <li key={figure.label}>
              <span className="queue-figures__count">{figure.count}</span> {figure.label}
            </li>
          ))}
        </ul>
      </section>
      {entries.length > 0 ? (
        <QueueTable
          entries={entries}
          periodCode={period.code}
          pastDeadline={deadline.passed}
          timeZone={timeZone}
        />
      ) : null}
    </>
  );
}

function QueueTable({
  entries,
  periodCode,
  pastDeadline,
  timeZone,
}: {
  entries: QueueEntry[];
  periodCode: string;
  pastDeadline: boolean;
  timeZone: string;
}) {
  return (
    <TableScroll captionId="queue-caption">
      <table className="queue-table">
        <caption id="queue-caption">
          Each agency's report for {periodCode}, those awaiting review first
        </caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Status</th>
            <th scope="col">Submitted</th>
            <th scope="col" className="num">
              Revision
            </th>
            <th scope="col">Report</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const late = timelinessNote(entry, pastDeadline);
            const waiting = entry.status === 'submitted';
            return (
              <tr key={entry.agency.code} className={waiting ? 'row--current' : undefined}>
                <th scope="row">
                  {entry.agency.name}
                  <span className="cell-note">{agencyTypeLabel(entry.agency.type)}</span>
                </th>
                <td>
                  <span className="badges">
                    <StatusBadge status={entry.status} />
                    {late ? <LateBadge note={late} /> : null}
                  </span>
                </td>
                <td className="date">
                  {entry.submittedAt ? (
                    formatDayOf(entry.submittedAt, timeZone)
                  ) : (
                    <span className="muted">Not yet</span>
                  )}
                  {entry.status === 'draft' && entry.updatedAt ? (
                    <span className="cell-note">Draft saved {formatDayOf(entry.updatedAt, timeZone)}</span>
                  ) : null}
                </td>
                <td className="num">
                  {entry.revision > 0 ? (
                    entry.revision
                  ) : (
                    <>
                      <span aria-hidden="true" className="muted">
                        —
                      </span>
                      <span className="visually-hidden">None yet</span>
                    </>
                  )}
                </td>
                <td>
                  <Link
                    to={`/report/${encodeURIComponent(entry.agency.code)}/${encodeURIComponent(periodCode)}`}
                    className={waiting ? 'button button--small' : undefined}
                  >
                    {waiting ? 'Review' : 'Open'}
                    <span className="visually-hidden">
                      {' '}
                      the report from {entry.agency.name} for {periodCode}
                    </span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
