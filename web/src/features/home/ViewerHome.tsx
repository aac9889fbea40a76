import { useQuery } from '@tanstack/react-query';
import { monthsOf } from '../../../../api/domain/periods';
import { LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { formatDate } from '../../lib/dates';
import { newestFirst } from '../submissions/status';
import { approvedPhrase, latestPeriodWithData } from './periods';
import { periodsQuery } from './queries';

const heading = 'Which quarters have data';

/** A read-only viewer's home: which quarters have approved reports, and which are still open. */
export function ViewerHome() {
  const query = useQuery(periodsQuery());

  if (query.isPending) {
    return (
      <>
        <h1>{heading}</h1>
        <Loading label="Loading the reporting quarters…" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <h1>{heading}</h1>
        <LoadError
          what="the reporting quarters"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </>
    );
  }

  const periods = newestFirst(query.data.periods);
  const latest = latestPeriodWithData(periods);

  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">
        Member agencies report aggregate, de-identified counts each quarter. A quarter's figures come only
        from reports the coalition has reviewed and approved, so a quarter with few approved reports gives a
        partial picture.
      </p>

      <p className="panel">
        {latest ? (
          <>
            The most recent quarter with approved reports is <strong>{latest.period}</strong> (
            {monthsOf(latest.period)}): {approvedPhrase(latest.approved, latest.expected)}.
          </>
        ) : (
          'No quarter has approved reports yet.'
        )}
      </p>

      <section aria-labelledby="quarters-heading" className="section">
        <h2 id="quarters-heading">Reporting quarters</h2>
        {periods.length === 0 ? (
          <p>There are no reporting quarters yet.</p>
        ) : (
          <TableScroll captionId="periods-caption">
            <table>
              <caption id="periods-caption">Reporting quarters, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Quarter</th>
                  <th scope="col">Reports approved</th>
                  <th scope="col">Open for entry</th>
                  <th scope="col">Deadline</th>
                </tr>
              </thead>
              <tbody>
                {periods.map((period) => (
                  <tr key={period.period}>
                    <th scope="row">
                      {period.period}
                      <span className="cell-note">{monthsOf(period.period)}</span>
                    </th>
                    <td>{approvedPhrase(period.approved, period.expected)}</td>
                    <td>{period.open ? 'Yes' : 'No'}</td>
                    <td className="date">{formatDate(period.deadline)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
