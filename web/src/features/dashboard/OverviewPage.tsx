import { useMemo } from 'react';
import { periodLabel } from '../../../../api/domain/periods';
import { ChartSections, HeadlineFigures } from './ChartSections';
import { pageLayout } from './layout';
import type { Published } from './published';
import { type OverviewView, overviewSource } from './requests';
import { overviewSpec } from './sectionSpecs';
import { fileParts, geoName, type ProvisionalCounts, provisionalLabel, viewSearch } from './view';

const dashboardHref = (view: { period: string; geo: string }) => `/dashboard${viewSearch(view)}`;

/**
 * The overview of one period and geography: headline tiles, survivors over time, who was served,
 * services, referrals and context, prevention and training — each where it is published for the
 * view, with one notice in place of what is not. It fetches exactly `overviewRequestPaths(view, …)`.
 */
export function Overview({
  view,
  published,
  provisional = null,
}: {
  view: OverviewView;
  /** The tables list and, for a county, the plan's grains. */
  published: Published;
  /** How many agencies reported, when the period is provisional. */
  provisional?: ProvisionalCounts | null;
}) {
  const source = overviewSource(view, fileParts(view.period, provisional !== null, view.geo));
  const layout = useMemo(() => pageLayout(overviewSpec(), published, view), [published, view]);
  const where = view.geo === 'coalition' ? 'across the coalition' : `in ${geoName(view.geo)}`;
  const caution = provisionalLabel(provisional);

  return (
    <>
      <HeadlineFigures
        headingId="headline-heading"
        tiles={layout.tiles}
        notice={layout.tilesNotice}
        source={source}
        hrefOf={dashboardHref}
      >
        <p className="muted">
          {periodLabel(view.period)}, {where}.{caution ? ` ${caution}.` : ''} Each agency counts a survivor
          once per quarter; a survivor served by two agencies is counted by both.
        </p>
      </HeadlineFigures>
      <ChartSections blocks={layout.blocks} source={source} hrefOf={dashboardHref} />
    </>
  );
}
