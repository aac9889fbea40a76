import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FilterSelect } from '../../components/FilterSelect';
import { LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../lib/dates';
import { useSignedInUser } from '../auth/RequireSignIn';
import {
  type AuditFilters,
  actionLabel,
  auditSearch,
  describePage,
  entityTypeLabel,
  parseAuditFilters,
} from './filters';
import { auditLogQuery } from './queries';
import type { AuditLogChoices, AuditLogResponse } from './types';
import './audit.css';

const heading = 'Audit log';

/**
 * `/audit`: who did what and when, newest first, filtered by action, kind, person and dates (in the
 * address), with whether the record's hash chain checks out over the entries shown.
 */
export function AuditLogPage() {
  usePageTitle(heading);
  const { timeZone } = useSignedInUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseAuditFilters(searchParams);
  // Keeping the last page on screen while the next loads stops the table (and focus) from vanishing.
  const query = useQuery({ ...auditLogQuery(filters), placeholderData: keepPreviousData });

  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">
        Everything done in Scope, and every time an admin opened an agency's report: who, what and when.
        Entries can't be changed or removed, and each is sealed to the one before it, so a change made behind
        Scope's back shows.
      </p>
      <FilterForm
        key={searchParams.toString()}
        filters={filters}
        choices={query.data?.filters}
        onApply={(next) => setSearchParams(auditSearch(next))}
      />
      {query.isPending ? (
        <Loading label="Loading the audit log…" />
      ) : query.isError ? (
        <LoadError
          what="the audit log"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <AuditLogResults
          data={query.data}
          filters={filters}
          updating={query.isPlaceholderData}
          timeZone={timeZone}
        />
      )}
    </>
  );
}

function FilterForm({
  filters,
  choices,
  onApply,
}: {
  filters: AuditFilters;
  choices: AuditLogChoices | undefined;
  onApply: (filters: AuditFilters) => void;
}) {
  // Until the first answer arrives, a value chosen in the address still needs an option to show.
  const withChosen = (values: readonly string[], chosen: string | null) =>
    chosen && !values.includes(chosen) ? [...values, chosen] : values;
  const users = choices?.users ?? [];
  const userOptions =
    filters.user !== null && !users.some((u) => u.id === filters.user)
      ? [...users, { id: filters.user, name: `Person ${filters.user}` }]
      : users;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const search = new URLSearchParams();
    for (const name of ['action', 'entityType', 'user', 'from', 'to'])
      search.set(name, String(form.get(name) ?? ''));
    // New filters start again at the newest entries.
    onApply(parseAuditFilters(search));
  }

  const filtered =
    filters.action !== null ||
    filters.entityType !== null ||
    filters.user !== null ||
    filters.from !== null ||
    filters.to !== null;
  return (
    <form className="filter-bar" onSubmit={handleSubmit} aria-label="Filter the audit log">
      <FilterSelect
        id="audit-action"
        label="What was done"
        name="action"
        defaultValue={filters.action ?? ''}
        options={[
          { value: '', label: 'Everything' },
          ...withChosen(choices?.actions ?? [], filters.action).map((action) => ({
            value: action,
            label: actionLabel(action),
          })),
        ]}
      />
      <FilterSelect
        id="audit-entity"
        label="About"
        name="entityType"
        defaultValue={filters.entityType ?? ''}
        options={[
          { value: '', label: 'Anything' },
          ...withChosen(choices?.entityTypes ?? [], filters.entityType).map((type) => ({
            value: type,
            label: entityTypeLabel(type),
          })),
        ]}
      />
      <FilterSelect
        id="audit-user"
        label="Who"
        name="user"
        defaultValue={filters.user === null ? '' : String(filters.user)}
        options={[
          { value: '', label: 'Anyone' },
          ...userOptions.map((user) => ({ value: String(user.id), label: user.name })),
        ]}
      />
      <div className="filter-bar__field">
        <label htmlFor="audit-from">From</label>
        <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ''} />
      </div>
      <div className="filter-bar__field">
        <label htmlFor="audit-to">To</label>
        <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ''} />
      </div>
      <div className="filter-bar__actions">
        <button type="submit" className="button">
          Show
        </button>
        {filtered ? <Link to="/audit">Clear filters</Link> : null}
      </div>
    </form>
  );
}

/** The chain check, the table and the page links for one answer from the API; exported for tests. */
export function AuditLogResults({
  data,
  filters,
  updating,
  timeZone,
}: {
  data: AuditLogResponse;
  filters: AuditFilters;
  updating: boolean;
  timeZone: string;
}) {
  const { entries, total, page, pageSize } = data;
  return (
    <>
      <ChainStatus chain={data.chain} />
      <p role="status" className="muted">
        {updating ? 'Updating…' : describePage(total, page, pageSize, entries.length)}
      </p>
      {entries.length > 0 ? (
        <TableScroll captionId="audit-caption">
          <table className="audit-table">
            <caption id="audit-caption">Audit log entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What happened</th>
                <th scope="col" className="num">
                  Entry
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="date">{formatDateTime(entry.at, timeZone)}</td>
                  <td>{entry.user?.name ?? 'Scope itself'}</td>
                  <td>{entry.description}</td>
                  <td className="num">{entry.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <PageLinks filters={filters} total={total} pageSize={pageSize} />
    </>
  );
}

function ChainStatus({ chain }: { chain: AuditLogResponse['chain'] }) {
  if (chain.ok)
    return chain.checked > 0 ? (
      <p className="audit-chain">
        The seals check out: the {chain.checked.toLocaleString('en-US')} entries checked, up to the newest on
        this page, are as they were written, and none is missing.
      </p>
    ) : null;
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">The record has been changed outside Scope</h2>
      <p>{chain.problem}</p>
      <p>
        Tell whoever looks after Scope's server now. They can check the whole record with{' '}
        <code>npm run audit:verify</code> and compare it with a backup.
      </p>
    </div>
  );
}

function PageLinks({ filters, total, pageSize }: { filters: AuditFilters; total: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const to = (page: number) => `/audit?${auditSearch({ ...filters, page }).toString()}`;
  return (
    <nav className="audit-pages" aria-label="Audit log pages">
      {filters.page > 1 ? <Link to={to(filters.page - 1)}>Newer entries</Link> : null}
      <span>
        Page {Math.min(filters.page, pages)} of {pages}
      </span>
      {filters.page < pages ? <Link to={to(filters.page + 1)}>Older entries</Link> : null}
    </nav>
  );
}
