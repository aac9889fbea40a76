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
  await expectEveryChartDrawn(page, 8);
  for (const title of [
    'Survivors served',
    'Trainings and outreach events',
    'Gender identity',
    'Citizenship',
    'Services provided',
    'Referral sources',
    'Trafficking context',
    'County of service',
  ])
    await expect(chartNamed(page, title), title).toBeVisible();
  await expect(page.getByText('Hidden to protect privacy (never a zero)').first()).toBeVisible();
  await expectNoAxeViolations(page);

  const period = await page.locator('#view-period').inputValue();
  const services = chartNamed(page, 'Services provided');
  await expectCsvEqualsApi(
    page,
    services,
    `/api/stats/services_provided.service?period=${period}&geo=coalition&audience=public`,
  );
  await services.getByRole('button', { name: 'Show as table' }).click();
  await expect(services.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page);

  // Only a period filter: the public figures are coalition-wide.
  await expect(page.locator('#view-geo')).toHaveCount(0);
  await page.locator('#view-period').selectOption('FY2025');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/\/public\?period=FY2025$/);
  await expect(page.getByText('Showing October 2024 to September 2025 (federal FY 2025)')).toBeVisible();
  await expectEveryChartDrawn(page, 8);
  await expectCsvEqualsApi(
    page,
    chartNamed(page, 'Referral sources'),
    '/api/stats/referrals_received.referral_source?period=FY2025&geo=coalition&audience=public',
  );
});
