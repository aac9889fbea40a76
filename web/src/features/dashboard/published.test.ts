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
    ['survivors_served.type_age', 'coalition', ['year', 'fy', 'sfy']],
    ['survivors_served.type_age', 'SCL', []],
    ['professionals_trained.discipline', 'SBN', ['quarter', 'half', 'year', 'fy', 'sfy']],
    ['no_such_table', 'coalition', []],
  ])('%s in %s: %j', (code, geo, intervals) => {
    expect(publishedIntervals(members, code, geo)).toEqual(intervals);
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
    expect(withheld(members, [['survivors_served.citizenship']], period, geo)).toMatchObject({
      ...reason,
      kinds: ['year', 'fy', 'sfy'],
    });
  });

  test('published: no reason', () => {
    expect(withheld(members, [['survivors_served.citizenship']], '2025', 'coalition')).toBeNull();
  });

  test('not published to this audience at all: left out without a word', () => {
    expect(withheld(members, [['victims_identified.trafficking_type']], '2025', 'coalition')).toBeNull();
  });
});

describe('what to open instead', () => {
  const reason = withheld(members, [['survivors_served.citizenship']], '2025Q4', 'coalition');

  test('the published years that contain the quarter, calendar year first', () => {
    expect(reason && openInstead(reason, '2025Q4', 'coalition').map((o) => o.period)).toEqual([
      '2025',
      'SFY2026',
    ]);
    expect(reason && openInstead(reason, '2026Q1', 'coalition').map((o) => o.period)).toEqual(['SFY2026']);
  });

  test('a county’s year opens the whole coalition’s', () => {
    const county = withheld(members, [['survivors_served.citizenship']], '2025', 'SCL');
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
    const notice = breakdownNotice(countyYear, view, {
      countyBreakdowns: [{ section: 'law_enforcement', minimumAgencies: 3, counties: [], explanation }],
      sections: ['law_enforcement'],
      counties: 2,
    });
    expect(notice.title).toBe('Breakdowns are published for the whole coalition');
    expect(notice.paragraphs).toEqual([explanation]);
  });

  test('otherwise, the plan publishes breakdowns coalition-wide only, and says why', () => {
    const notice = breakdownNotice(countyYear, view, {
      countyBreakdowns: [],
      sections: ['survivors'],
      counties: 2,
    });
    expect(notice.paragraphs).toEqual([
      "With two counties, the coalition's breakdown minus one county's would give the other county's away, so neither county's breakdowns are published. San Benito County's totals are shown here.",
    ]);
    const many = breakdownNotice(countyYear, view, {
      countyBreakdowns: [],
      sections: ['survivors'],
      counties: 5,
    });
    expect(many.paragraphs[0]).toMatch(
      /^Set against the coalition's, one county's breakdown could give away/,
    );
  });

  test.each([
    [['year', 'fy'] as const, 'by calendar year and federal fiscal year'],
    [['year', 'fy', 'sfy'] as const, 'by calendar year, federal fiscal year and California fiscal year'],
    [['quarter'] as const, 'by quarter'],
  ])('%j reads "%s"', (kinds, words) => {
    expect(byKindsInWords(kinds)).toBe(words);
  });
});
