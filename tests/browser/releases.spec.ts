import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test('an admin sees the demo releases with their audits, publishes a quarter and watches it finish', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('admin@scope.demo');
  await page.getByLabel('Password').fill('scope-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.getByRole('link', { name: 'Releases', exact: true }).click();
  const table = page.getByRole('table', { name: /every release/i });
  await expect(table).toBeVisible();
  // The demo's complete past quarters were published on first start, every audit passed.
  await expect(table.getByText('2026Q2').first()).toBeVisible();
  await expect(table.getByText('Audit passed').first()).toBeVisible();
  await expect(table.getByText('Audit failed')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The publication plan, collapsed until asked for: every table, who sees it, where and how often.
  const plan = page.getByRole('region', { name: 'Publication plan' });
  await expect(plan).toContainText('Published only where every county has at least 3 reporting agencies');
  await plan.getByText(/^Show the plan’s \d+ tables/).click();
  const planTable = plan.getByRole('table', { name: /what is published, to whom, where and how often/ });
  await expect(planTable).toBeVisible();
  const served = planTable
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Survivors served' }) })
    .first();
  await expect(served).toContainText('Each county: calendar years, federal and California fiscal years');
  await expectNoAxeViolations(page);

  await page.locator('#release-period').selectOption('2026Q3');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /approved for 2026Q3/ })).toBeVisible();
  // Only 8 of the demo's 14 agencies are approved for 2026Q3: it can be published only as provisional,
  // once the admin has seen who is missing.
  await expect(page.locator('#publish-button')).toHaveText('Publish 2026Q3 as provisional…');
  await page.locator('#publish-button').click();
  await expect(page.getByRole('heading', { name: 'Publish 2026Q3 as provisional now?' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Missing: 6 agencies' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Missing: 6 agencies' }).getByRole('listitem')).toHaveCount(6);
  await page.getByRole('button', { name: 'Yes, publish 2026Q3 as provisional' }).click();
  await expect(
    page.getByText('2026Q3 release 1 is published').or(page.getByText(/2026Q3.*is published/)),
  ).toBeVisible({
    timeout: 90_000,
  });
  await expect(table.getByText('FY2026').first()).toBeVisible();
  await expect(table.getByText('Provisional: 2026Q3, FY2026')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/releases.png', fullPage: true });

  // The dashboard still opens on the newest complete quarter; the provisional one can be chosen.
  await page.goto('/dashboard');
  const period = page.locator('#view-period');
  await expect(period).toHaveValue('2026Q2');
  await expect(period.locator('option[value="2026Q3"]')).toHaveText(
    /^July to September 2026 \(2026Q3\) · Provisional: 8 of 14 agencies reported$/,
  );
  await expect(page.getByText(/2026Q3\) is provisional \(8 of 14 agencies reported\)/)).toBeVisible();
  await period.selectOption('2026Q3');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/period=2026Q3/);
  await expect(page.getByText('These figures are provisional')).toBeVisible();
  await expect(page.getByText('no comparison: provisional').first()).toBeVisible();
  await expectNoAxeViolations(page);
});
