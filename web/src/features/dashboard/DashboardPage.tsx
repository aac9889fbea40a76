import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { NavLink, useSearchParams } from 'react-router';
import { periodLabel } from '../../../../api/domain/periods';
import { LoadError, Loading } from '../../components/QueryStatus';
import { usePageTitle } from '../../components/usePageTitle';
import { countyGrains } from '../plan/plan';
import { publicationPlanQuery } from '../plan/queries';
import { Overview } from './OverviewPage';
import { NoReleaseYet, NothingPublished, ViewFilters } from './parts';
import type { Published } from './published';
import { statsTablesQuery } from './queries';
import type { StatsTablesResponse } from './types';
import {
  coalitionGeo,
  geoName,
  type ProvisionalCounts,
  periodOptionLabel,
  provisionalLabel,
  provisionalPeriods,
  publishedCube,
  resolveView,
  viewSearch,
} from './view';
import './dashboard.css';

/** The dashboard's two pages, as tabs that keep the view's filters. */
export function DashboardTabs({ search }: { search: string }) {
  return (
    <nav aria-label="Dashboard pages" className="dashboard-tabs">
      <NavLink to={`/dashboard${search}`} end className="dashboard-tabs__link">
        Overview
      </NavLink>
      <NavLink to={`/dashboard/trends${search}`} className="dashboard-tabs__link">
        Trends
      </NavLink>
    </nav>
  );
}

/**
 * "Showing 2026Q3, Santa Clara County." — and, for a provisional period, a badge saying how many
 * agencies reported and a notice saying what that means. Shared with the public page.
 */
export function ShowingPeriod({
  period,
  where,
  provisional,
}: {
  period: string;
  where: string;
  provisional: ProvisionalCounts | null;
}) {
  return (
    <>
      <p className="dashboard-view" aria-live="polite">
        Showing <strong>{periodLabel(period)}</strong>, {where}.
        {provisional ? (
          <>
            {' '}
            <span className="status status--waiting">{provisionalLabel(provisional)}</span>
          </>
        ) : null}
      </p>
      {provisional ? (
        <p className="notice notice--info">
          These figures are provisional: too few member agencies had reported when {period} was published.
          They will change once the rest are in, so no change (±%) is shown against this period.
        </p>
      ) : null}
    </>
  );
}

/**
 * `/dashboard?period=2026Q2&geo=SCL`: the overview of one published period and geography, for
 * signed-in members. Every figure comes from a published release, protected for coalition members.
 */
export function DashboardPage() {
  usePageTitle('Dashboard');
  const [searchParams, setSearchParams] = useSearchParams();
  const tables = useQuery(statsTablesQuery());
  // What the list unlocks (filters, tiles, a dozen chart frames and their requests) renders as
  // deferred work, in slices that leave room for the reader, rather than in one long task.
  const published = useDeferredValue(tables.data);
  const resolved = published
    ? resolveView({ period: searchParams.get('period'), geo: searchParams.get('geo') }, published)
    : undefined;
  const { periods, geos } = publishedCube(published);
  const provisional = provisionalPeriods(published);
  const search = searchParams.toString() ? `?${searchParams}` : '';

  return (
    <div className="dashboard">
      <h1>Dashboard</h1>
      <p className="lede">
        The local picture of trafficking from member agencies' published, de-identified counts. Small numbers
        are hidden to protect survivors' privacy: a hatched mark or an “S” means hidden, never zero.
      </p>
      <DashboardTabs search={search} />
      {tables.isError ? (
        <LoadError
          what="the published periods"
          error={tables.error}
          onRetry={() => void tables.refetch()}
          retrying={tables.isFetching}
        />
      ) : published === undefined ? (
        <Loading label="Loading the published periods…" />
      ) : resolved?.kind === 'nothing-published' || !resolved ? (
        <NothingPublished />
      ) : (
        <>
          <ViewFilters
            periods={periods}
            geos={geos}
            period={resolved.view.period}
            geo={resolved.view.geo}
            optionLabel={(p) => periodOptionLabel(p, provisional)}
            onChange={(next) =>
              setSearchParams(
                new URLSearchParams(viewSearch({ period: next.period, geo: next.geo ?? coalitionGeo })),
              )
            }
          />
          {resolved.kind === 'view'
            ? resolved.notices.map((notice) => (
                <p key={notice} className="notice notice--info">
                  {notice}
                </p>
              ))
            : null}
          <ShowingPeriod
            period={resolved.view.period}
            where={geoName(resolved.view.geo)}
            provisional={resolved.kind === 'view' ? resolved.provisional : null}
          />
          {resolved.kind === 'unpublished' ? (
            <NoReleaseYet
              period={resolved.view.period}
              latest={resolved.latest}
              latestHref={`/dashboard${viewSearch({ period: resolved.latest, geo: resolved.view.geo })}`}
            />
          ) : (
            <PublishedOverview view={resolved.view} list={published} provisional={resolved.provisional} />
          )}
        </>
      )}
    </div>
  );
}

/**
 * The overview once what is published is known: the tables list, and for a county the plan, which
 * says at which grains a county's figures are published (by year, where the coalition's are by quarter).
 */
function PublishedOverview({
  view,
  list,
  provisional,
}: {
  view: { period: string; geo: string };
  list: StatsTablesResponse;
  provisional: ProvisionalCounts | null;
}) {
  const county = view.geo !== coalitionGeo;
  const plan = useQuery({ ...publicationPlanQuery(), enabled: county });
  const grains = plan.data;
  const published = useMemo<Published>(
    () => ({ list, county: grains ? countyGrains(grains) : undefined }),
    [list, grains],
  );
  if (county && plan.isError)
    return (
      <LoadError
        what="what is published for each county"
        error={plan.error}
        onRetry={() => void plan.refetch()}
        retrying={plan.isFetching}
      />
    );
  if (county && !grains) return <Loading label="Loading what is published for each county…" />;
  return <Overview view={view} published={published} provisional={provisional} />;
}
