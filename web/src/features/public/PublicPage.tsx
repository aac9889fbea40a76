import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadError, Loading } from '../../components/QueryStatus';
import { usePageTitle } from '../../components/usePageTitle';
import { coalitionQuery, servedArea } from '../coalition/queries';
import { ChartSections, HeadlineFigures } from '../dashboard/ChartSections';
import { ShowingPeriod } from '../dashboard/DashboardPage';
import { pageLayout } from '../dashboard/layout';
import { NoReleaseYet, NothingPublished, ViewFilters } from '../dashboard/parts';
import { statsTablesQuery } from '../dashboard/queries';
import type { StatsTablesResponse } from '../dashboard/types';
import {
  coalitionGeo,
  fileParts,
  periodOptionLabel,
  provisionalPeriods,
  publishedCube,
  resolveView,
} from '../dashboard/view';
import { publicAudience, publicSource, publicSpec } from './requests';
import '../dashboard/dashboard.css';

/**
 * `/public?period=2025`: the coalition's published figures for anyone, no sign-in. Only the public
 * audience's cells (coalition-wide, one breakdown at a time, counts under 11 hidden), with plain
 * words on what they do and do not measure.
 */
export function PublicPage() {
  usePageTitle('Public figures');
  const [searchParams, setSearchParams] = useSearchParams();
  const tables = useQuery(statsTablesQuery(publicAudience));
  // What the list unlocks (filters, tiles, a dozen chart frames and their requests) renders as
  // deferred work, in slices that leave room for the reader, rather than in one long task.
  const published = useDeferredValue(tables.data);
  const resolved = published
    ? resolveView({ period: searchParams.get('period'), geo: null }, published)
    : undefined;
  const provisional = provisionalPeriods(published);
  const coalition = useQuery(coalitionQuery()).data;
  const area = coalition ? servedArea(coalition) : null;

  return (
    <div className="dashboard public">
      <h1>Human trafficking {area ? `in ${area}` : 'where our coalition works'}: what our members see</h1>
      <div className="public-context">
        <p className="lede">
          Member agencies of {coalition?.name ?? 'the coalition'} — victim services, legal aid, shelters,
          health care, law enforcement, schools and faith groups — share de-identified counts of the survivors
          they serve and the work they do{area ? ` in ${area}` : ''}. These are those counts, added up across
          the coalition.
        </p>
      </div>
      <Disclaimer />
      {tables.isError ? (
        <LoadError
          what="the published figures"
          error={tables.error}
          onRetry={() => void tables.refetch()}
          retrying={tables.isFetching}
        />
      ) : published === undefined ? (
        <Loading label="Loading the published figures…" />
      ) : !resolved || resolved.kind === 'nothing-published' ? (
        <NothingPublished />
      ) : (
        <>
          <ViewFilters
            periods={publishedCube(published).periods}
            period={resolved.view.period}
            label="Choose a period"
            optionLabel={(p) => periodOptionLabel(p, provisional)}
            onChange={(next) => setSearchParams(new URLSearchParams({ period: next.period }))}
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
            where="across the coalition"
            provisional={resolved.kind === 'view' ? resolved.provisional : null}
          />
          {resolved.kind === 'unpublished' ? (
            <NoReleaseYet
              period={resolved.view.period}
              latest={resolved.latest}
              latestHref={`/public?period=${resolved.latest}`}
            />
          ) : (
            <PublicFigures
              period={resolved.view.period}
              provisional={resolved.provisional !== null}
              list={published}
            />
          )}
        </>
      )}
      <AboutTheNumbers />
      <GetHelp />
    </div>
  );
}

function Disclaimer() {
  return (
    <aside className="notice notice--info public-disclaimer" aria-labelledby="disclaimer-heading">
      <h2 id="disclaimer-heading">These numbers are not a complete measure of trafficking</h2>
      <p>
        They count only the survivors who reached one of our member agencies, and the work those agencies did.
        Most trafficking is never reported, many survivors are never identified, and people who get help
        elsewhere are not counted here. A change from one quarter to the next can mean more people found help,
        or that an agency joined or reported differently — not necessarily that trafficking grew or shrank.
      </p>
      <p>
        We are clear about what we know, what we do not know, what we can share and what we cannot share, and
        why: to protect survivors' privacy, small numbers are hidden.
      </p>
    </aside>
  );
}

const publicHref = (view: { period: string }) => `/public?period=${encodeURIComponent(view.period)}`;

/** The public audience's figures for a period: coalition-wide, asked for as the public. */
function PublicFigures({
  period,
  provisional,
  list,
}: {
  period: string;
  provisional: boolean;
  list: StatsTablesResponse;
}) {
  const source = publicSource(period, ['public', ...fileParts(period, provisional)]);
  const layout = useMemo(
    () => pageLayout(publicSpec(), { list }, { period, geo: coalitionGeo }),
    [list, period],
  );
  return (
    <>
      <HeadlineFigures
        headingId="public-headline-heading"
        tiles={layout.tiles}
        notice={layout.tilesNotice}
        source={source}
        hrefOf={publicHref}
      />
      <ChartSections blocks={layout.blocks} source={source} hrefOf={publicHref} />
    </>
  );
}

function AboutTheNumbers() {
  return (
    <section className="section public-context" aria-labelledby="about-heading">
      <h2 id="about-heading">About these numbers</h2>
      <ul className="plain-list">
        <li>
          <strong>No one's identity is here.</strong> Agencies share counts only, never names or details about
          a person.
        </li>
        <li>
          <strong>Small numbers are hidden.</strong> On this page, a count of people under 11 is hidden, and
          so are a few other numbers that could be used to work it out. A hatched mark or an “S” means hidden
          — it never means zero.
        </li>
        <li>
          <strong>Totals can count a person twice.</strong> A survivor helped by two member agencies is
          counted by each. Where we can, we say how many different people that is likely to be.
        </li>
        <li>
          <strong>Figures are published once a quarter</strong>, after the coalition reviews every agency's
          report. Coalition members can <Link to="/sign-in">sign in</Link> for more detail.
        </li>
      </ul>
    </section>
  );
}

function GetHelp() {
  return (
    <section className="section public-context" aria-labelledby="help-heading">
      <h2 id="help-heading">If you or someone you know needs help</h2>
      <p>
        Call the National Human Trafficking Hotline at <a href="tel:18883737888">1-888-373-7888</a> (free,
        confidential, any language, any time) or text 233733. In an emergency, call 911.
      </p>
    </section>
  );
}
