import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { chartNamed, expectCsvEqualsApi, expectEveryChartDrawn } from './charts';

async function signInAsViewer(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('viewer@scope.demo');
  await page.getByLabel('Password').fill('scope-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
}

test('a viewer reads the overview: a quarter’s totals, a year’s breakdowns, hidden figures shown as hidden, filters in the URL', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAsViewer(page);
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // It opens on the newest quarter: totals and trends, and one notice where the breakdowns would be.
  await expectEveryChartDrawn(page, 4);
  for (const title of [
    'Survivors served and new survivors by quarter',
    'Trainings and outreach events',
    'Community members reached by outreach',
    'Professionals trained, by discipline',
  ])
    await expect(chartNamed(page, title), title).toBeVisible();
  await expect(page.locator('.tile')).toHaveCount(4);
  const notice = page.getByRole('region', {
    name: 'Breakdowns are published for half-years, calendar and fiscal years',
  });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Breakdowns are published/ })).toHaveCount(1);
  await expect(chartNamed(page, 'Citizenship')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The notice opens the year that holds the quarter: every breakdown of it.
  await notice.getByRole('link', { name: /^Open California fiscal year 2025–26/ }).click();
  await expect(page).toHaveURL(/\/dashboard\?period=SFY2026$/);
  await page.locator('#view-period').selectOption('2025');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\?period=2025$/);
  await expectEveryChartDrawn(page, 16);
  for (const title of [
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
    'Professionals trained, by discipline',
  ])
    await expect(chartNamed(page, title), title).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Breakdowns are published/ })).toHaveCount(0);

  // The demo's counts are small: many figures are hidden, and drawn as hidden, never as zero.
  await expect(page.getByText('Hidden to protect privacy (never a zero)').first()).toBeVisible();
  const age = chartNamed(page, 'Age group');
  await age.getByRole('button', { name: 'Show as table' }).click();
  const ageTable = age.getByRole('table');
  await expect(ageTable).toBeVisible();
  await expect(ageTable.getByText('Hidden').first()).toBeAttached();
  await expect(age.getByText(/^S: hidden to protect privacy/)).toBeVisible();
  await expectNoAxeViolations(page);

  // The CSV of a chart is exactly the API's cells for it.
  await expectCsvEqualsApi(
    page,
    chartNamed(page, 'Citizenship'),
    '/api/stats/survivors_served.citizenship?period=2025&geo=coalition',
  );

  // The chart as an image: its own SVG, with the hidden legend and the release footnote written in.
  const downloadingSvg = page.waitForEvent('download');
  await chartNamed(page, 'Gender identity')
    .getByRole('button', { name: /^Download SVG/ })
    .click();
  const svg = readFileSync(await (await downloadingSvg).path(), 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('Hatched: Hidden to protect privacy');
  expect(svg).toMatch(/From the 2025 release/);
  const downloadingPng = page.waitForEvent('download');
  await chartNamed(page, 'Citizenship')
    .getByRole('button', { name: /^Download PNG/ })
    .click();
  const png = readFileSync(await (await downloadingPng).path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');

  // A county: its totals, by year, and why its breakdowns are the whole coalition's.
  await page.locator('#view-geo').selectOption('SCL');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\?period=2025&geo=SCL$/);
  await expect(page.getByText('Showing Calendar year 2025, Santa Clara County.')).toBeVisible();
  await expectEveryChartDrawn(page, 4);
  await expect(chartNamed(page, 'Survivors served and new survivors by calendar year')).toBeVisible();
  const county = page.getByRole('region', { name: 'Breakdowns are published for the whole coalition' });
  await expect(county).toContainText(
    "the coalition's breakdown minus one county's would give the other county's away",
  );
  await expect(
    county.getByRole('link', { name: 'Open calendar year 2025 for the whole coalition' }),
  ).toBeVisible();
  await expect(chartNamed(page, 'Professionals trained, by discipline').getByText(/release/)).toContainText(
    '2025',
  );
  await expectCsvEqualsApi(
    page,
    chartNamed(page, 'Professionals trained, by discipline'),
    '/api/stats/professionals_trained.discipline?period=2025&geo=SCL',
  );
  await expectNoAxeViolations(page);

  // A county's quarter: its survivors are published by year, so it says so and offers the years.
  await page.goto('/dashboard?period=2025Q4&geo=SCL');
  await expect(
    page.getByText(
      /^For Santa Clara County, survivors served, new survivors and trainings delivered are published by calendar year/,
    ),
  ).toBeVisible();
  await expect(page.locator('.tile')).toHaveCount(1);
  await expect(chartNamed(page, 'Survivors served and new survivors by calendar year')).toBeVisible();
  await expectNoAxeViolations(page);

  // A half-year: the breakdowns published by half-year, none drawn empty, and a notice naming the others.
  await page.goto('/dashboard?period=2026H1');
  const half = page.getByRole('region', {
    name: 'Some breakdowns are published for calendar and fiscal years only',
  });
  await expect(half).toBeVisible();
  await expectEveryChartDrawn(page, 9);
  for (const title of ['Minors and adults', 'Gender identity', 'Citizenship', 'Services provided'])
    await expect(chartNamed(page, title), title).toBeVisible();
  await expect(chartNamed(page, 'Age group')).toHaveCount(0);
  await expect(half).toContainText(
    'Age group, LGBTQ+ identity, disability, race and ethnicity, county of service, referral sources and trafficking context are published by calendar year, federal fiscal year and California fiscal year, not by half-year.',
  );
  await expect(half).not.toContainText('gender');
  await expectNoAxeViolations(page);

  // A period with no release yet says so, calmly.
  await page.goto('/dashboard?period=2031Q1');
  await expect(page.getByRole('heading', { name: 'No release yet for this period' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a viewer follows a trend with a comparison and small multiples, and the filters live in the URL', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInAsViewer(page);
  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'Trends', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/trends/);
  await expect(page.getByRole('heading', { level: 1, name: 'Trends' })).toBeVisible();
  await expectEveryChartDrawn(page, 1);
  await expect(chartNamed(page, 'Survivors served by quarter')).toBeVisible();

  // Citizenship is published by half-year and year: a breakdown offers only the intervals it is published at.
  await page.getByLabel('Figure').selectOption('survivors_served.citizenship');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/table=survivors_served\.citizenship&interval=quarter/);
  await expect(
    page.getByText(
      /is published by half-year, calendar year, federal fiscal year and California fiscal year, not by quarter; showing it by calendar year\./,
    ),
  ).toBeVisible();
  await expect(page.getByLabel('Over').locator('option')).toHaveText([
    'Half-years',
    'Calendar years',
    'Federal fiscal years',
    'California fiscal years',
  ]);
  await expect(page.getByRole('heading', { name: 'By citizenship' })).toBeVisible();
  await expectEveryChartDrawn(page, 2);

  // The small multiples save as one image: every small chart, each under its group's name.
  const multiples = chartNamed(page, /one chart per group/);
  const groups = multiples.locator('li.multiples__item');
  for (const group of await groups.all()) await group.scrollIntoViewIfNeeded();
  await expect(multiples.locator('svg.recharts-surface')).toHaveCount(await groups.count());
  const saving = page.waitForEvent('download');
  await multiples.getByRole('button', { name: /^Download SVG/ }).click();
  const image = readFileSync((await (await saving).path()) as string, 'utf8');
  expect(image.match(/class="recharts-surface/g)?.length).toBe(await groups.count());
  expect(image).toContain('U.S. citizen');
  await expectNoAxeViolations(page);

  // Survivors served, county against county, by year.
  await page.getByLabel('Figure').selectOption('survivors_served');
  await page.getByLabel('Over').selectOption('year');
  await page.getByLabel('Area').selectOption('SCL');
  await page.getByLabel('Compare with').selectOption('SBN');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/table=survivors_served&interval=year&geo=SCL&compare=SBN/);
  const total = chartNamed(page, 'Survivors served by calendar year');
  await expect(total).toBeVisible();
  await expect(total.getByRole('listitem').filter({ hasText: 'San Benito County' })).toBeVisible();
  await total.getByRole('button', { name: 'Show as table' }).click();
  await expect(total.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page);
});
