import type { UseQueryResult } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { periodLabel } from '../../../../api/domain/periods';
import { FilterSelect } from '../../components/FilterSelect';
import { LoadError, Loading } from '../../components/QueryStatus';
import { useTurn } from './useTurn';
import { geoName, periodGroups } from './view';

/**
 * A chart's slot while its data loads or when it fails: a skeleton about the size of a chart (or the
 * one given), or the error with a Try again button. Renders the chart once the data is here.
 *
 * When an answer arrives the skeleton stays until this slot's turn (see useTurn): slots render one
 * per task rather than all in one long task as a dozen answers arrive together.
 */
export function ChartSlot<T>({
  query,
  what,
  children,
  minHeight,
  skeleton,
}: {
  query: UseQueryResult<T>;
  /** Completes "We couldn't load …" and "Loading …". */
  what: string;
  children: (data: T) => ReactNode;
  /** The loading frame's height in pixels: about the chart's, so the page moves little when it arrives. */
  minHeight?: number;
  /** A loading state shaped like what arrives (a headline tile), instead of a chart-sized frame. */
  skeleton?: ReactNode;
}) {
  const data = useTurn(query.data);
  if (query.isError)
    return (
      <div className="chart">
        <LoadError
          what={what}
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </div>
    );
  // Until this query's answer has had its turn (never showing an earlier view's).
  if (data === undefined || data !== query.data)
    return (
      skeleton ?? (
        <div className="chart chart--loading" style={minHeight ? { minHeight } : undefined}>
          <Loading label={`Loading ${what}…`} />
        </div>
      )
    );
  return <>{children(data)}</>;
}

/**
 * The filters: a published period (quarters, half-years, calendar years, federal and California
 * fiscal years, each where published) and, for signed-in members, a geography. Only published
 * periods and geographies are offered, so every view is in the cube.
 */
export function ViewFilters({
  periods,
  geos,
  period,
  geo,
  onChange,
  label = 'Choose what to show',
  optionLabel = periodLabel,
}: {
  periods: readonly string[];
  /** Geographies to offer; none (the public page) hides the geography filter. */
  geos?: readonly string[];
  period: string;
  geo?: string;
  onChange: (view: { period: string; geo?: string }) => void;
  label?: string;
  /** A period's words in the picker (its name, and whether it is provisional). */
  optionLabel?: (period: string) => string;
}) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosenPeriod = String(form.get('period') ?? period);
    const chosenGeo = form.get('geo');
    onChange({ period: chosenPeriod, geo: chosenGeo === null ? undefined : String(chosenGeo) });
  }
  const groups = periodGroups(periods);
  return (
    <form className="filter-bar" onSubmit={handleSubmit} aria-label={label} key={`${period}/${geo}`}>
      <div className="filter-bar__field">
        <label htmlFor="view-period">Period</label>
        <select id="view-period" name="period" defaultValue={period}>
          {groups.map((group) => (
            <optgroup key={group.interval} label={group.label}>
              {group.periods.map((p) => (
                <option key={p} value={p}>
                  {optionLabel(p)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {geos && geos.length > 0 ? (
        <FilterSelect
          id="view-geo"
          label="Area"
          name="geo"
          defaultValue={geo}
          options={geos.map((g) => ({ value: g, label: geoName(g) }))}
        />
      ) : null}
      <div className="filter-bar__actions">
        <button type="submit" className="button">
          Show
        </button>
      </div>
    </form>
  );
}

/** "No release yet for this period": a calm empty state with the way back to what is published. */
export function NoReleaseYet({
  period,
  latestHref,
  latest,
}: {
  period: string;
  latestHref: string;
  latest: string;
}) {
  return (
    <div className="notice notice--info dashboard-empty">
      <h2 className="notice__title">No release yet for this period</h2>
      <p>
        {periodLabel(period)} has not been published. Figures appear here only once the coalition publishes a
        quarter's release, after member agencies' reports are reviewed.
      </p>
      <p>
        <Link to={latestHref}>Show the newest published quarter, {periodLabel(latest)}</Link>
      </p>
    </div>
  );
}

/** Nothing has been published at all yet. */
export function NothingPublished() {
  return (
    <div className="notice notice--info dashboard-empty">
      <h2 className="notice__title">No release yet</h2>
      <p>
        The coalition has not published any figures yet. Charts appear here once the first quarter's release
        is published.
      </p>
    </div>
  );
}
