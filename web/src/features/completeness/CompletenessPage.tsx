import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FilterSelect } from '../../components/FilterSelect';
import { LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../components/usePageTitle';
import { agencyTypeLabel } from '../../lib/agencyTypes';
import { describeDeadline, formatShortDate } from '../../lib/dates';
import { useCoalitionToday } from '../auth/useCoalitionToday';
import { StatusBadge } from '../submissions/StatusBadge';
import { EarlyEntrySection } from './EarlyEntry';
import {
  agencyTypeOptions,
  type CompletenessFilters,
  completenessSearch,
  defaultQuarterCount,
  describeFilters,
  filterByStatus,
  parseCompletenessFilters,
  quarterChoices,
} from './filters';
import { agenciesShown, type CellView, columnSummaryText, describeCell, summarizeColumn } from './matrix';
import { chaseQuarter, missingAgencies, missingSummary, notYetChasingNote } from './missing';
import { completenessMatrixQuery } from './queries';
import { RemindAgencies } from './RemindAgencies';
import { StatusShape } from './StatusShape';
import type { CompletenessAgency, CompletenessPeriod, CompletenessResponse, County } from './types';
import './completeness.css';

const heading = 'Completeness and timeliness';

/**
 * `/completeness`: every agency × recent quarters, filtered by county, type and a quarter's state
 * (filters in the address), then who is still missing for the quarter being chased, and reminders
 * to send them.
 */
export function CompletenessPage() {
  usePageTitle(heading);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseCompletenessFilters(searchParams);
  // Keeping the last answer on screen while new filters load stops the table (and focus) from vanishing.
  const query = useQuery({ ...completenessMatrixQuery(filters), placeholderData: keepPreviousData });
  const today = useCoalitionToday();

  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">
        Where each member agency's report stands, quarter by quarter: on time or late, returned or approved.
      </p>
      <FilterForm
        key={searchParams.toString()}
        filters={filters}
        counties={query.data?.counties ?? []}
        onApply={(next) => setSearchParams(completenessSearch(next))}
      />
      {query.isPending ? (
        <Loading label="Loading where each agency's report stands…" />
      ) : query.isError ? (
        <LoadError
          what="the completeness matrix"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <>
          <CompletenessResults
            data={query.data}
            filters={filters}
            updating={query.isPlaceholderData}
            today={today}
          />
          <EarlyEntrySection periods={query.data.periods} today={today} />
        </>
      )}
    </>
  );
}

/** The matrix and the missing list for one answer from the API; exported for tests. */
export function CompletenessResults({
  data,
  filters,
  updating,
  today,
}: {
  data: CompletenessResponse;
  filters: CompletenessFilters;
  updating: boolean;
  today: string;
}) {
  const agencies = filterByStatus(data.agencies, filters.status).sort((a, b) =>
    a.name.localeCompare(b.name, 'en'),
  );
  const periods = [...data.periods].sort((a, b) => (a.code < b.code ? 1 : a.code > b.code ? -1 : 0));
  const filtered = filters.county !== null || filters.type !== null || Boolean(filters.status);
  return (
    <>
      <p role="status" className="muted">
        {updating ? 'Updating…' : agenciesShown(agencies.length)}
      </p>
      {agencies.length > 0 && periods.length > 0 ? (
        <>
          <MatrixKey />
          <Matrix agencies={agencies} periods={periods} counties={data.counties} filters={filters} />
        </>
      ) : null}
      <MissingSection
        agencies={agencies}
        periods={periods}
        counties={data.counties}
        filtered={filtered}
        today={today}
      />
    </>
  );
}

function FilterForm({
  filters,
  counties,
  onApply,
}: {
  filters: CompletenessFilters;
  counties: readonly County[];
  onApply: (filters: CompletenessFilters) => void;
}) {
  // Until the first answer arrives, a county chosen in the address still needs an option to show.
  const countyOptions =
    filters.county && !counties.some((c) => c.code === filters.county)
      ? [...counties, { code: filters.county, name: filters.county }]
      : counties;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply(
      parseCompletenessFilters(
        new URLSearchParams({
          county: String(form.get('county') ?? ''),
          type: String(form.get('type') ?? ''),
          quarters: String(form.get('quarters') ?? defaultQuarterCount),
          period: String(form.get('period') ?? ''),
          status: String(form.get('status') ?? ''),
        }),
      ),
    );
  }

  const filtered = filters.county !== null || filters.type !== null || Boolean(filters.status);
  return (
    <form className="filter-bar" onSubmit={handleSubmit} aria-label="Filter the matrix">
      {/* A quarter's state comes from a link (the admin home's counts) and stays until cleared. */}
      {filters.status ? (
        <>
          <input type="hidden" name="period" value={filters.status.period} />
          <input type="hidden" name="status" value={filters.status.status} />
        </>
      ) : null}
      <FilterSelect
        id="filter-county"
        label="County"
        name="county"
        defaultValue={filters.county ?? ''}
        options={[
          { value: '', label: 'All counties' },
          ...countyOptions.map((county) => ({ value: county.code, label: county.name })),
        ]}
      />
      <FilterSelect
        id="filter-type"
        label="Agency type"
        name="type"
        defaultValue={filters.type ?? ''}
        options={[{ value: '', label: 'All types' }, ...agencyTypeOptions()]}
      />
      <FilterSelect
        id="filter-quarters"
        label="Quarters"
        name="quarters"
        defaultValue={String(filters.quarters)}
        options={quarterChoices.map((count) => ({ value: String(count), label: `Last ${count}` }))}
      />
      <div className="filter-bar__actions">
        <button type="submit" className="button">
          Show
        </button>
        {filtered ? <Link to="/completeness">Clear filters</Link> : null}
      </div>
    </form>
  );
}

/** One cell's status: shape, word, and notes. Used in the matrix and its key. */
function MatrixCell({ view }: { view: CellView }) {
  return (
    <span className={`matrix-cell matrix-cell--${view.tone}`}>
      <span className="matrix-cell__status">
        <StatusShape shape={view.shape} />
        {view.label}
      </span>{' '}
      {view.timing ? (
        <span className={`matrix-cell__timing matrix-cell__timing--${view.timing.toLowerCase()}`}>
          {view.timing}
        </span>
      ) : null}{' '}
      {view.note ? <span className="matrix-cell__note">{view.note}</span> : null}
    </span>
  );
}

function MatrixKey() {
  const examples = [
    describeCell({ status: 'approved', late: false, revision: 1 }),
    describeCell({ status: 'submitted', late: false, revision: 1 }),
    describeCell({ status: 'returned', late: false, revision: 1 }),
    describeCell({ status: 'draft', late: false, revision: 0 }),
    describeCell({ status: 'not_started', late: false, revision: 0 }),
    describeCell(undefined),
  ];
  return (
    <div className="matrix-key">
      <p className="matrix-key__title" id="matrix-key-title">
        Key
      </p>
      <ul className="matrix-key__list" aria-labelledby="matrix-key-title">
        {examples.map((view) => (
          <li key={view.label}>
            <MatrixCell view={view} />
          </li>
        ))}
        <li>
          <span className="matrix-cell__timing matrix-cell__timing--late">Late</span> submitted after the
          deadline
        </li>
        <li>
          <span className="matrix-cell__timing matrix-cell__timing--overdue">Overdue</span> not submitted, and
          the deadline has passed
        </li>
      </ul>
    </div>
  );
}

function countyName(counties: readonly County[], code: string): string {
  return counties.find((c) => c.code === code)?.name ?? code;
}

function Matrix({
  agencies,
  periods,
  counties,
  filters,
}: {
  agencies: CompletenessAgency[];
  periods: CompletenessPeriod[];
  counties: readonly County[];
  filters: CompletenessFilters;
}) {
  return (
    <TableScroll captionId="matrix-caption">
      <table className="matrix">
        <caption id="matrix-caption">
          Each agency's report by quarter, newest quarter first: {describeFilters(filters, counties)}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="matrix__agency">
              Agency
            </th>
            {periods.map((period) => (
              <th scope="col" key={period.code}>
                {period.code}
                <span className="cell-note">
                  {period.open ? 'Open · ' : ''}Due {formatShortDate(period.deadline)}
                </span>
                <span className="cell-note">{columnSummaryText(summarizeColumn(agencies, period.code))}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.code}>
              <th scope="row" className="matrix__agency">
                {agency.name}
                <span className="cell-note">
                  {agencyTypeLabel(agency.type)} · {countyName(counties, agency.county)}
                </span>
              </th>
              {periods.map((period) => {
                const cell = agency.cells[period.code];
                const view = describeCell(cell, period.pastDeadline, agency.firstPeriod);
                return (
                  <td key={period.code}>
                    {cell ? (
                      <Link
                        className="matrix__cell-link"
                        to={`/report/${encodeURIComponent(agency.code)}/${encodeURIComponent(period.code)}`}
                      >
                        {/* The row and column headings are far away for a screen reader's list of links. */}
                        <span className="visually-hidden">{`${agency.name}, ${period.code}: `}</span>
                        <MatrixCell view={view} />
                      </Link>
                    ) : (
                      <MatrixCell view={view} />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function MissingSection({
  agencies,
  periods,
  counties,
  filtered,
  today,
}: {
  agencies: CompletenessAgency[];
  periods: CompletenessPeriod[];
  counties: readonly County[];
  filtered: boolean;
  today: string;
}) {
  const quarter = chaseQuarter(periods, today);
  if (!quarter) {
    const note = notYetChasingNote(periods, today);
    return (
      <section className="section" aria-labelledby="missing-heading">
        <h2 id="missing-heading">Who is missing</h2>
        <p>{note ?? 'No quarter is open for entry right now, so there is no one to remind.'}</p>
      </section>
    );
  }

  const missing = missingAgencies(agencies, quarter.code);
  const deadline = describeDeadline(quarter.deadline, today);
  return (
    <section className="section" aria-labelledby="missing-heading">
      <p className="eyebrow">
        {quarter.code} · Open for entry · {deadline.label}
        {deadline.relative ? ` (${deadline.relative})` : ''}
      </p>
      <h2 id="missing-heading">Who is missing for {quarter.code}</h2>
      <p>{missingSummary(missing, quarter.code)}</p>
      {filtered ? <p className="muted">Only agencies that match the filters above are included.</p> : null}
      {missing.length > 0 ? (
        <ul className="missing-list">
          {missing.map((agency) => (
            <li key={agency.code} className="missing-list__item">
              <span className="missing-list__name">
                <Link
                  className="missing-list__link"
                  to={`/report/${encodeURIComponent(agency.code)}/${encodeURIComponent(quarter.code)}`}
                >
                  {agency.name}
                </Link>
                <span className="muted">
                  {agencyTypeLabel(agency.type)} · {countyName(counties, agency.county)}
                </span>
              </span>
              <StatusBadge status={agency.status} />
            </li>
          ))}
        </ul>
      ) : null}
      <RemindAgencies key={quarter.code} period={quarter.code} />
    </section>
  );
}
