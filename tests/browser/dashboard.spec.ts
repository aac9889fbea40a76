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

test('a viewer reads the overview: every chart drawn, hidden figures shown as hidden, filters in the URL', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAsViewer(page);
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expectEveryChartDrawn(page, 12);
  for (const title of [
    'Survivors served by quarter, by type of trafficking',
    'Age group',
    'Gender identity',
    'Citizenship',
    'Race and ethnicity',
    'Services provided',
    'Referral sources',
    'Trafficking context',
    'County of service',
    'Trainings and outreach events',
    'Community members reached by outreach',
    'Professionals trained, by discipline',
  ])
    await expect(chartNamed(page, title), title).toBeVisible();
  await expect(page.getByText('Survivors served', { exact: true }).first()).toBeVisible();

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
  const latest = new URL(page.url()).searchParams.get('period');
  expect(latest).toBeNull();
  const period = await page.locator('#view-period').inputValue();
  await expectCsvEqualsApi(
    page,
    chartNamed(page, 'Citizenship'),
    `/api/stats/survivors_served.citizenship?period=${period}&geo=coalition`,
  );

  // The chart as an image: its own SVG, with the hidden legend and the release footnote written in.
  const downloadingSvg = page.waitForEvent('download');
  await chartNamed(page, 'Citizenship')
    .getByRole('button', { name: /^Download SVG/ })
    .click();
  const svg = readFileSync(await (await downloadingSvg).path(), 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('Hatched: Hidden to protect privacy');
  expect(svg).toMatch(/From the \d{4}Q\d release/);
  const downloadingPng = page.waitForEvent('download');
  await chartNamed(page, 'Citizenship')
    .getByRole('button', { name: /^Download PNG/ })
    .click();
  const png = readFileSync(await (await downloadingPng).path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');

  // Filters change the URL and the charts.
  await page.locator('#view-period').selectOption('2025');
  await page.locator('#view-geo').selectOption('SCL');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\?period=2025&geo=SCL$/);
  await expect(page.getByText('Showing Calendar year 2025, Santa Clara County.')).toBeVisible();
  await expectEveryChartDrawn(page, 12);
  await expect(chartNamed(page, 'Services provided').getByText(/release/)).toContainText('2025');
  await expectCsvEqualsApi(
    page,
    chartNamed(page, 'Services provided'),
    '/api/stats/services_provided.service?period=2025&geo=SCL',
  );
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
  await expectEveryChartDrawn(page, 2);

  await page.getByLabel('Figure').selectOption('survivors_served.citizenship');
  await page.getByLabel('Compare with').selectOption('SBN');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/table=survivors_served\.citizenship&interval=quarter&compare=SBN/);
  const total = chartNamed(page, 'Survivors served by quarter');
  await expect(total).toBeVisible();
  await expect(total.getByRole('listitem').filter({ hasText: 'San Benito County' })).toBeVisible();
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

  await total.getByRole('button', { name: 'Show as table' }).click();
  await expect(total.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Over').selectOption('year');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/interval=year/);
  await expect(chartNamed(page, 'Survivors served by calendar year')).toBeVisible();
  await expectNoAxeViolations(page);
});
