import { describe, expect, test } from 'vitest';
import {
  breakdownNotice,
  byKindsInWords,
  isPublishedAt,
  openInstead,
  type Published,
  publishedIntervals,
  withheld,
} from './published';
import { planCountyGrains, planTablesList } from './testFixtures';

const members: Published = { list: planTablesList('coalition'), county: planCountyGrains() };

describe('what is published where', () => {
  test.each([
    ['survivors_served', 'coalition', ['quarter', 'half', 'year', 'fy', 'sfy']],
    ['survivors_served', 'SCL', ['year', 'fy', 'sfy']],
    ['survivors_served.type_age', 'coalition', ['half', 'year', 'fy', 'sfy']],
    ['survivors_served.type_age', 'SCL', []],
    ['professionals_trained.discipline', 'SBN', ['quarter', 'half', 'year', 'fy', 'sfy']],
    ['no_such_table', 'coalition', []],
  ])('%s in %s: %j', (code, geo, intervals) => {
    expect(publishedIntervals(members, code, geo)).toEqual(intervals);
  });

  test.each([
    ['trafficking_type', ['half', 'year', 'fy', 'sfy'], true],
    ['age_group', ['year', 'fy', 'sfy'], false],
  ])('a two-way breakdown along %s: %j, so at a half-year %s', (category, intervals, atHalf) => {
    expect(publishedIntervals(members, 'survivors_served.type_age', 'coalition', category)).toEqual(
      intervals,
    );
    expect(isPublishedAt(members, 'survivors_served.type_age', '2026H1', 'coalition', category)).toBe(atHalf);
    expect(isPublishedAt(members, 'survivors_served.type_age', '2025', 'coalition', category)).toBe(true);
  });

  test('without the plan, the tables list alone decides (a county gets what its periods say)', () => {
    expect(publishedIntervals({ list: members.list }, 'survivors_served', 'SCL')).toContain('quarter');
  });

  test('a table published without a category does not draw that category', () => {
    const everyone: Published = { list: planTablesList('public') };
    expect(
      isPublishedAt(everyone, 'survivors_served.type_age', '2025', 'coalition', 'trafficking_type'),
    ).toBe(true);
    expect(isPublishedAt(everyone, 'survivors_served.type_age', '2025', 'coalition', 'age_group')).toBe(
      false,
    );
    // …and is simply left out, not explained: the plan doesn't publish it to the public at all.
    expect(withheld(everyone, [['survivors_served.type_age']], '2025', 'coalition', 'age_group')).toBeNull();
  });
});

describe('why a breakdown is not there', () => {
  test.each([
    ['a quarter', '2025Q3', 'coalition', { where: false, when: true }],
    ['a county’s year', '2025', 'SCL', { where: true, when: false }],
    ['a county’s quarter', '2025Q3', 'SCL', { where: true, when: true }],
  ])('%s', (_name, period, geo, reason) => {
    expect(withheld(members, [['survivors_served.lgbtq']], period, geo)).toMatchObject({
      ...reason,
      kinds: ['year', 'fy', 'sfy'],
    });
  });

  test('published: no reason', () => {
    expect(withheld(members, [['survivors_served.lgbtq']], '2025', 'coalition')).toBeNull();
  });

  test('a category of a two-way breakdown its other category is published without', () => {
    const table = [['survivors_served.type_age']];
    expect(withheld(members, table, '2026H1', 'coalition', 'trafficking_type')).toBeNull();
    expect(withheld(members, table, '2026H1', 'coalition', 'age_group')).toMatchObject({
      where: false,
      when: true,
      kinds: ['year', 'fy', 'sfy'],
      periods: ['SFY2025', 'FY2025', '2025', 'SFY2026'],
    });
  });

  test('not published to this audience at all: left out without a word', () => {
    expect(withheld(members, [['victims_identified.trafficking_type']], '2025', 'coalition')).toBeNull();
  });
});

describe('what to open instead', () => {
  const reason = withheld(members, [['survivors_served.lgbtq']], '2025Q4', 'coalition');

  test('the published years that contain the quarter, calendar year first', () => {
    expect(reason && openInstead(reason, '2025Q4', 'coalition').map((o) => o.period)).toEqual([
      '2025',
      'SFY2026',
    ]);
    expect(reason && openInstead(reason, '2026Q1', 'coalition').map((o) => o.period)).toEqual(['SFY2026']);
  });

  test('a county’s year opens the whole coalition’s', () => {
    const county = withheld(members, [['survivors_served.lgbtq']], '2025', 'SCL');
    expect(county && openInstead(county, '2025', 'SCL')).toEqual([
      { period: '2025', geo: 'coalition', label: 'Open calendar year 2025 for the whole coalition' },
    ]);
  });

  test('none containing it published yet: the newest one', () => {
    const newest = { where: false, when: true, kinds: ['year' as const], periods: ['2024', '2025'] };
    expect(openInstead(newest, '2026Q2', 'coalition').map((o) => o.period)).toEqual(['2025']);
  });
});

describe('the notice in words', () => {
  const countyYear = { where: true, when: false, kinds: ['year' as const], periods: ['2025'] };
  const view = { period: '2025', geo: 'SBN' };

  test('where the server says why a section’s county breakdowns are withheld, its words are used', () => {
    const explanation =
      'San Benito County has 1 reporting agency. Breakdowns by county are published only where every county has at least 3.';
    const notice = breakdownNotice(
      [{ name: 'Arrests', section: 'law_enforcement', reason: countyYear }],
      view,
      {
        countyBreakdowns: [{ section: 'law_enforcement', minimumAgencies: 3, counties: [], explanation }],
        counties: 2,
        someShown: false,
      },
    );
    expect(notice?.title).toBe('Breakdowns are published for the whole coalition');
    expect(notice?.paragraphs).toEqual([explanation]);
  });

  test('otherwise, the plan publishes breakdowns coalition-wide only, and says why', () => {
    const survivors = [{ name: 'Citizenship', section: 'survivors', reason: countyYear }];
    const notice = breakdownNotice(survivors, view, { countyBreakdowns: [], counties: 2, someShown: false });
    expect(notice?.paragraphs).toEqual([
      "With two counties, the coalition's breakdown minus one county's would give the other county's away, so neither county's breakdowns are published. San Benito County's totals are shown here.",
    ]);
    const many = breakdownNotice(survivors, view, { countyBreakdowns: [], counties: 5, someShown: false });
    expect(many?.paragraphs[0]).toMatch(
      /^Set against the coalition's, one county's breakdown could give away/,
    );
  });

  const halfYear = { period: '2026H1', geo: 'coalition' };
  const yearsOnly = { where: false, when: true, kinds: ['year' as const], periods: ['SFY2026'] };

  test('some breakdowns drawn: the notice names only those left out', () => {
    const notice = breakdownNotice(
      [
        { name: 'Age group', section: 'survivors', reason: yearsOnly },
        { name: 'LGBTQ+ identity', section: 'survivors', reason: yearsOnly },
        { name: 'Referral sources', section: 'referrals', reason: yearsOnly },
      ],
      halfYear,
      { countyBreakdowns: [], counties: 2, someShown: true },
    );
    expect(notice?.title).toBe('Some breakdowns are published for calendar years only');
    expect(notice?.paragraphs).toEqual([
      'Age group, LGBTQ+ identity and referral sources are published by calendar year, not by half-year. Within a single half-year many of these counts are small, and a small count hidden there would have to be hidden in its year as well.',
    ]);
  });

  test('none drawn: the notice speaks of breakdowns in general', () => {
    const notice = breakdownNotice(
      [{ name: 'Age group', section: 'survivors', reason: yearsOnly }],
      halfYear,
      { countyBreakdowns: [], counties: 2, someShown: false },
    );
    expect(notice?.title).toBe('Breakdowns are published for calendar years');
    expect(notice?.paragraphs[0]).toMatch(/^Breakdowns — who was served, .* not by half-year\./);
    expect(breakdownNotice([], halfYear, { countyBreakdowns: [], counties: 2, someShown: false })).toBeNull();
  });

  test.each([
    [['year', 'fy'] as const, 'by calendar year and federal fiscal year'],
    [['year', 'fy', 'sfy'] as const, 'by calendar year, federal fiscal year and California fiscal year'],
    [['quarter'] as const, 'by quarter'],
  ])('%j reads "%s"', (kinds, words) => {
    expect(byKindsInWords(kinds)).toBe(words);
  });
});
