import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, test } from 'vitest';
import { renderCached } from '../../testing';
import { coalitionKeys } from '../coalition/queries';
import { planKeys } from '../plan/queries';
import { testPlan } from '../plan/testFixtures';
import type { PublicationPlan } from '../plan/types';
import { PublicPage } from '../public/PublicPage';
import { DashboardPage } from './DashboardPage';
import { ViewFilters } from './parts';
import { statsKeys } from './queries';
import { planTablesList } from './testFixtures';

// The overview and the public page show what the plan publishes for the chosen period and place,
// and one calm notice, with somewhere to go, in place of what it doesn't.

/** The plan as the demo's: totals by county by year and fiscal year, professionals everywhere. */
function demoPlan(): PublicationPlan {
  const plan = testPlan();
  const years = ['year', 'fy', 'sfy'] as const;
  const totals = ['new_survivors', 'trainings_delivered', 'outreach_events', 'community_reached'].map(
    (table) => ({
      table,
      element: table,
      breakdown: null,
      note: null,
      members: { coalition: [...years], county: [...years] },
      public: null,
    }),
  );
  return { ...plan, tables: [...plan.tables, ...totals] };
}

function dashboard(path: string, withPlan = true): string {
  return renderCached(
    <DashboardPage />,
    [
      [statsKeys.tableList(), planTablesList('coalition')],
      ...(withPlan ? [[planKeys.current(), demoPlan()] as const] : []),
    ],
    path,
  );
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The links of the page, as addresses and their words. */
const links = (html: string) =>
  [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map(([, href, words]) => [
    (href ?? '').replace(/&amp;/g, '&'),
    words,
  ]);
const hrefs = (html: string) => links(html).map(([href]) => href);

describe('the members’ overview', () => {
  test('a year draws the breakdown charts and no notice', () => {
    const html = dashboard('/dashboard?period=2025');
    expect(html).not.toContain('Breakdowns are published');
    for (const what of [
      'survivors by age',
      'survivors by gender identity',
      'citizenship',
      'referral sources',
    ])
      expect(html).toContain(`Loading ${what}…`);
  });

  test('a quarter: one notice in place of the breakdowns, opening the years that contain it', () => {
    const html = dashboard('/dashboard?period=2025Q4');
    expect(html.match(/Breakdowns are published for half-years, calendar and fiscal years/g)).toHaveLength(1);
    expect(textOf(html)).toContain(
      'are published by calendar year, federal fiscal year and California fiscal year, not by quarter',
    );
    expect(hrefs(html)).toEqual(
      expect.arrayContaining([
        '/dashboard?period=2025H2',
        '/dashboard?period=2025',
        '/dashboard?period=SFY2026',
      ]),
    );
    expect(html).not.toContain('Loading survivors by gender identity…');
    expect(html).not.toContain('Loading citizenship…');
    // The tiles and the figures published every quarter are still there.
    expect([...html.matchAll(/<p class="tile__label">/g)]).toHaveLength(4);
    expect(html).toContain('Loading professionals trained, by discipline…');
  });

  test('a half-year: the breakdowns published by half-year, and a notice naming only those that aren’t', () => {
    const html = dashboard('/dashboard?period=2026H1');
    for (const what of [
      'survivors by age',
      'survivors by gender identity',
      'citizenship',
      'services provided',
    ])
      expect(html).toContain(`Loading ${what}…`);
    // Age groups are published by year only: no chart is drawn empty for them.
    expect(html).not.toContain('Loading survivors by age group…');
    expect(html).not.toContain('Loading referral sources…');
    expect(html.match(/Some breakdowns are published for calendar and fiscal years only/g)).toHaveLength(1);
    const text = textOf(html);
    expect(text).toContain(
      'Age group, LGBTQ+ identity, disability, race and ethnicity, county of service, referral sources and trafficking context are published by calendar year, federal fiscal year and California fiscal year, not by half-year.',
    );
    expect(text).not.toContain('by type of trafficking, age, gender and more');
    expect(hrefs(html)).toContain('/dashboard?period=SFY2026');
  });

  test('a county’s year: why breakdowns are the whole coalition’s, and a way to them', () => {
    const html = dashboard('/dashboard?period=2025&geo=SCL');
    const text = textOf(html);
    expect(text).toContain('Breakdowns are published for the whole coalition');
    expect(text).toContain(
      "With two counties, the coalition's breakdown minus one county's would give the other county's away",
    );
    expect(links(html)).toContainEqual([
      '/dashboard?period=2025',
      'Open calendar year 2025 for the whole coalition',
    ]);
    expect(html).not.toContain('Loading citizenship…');
  });

  test('a county’s quarter: its totals are published by year, so it offers the years instead', () => {
    const html = dashboard('/dashboard?period=2025Q4&geo=SCL');
    expect(textOf(html)).toContain(
      'For Santa Clara County, survivors served, new survivors and trainings delivered are published by calendar year, federal fiscal year and California fiscal year, not by quarter',
    );
    expect(hrefs(html)).toContain('/dashboard?period=2025&geo=SCL');
    // The one tile a county publishes by quarter stays; the others give way to the notice.
    const tiles = [...html.matchAll(/<p class="tile__label">([^<]+)<\/p>/g)].map(([, label]) => label);
    expect(tiles).toEqual(['Professionals trained']);
  });

  test('a county waits for the plan before it decides what to draw', () => {
    const html = dashboard('/dashboard?period=2025&geo=SCL', false);
    expect(html).toContain('Loading what is published for each county…');
    expect(html).not.toContain('Breakdowns are published');
  });
});

describe('the public page', () => {
  const page = (path: string) =>
    renderCached(<PublicPage />, [[statsKeys.tableList('public'), planTablesList('public')]], path);

  test('a year draws the grouped genders the public gets', () => {
    const html = page('/public?period=2025');
    expect(html).toContain('Loading survivors by gender identity…');
    expect(html).not.toContain('Loading survivors by race and ethnicity…');
    expect(html).not.toContain('Breakdowns are published');
  });

  test('a quarter whose year is not out yet offers the newest published year', () => {
    const html = page('/public?period=2026Q2');
    expect(textOf(html)).toContain('published by calendar year and federal fiscal year, not by quarter');
    expect(links(html)).toContainEqual(['/public?period=2025', 'Open calendar year 2025']);
  });

  test('names the coalition and the counties it serves, as its settings say', () => {
    const html = renderCached(
      <PublicPage />,
      [
        [statsKeys.tableList('public'), planTablesList('public')],
        [
          coalitionKeys.all,
          { name: 'Bay Coalition', shortName: 'Bay', counties: ['Alameda County'], states: ['California'] },
        ],
      ],
      '/public?period=2025',
    );
    expect(textOf(html)).toContain('Member agencies of Bay Coalition — victim services');
    expect(textOf(html)).toContain('the work they do in Alameda County, California.');
  });
});

test('the period picker offers half-years and California fiscal years in words, each group where published', () => {
  const html = renderToStaticMarkup(
    <MemoryRouter>
      <ViewFilters
        periods={['2025Q3', '2025Q4', '2025H2', '2025', 'FY2025', 'SFY2026']}
        period="2025H2"
        onChange={() => {}}
      />
    </MemoryRouter>,
  );
  const groups = [...html.matchAll(/<optgroup label="([^"]+)">(.*?)<\/optgroup>/g)].map(
    ([, label, options]) => [
      label,
      [...(options ?? '').matchAll(/>([^<]+)<\/option>/g)].map(([, option]) => option),
    ],
  );
  expect(groups).toEqual([
    ['Quarters', ['October to December 2025 (2025Q4)', 'July to September 2025 (2025Q3)']],
    ['Half-years (January to June, July to December)', ['July to December 2025']],
    ['Calendar years', ['Calendar year 2025']],
    ['Federal fiscal years (October to September)', ['October 2024 to September 2025 (federal FY 2025)']],
    ['California fiscal years (July to June)', ['July 2025 to June 2026 (California FY 2025–26)']],
  ]);
  expect(html).toContain('<option value="2025H2" selected="">');
});
