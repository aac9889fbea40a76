import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { QuarterCompleteness } from '../../api/types';
import { LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { describeDeadline, formatDate } from '../../lib/dates';
import { useCoalitionToday } from '../auth/useCoalitionToday';
import { agenciesInStatePath } from '../completeness/filters';
import { entryLabel, entryState } from '../dataEntry/entry';
import { newestFirst } from '../submissions/status';
import {
  chaseBreakdown,
  chaseSentence,
  followUps,
  highlightedQuarter,
  openQuarterProgress,
  reviewQueuePath,
} from './completeness';
import { completenessSummaryQuery } from './queries';

/** How many recent quarters the admin home summarises; the API's default window. */
export const adminQuarterCount = 4;

const heading = 'Quarterly reporting across the coalition';

/** An admin's home: who still needs chasing for the quarter that matters most, then recent quarters. */
export function AdminHome() {
  const query = useQuery(completenessSummaryQuery(adminQuarterCount));
  const today = useCoalitionToday();

  if (query.isPending) {
    return (
      <>
        <h1>{heading}</h1>
        <Loading label="Loading where each agency's report stands…" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <h1>{heading}</h1>
        <LoadError
          what="the reporting summary"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </>
    );
  }

  const quarters = newestFirst(query.data.quarters);
  const highlight = highlightedQuarter(quarters);
  const open = quarters.find((q) => q.open);

  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">Where each member agency's report stands for the most recent quarters.</p>

      {highlight ? <ChasePanel quarter={highlight} today={today} /> : null}
      {open && open !== highlight ? <p className="panel">{openQuarterProgress(open)}</p> : null}

      <section aria-labelledby="recent-quarters-heading" className="section">
        <h2 id="recent-quarters-heading">Recent quarters</h2>
        {quarters.length === 0 ? (
          <p>There are no quarters to summarise yet.</p>
        ) : (
          <CompletenessTable quarters={quarters} highlighted={highlight} today={today} />
        )}
      </section>
    </>
  );
}

function ChasePanel({ quarter, today }: { quarter: QuarterCompleteness; today: string }) {
  const deadline = describeDeadline(quarter.deadline, today);
  const breakdown = chaseBreakdown(quarter);
  const notes = followUps(quarter);
  return (
    <section className="panel panel--featured" aria-labelledby="chase-heading">
      <p className="eyebrow">
        {quarter.period} · {entryLabel(quarter, today)} · {deadline.label}
      </p>
      <h2 id="chase-heading">{chaseSentence(quarter)}</h2>
      {breakdown ? <p>{breakdown}</p> : null}
      {notes.length > 0 ? (
        <ul className="plain-list">
          {notes.map((note) => (
            <li key={note.text}>{note.to ? <Link to={note.to}>{note.text}</Link> : note.text}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * A count that opens the page listing exactly what it counts; its name says what, since the column
 * heading is far away on a phone ("2 not started in 2026Q3"). Nothing to list, no link.
 */
function CountLink({ count, to, words }: { count: number; to: string; words: string }) {
  if (count <= 0) return <>{count}</>;
  return (
    <Link to={to} aria-label={`${count} ${words}`}>
      {count}
    </Link>
  );
}

/** Words beside a quarter in the table; a quarter can be open for late entry after its deadline. */
function quarterNotes(quarter: QuarterCompleteness, today: string): string[] {
  const notes: string[] = [];
  if (entryState(quarter, today) !== 'closed') notes.push(entryLabel(quarter, today));
  if (quarter.pastDeadline) notes.push('Deadline passed');
  return notes;
}

function CompletenessTable({
  quarters,
  highlighted,
  today,
}: {
  quarters: QuarterCompleteness[];
  highlighted: QuarterCompleteness | undefined;
  today: string;
}) {
  return (
    <TableScroll captionId="completeness-caption">
      <table className="numeric-table">
        <caption id="completeness-caption">
          Agencies' reports by quarter, out of the number of agencies expected to report
        </caption>
        <thead>
          <tr>
            <th scope="col">Quarter</th>
            <th scope="col">Deadline</th>
            <th scope="col" className="num">
              Expected
            </th>
            <th scope="col" className="num">
              Approved
            </th>
            <th scope="col" className="num">
              Submitted, awaiting review
            </th>
            <th scope="col" className="num">
              Returned for correction
            </th>
            <th scope="col" className="num">
              Draft
            </th>
            <th scope="col" className="num">
              Not started
            </th>
            <th scope="col" className="num">
              Submitted late
            </th>
          </tr>
        </thead>
        <tbody>
          {quarters.map((quarter) => {
            return (
              <tr key={quarter.period} className={quarter === highlighted ? 'row--current' : undefined}>
                <th scope="row">
                  {quarter.period}
                  {quarterNotes(quarter, today).map((note) => (
                    <span key={note} className="cell-note">
                      {note}
                    </span>
                  ))}
                </th>
                <td className="date">{formatDate(quarter.deadline)}</td>
                <td className="num">{quarter.expected}</td>
                <td className="num">
                  <CountLink
                    count={quarter.approved}
                    to={agenciesInStatePath(quarter.period, 'approved')}
                    words={`approved in ${quarter.period}`}
                  />
                </td>
                <td className="num">
                  <CountLink
                    count={quarter.submitted}
                    to={reviewQueuePath(quarter.period)}
                    words={`submitted in ${quarter.period}, awaiting review`}
                  />
                </td>
                <td className="num">
                  <CountLink
                    count={quarter.returned}
                    to={agenciesInStatePath(quarter.period, 'returned')}
                    words={`returned for correction in ${quarter.period}`}
                  />
                </td>
                <td className="num">
                  <CountLink
                    count={quarter.draft}
                    to={agenciesInStatePath(quarter.period, 'draft')}
                    words={`with a draft in ${quarter.period}`}
                  />
                </td>
                <td className="num">
                  <CountLink
                    count={quarter.notStarted}
                    to={agenciesInStatePath(quarter.period, 'not_started')}
                    words={`not started in ${quarter.period}`}
                  />
                </td>
                <td className="num">{quarter.late}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
