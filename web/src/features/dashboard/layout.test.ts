import { describe, expect, test } from 'vitest';
import { publicSpec } from '../public/requests';
import { pageLayout } from './layout';
import type { Published } from './published';
import { overviewSpec } from './sectionSpecs';
import { planCountyGrains, planTablesList } from './testFixtures';

// What a page draws is what the plan publishes for the view: breakdowns for years, totals every
// period, a county's totals by year; one notice stands in for what is not published.

const members: Published = { list: planTablesList('coalition'), county: planCountyGrains() };
const everyone: Published = { list: planTablesList('public') };

const charts = (layout: ReturnType<typeof pageLayout>) =>
  layout.blocks.flatMap((b) => (b.kind === 'section' ? b.section.charts : []));
const titles = (layout: ReturnType<typeof pageLayout>) => charts(layout).map((c) => c.title);
const notices = (layout: ReturnType<typeof pageLayout>) =>
  layout.blocks.flatMap((b) => (b.kind === 'notice' ? [b.notice] : []));

describe('a calendar year, coalition-wide', () => {
  test('members get every breakdown, the finer genders and referral sources among them', () => {
    const layout = pageLayout(overviewSpec(), members, { period: '2025', geo: 'coalition' });
    expect(layout.tiles.map((t) => t.label)).toEqual([
      'Survivors served',
      'New survivors',
      'Trainings delivered',
      'Professionals trained',
    ]);
    expect(layout.tilesNotice).toBeNull();
    expect(notices(layout)).toEqual([]);
    expect(titles(layout)).toEqual([
      'Survivors served and new survivors by quarter',
      'Survivors served by calendar year, by type of trafficking',
      'Minors and adults',
      'Age group',
      'Gender identity',
      'Citizenship',
      'LGBTQ+ identity',
      'Disability',
      'Race and ethnicity',
      'County of service',
      'Services provided',
      'Referral sources',
      'Trafficking context',
      'Trainings and outreach events',
      'Community members reached by outreach',
      'Professionals trained, by discipline',
    ]);
    const tableOf = (title: string) => {
      const chart = charts(layout).find((c) => c.title === title);
      return chart && 'table' in chart ? chart.table : undefined;
    };
    expect(tableOf('Gender identity')).toBe('survivors_served.gender');
    expect(tableOf('Referral sources')).toBe('referrals_received.referral_source');
  });

  test('the public gets the grouped genders and referral sources, and nothing members-only', () => {
    const layout = pageLayout(publicSpec(), everyone, { period: '2025', geo: 'coalition' });
    expect(notices(layout)).toEqual([]);
    expect(titles(layout)).toEqual([
      'Survivors served',
      'Trainings and outreach events',
      'Survivors served by calendar year, by type of trafficking',
      'Minors and adults',
      'Gender identity',
      'Citizenship',
      'LGBTQ+ identity',
      'Disability',
      'Services provided',
      'Referral sources',
      'Professionals trained, by discipline',
    ]);
    const gender = charts(layout).find((c) => c.title === 'Gender identity');
    expect(gender && 'table' in gender ? gender.table : null).toBe('survivors_served.gender:gender_grouped');
    expect(gender?.description).toMatch(/every other identity or none reported together/);
  });

  test('a California fiscal year is the members’ alone: the public page has no breakdowns for it', () => {
    expect(titles(pageLayout(overviewSpec(), members, { period: 'SFY2026', geo: 'coalition' }))).toContain(
      'Survivors served by California fiscal year, by type of trafficking',
    );
  });
});

describe('a quarter or half-year: tiles and trends, and one notice for the breakdowns', () => {
  test('a quarter: no breakdowns, and a notice saying which are published by half-year and which by year', () => {
    const layout = pageLayout(overviewSpec(), members, { period: '2025Q3', geo: 'coalition' });
    expect(layout.tiles).toHaveLength(4);
    expect(titles(layout)).toEqual([
      'Survivors served and new survivors by quarter',
      'Trainings and outreach events',
      'Community members reached by outreach',
      'Professionals trained, by discipline',
    ]);
    const [notice, ...more] = notices(layout);
    expect(more).toEqual([]);
    expect(notice?.title).toBe('Breakdowns are published for half-years, calendar and fiscal years');
    expect(notice?.paragraphs).toEqual([
      'Type of trafficking, minors and adults, gender identity, citizenship and services provided are published by half-year, calendar year, federal fiscal year and California fiscal year, not by quarter. Age group, LGBTQ+ identity, disability, race and ethnicity, county of service, referral sources and trafficking context are published by calendar year, federal fiscal year and California fiscal year, not by quarter. Within a single quarter many of these counts are small, and a small count hidden there would have to be hidden in its year as well.',
    ]);
    expect(notice?.open.map((o) => o.label.replace(/ \(.*\)$/, ''))).toEqual([
      'Open 2025H2',
      'Open calendar year 2025',
      'Open federal fiscal year FY2025',
      'Open California fiscal year 2025–26',
    ]);
    // It stands where the breakdowns would have been: after the trend, before prevention.
    expect(layout.blocks.map((b) => b.kind)).toEqual(['section', 'notice', 'section']);
  });

  test('a half-year: the breakdowns published by half-year, and a notice naming only the others', () => {
    const layout = pageLayout(overviewSpec(), members, { period: '2026H1', geo: 'coalition' });
    expect(titles(layout)).toEqual([
      'Survivors served and new survivors by quarter',
      'Survivors served by half-year, by type of trafficking',
      'Minors and adults',
      'Gender identity',
      'Citizenship',
      'Services provided',
      'Trainings and outreach events',
      'Community members reached by outreach',
      'Professionals trained, by discipline',
    ]);
    const [notice, ...more] = notices(layout);
    expect(more).toEqual([]);
    expect(notice?.title).toBe('Some breakdowns are published for calendar and fiscal years only');
    expect(notice?.paragraphs).toEqual([
      'Age group, LGBTQ+ identity, disability, race and ethnicity, county of service, referral sources and trafficking context are published by calendar year, federal fiscal year and California fiscal year, not by half-year. Within a single half-year many of these counts are small, and a small count hidden there would have to be hidden in its year as well.',
    ]);
    expect(notice?.open.map((o) => o.period)).toEqual(['SFY2026']);
    expect(layout.blocks.map((b) => b.kind)).toEqual(['section', 'notice', 'section', 'section', 'section']);
  });

  test('the public’s half-year: no breakdowns, and the notice speaks of them all', () => {
    const layout = pageLayout(publicSpec(), everyone, { period: '2025H2', geo: 'coalition' });
    const [notice] = notices(layout);
    expect(notice?.title).toBe('Breakdowns are published for calendar and fiscal years');
    expect(notice?.paragraphs.join(' ')).toContain(
      'by type of trafficking, age, gender and more, and the services and referrals behind these figures — are published by calendar year and federal fiscal year, not by half-year',
    );
    expect(notice?.open.map((o) => o.period)).toEqual(['2025']);
  });

  test('a quarter whose year is not published yet offers the newest year that is', () => {
    const layout = pageLayout(publicSpec(), everyone, { period: '2026Q2', geo: 'coalition' });
    expect(notices(layout)[0]?.open.map((o) => o.period)).toEqual(['2025']);
  });
});

describe('a county', () => {
  test('by year: its totals and trends, one notice saying breakdowns are the whole coalition’s', () => {
    const layout = pageLayout(overviewSpec(), members, { period: '2025', geo: 'SCL' });
    expect(layout.tiles).toHaveLength(4);
    expect(layout.tilesNotice).toBeNull();
    expect(titles(layout)).toEqual([
      'Survivors served and new survivors by calendar year',
      'Trainings and outreach events',
      'Community members reached by outreach',
      'Professionals trained, by discipline',
    ]);
    const totals = charts(layout)[0];
    expect(totals?.interval).toBe('year');
    expect(totals?.description).toContain(
      "Santa Clara County's figures are published by calendar year, not by quarter.",
    );
    const [notice] = notices(layout);
    expect(notice?.title).toBe('Breakdowns are published for the whole coalition');
    expect(notice?.paragraphs.join(' ')).toContain(
      "With two counties, the coalition's breakdown minus one county's would give the other county's away",
    );
    expect(notice?.open).toEqual([
      { period: '2025', geo: 'coalition', label: 'Open calendar year 2025 for the whole coalition' },
    ]);
  });

  test('by quarter: the one tile published, a notice for the others, and yearly trends', () => {
    const layout = pageLayout(overviewSpec(), members, { period: '2025Q3', geo: 'SCL' });
    expect(layout.tiles.map((t) => t.label)).toEqual(['Professionals trained']);
    expect(layout.tilesNotice?.paragraphs[0]).toBe(
      "For Santa Clara County, survivors served, new survivors and trainings delivered are published by calendar year, federal fiscal year and California fiscal year, not by quarter: a county's quarter can hold a handful of survivors, and hiding one would mean hiding its year too.",
    );
    expect(layout.tilesNotice?.open.map((o) => [o.period, o.geo])).toEqual([
      ['2025', 'SCL'],
      ['FY2025', 'SCL'],
      ['SFY2026', 'SCL'],
    ]);
    expect(charts(layout).map((c) => [c.title, c.interval])).toEqual([
      ['Survivors served and new survivors by calendar year', 'year'],
      ['Trainings and outreach events', 'year'],
      ['Community members reached by outreach', 'year'],
      ['Professionals trained, by discipline', 'quarter'],
    ]);
    expect(notices(layout)[0]?.title).toBe(
      'Breakdowns are published for the whole coalition, for half-years, calendar and fiscal years',
    );
  });

  test('by half-year: the coalition’s half-year first, and only what it doesn’t publish by half-year named', () => {
    const layout = pageLayout(overviewSpec(), members, { period: '2026H1', geo: 'SCL' });
    const [notice, ...more] = notices(layout);
    expect(more).toEqual([]);
    expect(notice?.title).toBe('Breakdowns are published for the whole coalition');
    expect(notice?.paragraphs[1]).toBe(
      'For the whole coalition, age group, LGBTQ+ identity, disability, race and ethnicity, county of service, referral sources and trafficking context are published by calendar year, federal fiscal year and California fiscal year, not by half-year. Within a single half-year many of these counts are small, and a small count hidden there would have to be hidden in its year as well.',
    );
    expect(notice?.open.map((o) => [o.period, o.geo])).toEqual([
      ['2026H1', 'coalition'],
      ['SFY2026', 'coalition'],
    ]);
  });
});
