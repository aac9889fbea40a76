import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { chartNamed, expectCsvEqualsApi, expectEveryChartDrawn } from './charts';

test('the public, signed out, reads the public figures with the disclaimer, hidden figures shown as hidden', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Public figures' }).click();
  await expect(page).toHaveURL(/\/public$/);
  await expect(page.getByRole('heading', { level: 1, name: /what our members see/ })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'These numbers are not a complete measure of trafficking' }),
  ).toBeVisible();

  // The newest quarter: totals and trends; breakdowns are published for years, and it says so once.
  await expectEveryChartDrawn(page, 3);
  for (const title of [
    'Survivors served',
    'Trainings and outreach events',
    'Professionals trained, by discipline',
  ])
    await expect(chartNamed(page, title), title).toBeVisible();
  const notice = page.getByRole('region', { name: 'Breakdowns are published for calendar and fiscal years' });
  await expect(notice).toContainText('published by calendar year and federal fiscal year, not by quarter');
  await expectNoAxeViolations(page);

  // Only a period filter: the public figures are coalition-wide.
  await expect(page.locator('#view-geo')).toHaveCount(0);
  await page.locator('#view-period').selectOption('FY2025');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/\/public\?period=FY2025$/);
  await expect(page.getByText('Showing October 2024 to September 2025 (federal FY 2025)')).toBeVisible();
  await expectEveryChartDrawn(page, 10);
  for (const title of [
    'Survivors served by federal fiscal year, by type of trafficking',
    'Minors and adults',
    'Gender identity',
    'Citizenship',
    'LGBTQ+ identity',
    'Disability',
    'Services provided',
    'Referral sources',
  ])
    await expect(chartNamed(page, title), title).toBeVisible();
  // What is published to members only is not on the public page at all.
  for (const title of ['Age group', 'Race and ethnicity', 'Trafficking context', 'County of service'])
    await expect(chartNamed(page, title), title).toHaveCount(0);
  await expect(page.getByText('Hidden to protect privacy (never a zero)').first()).toBeVisible();

  const services = chartNamed(page, 'Services provided');
  await expectCsvEqualsApi(
    page,
    services,
    '/api/stats/services_provided.service?period=FY2025&geo=coalition&audience=public',
  );
  await services.getByRole('button', { name: 'Show as table' }).click();
  await expect(services.getByRole('table')).toBeVisible();
  // The public's referral sources and genders are the grouped ones.
  await expectCsvEqualsApi(
    page,
    chartNamed(page, 'Referral sources'),
    '/api/stats/referrals_received.referral_source:referral_grouped?period=FY2025&geo=coalition&audience=public',
  );
  await expectCsvEqualsApi(
    page,
    chartNamed(page, 'Gender identity'),
    '/api/stats/survivors_served.gender:gender_grouped?period=FY2025&geo=coalition&audience=public',
  );
  await expectNoAxeViolations(page);
});
