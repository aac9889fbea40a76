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
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  // The demo's complete past quarters were published on first start, every audit passed.
  await expect(table.getByText('2026Q2').first()).toBeVisible();
  await expect(table.getByText('Audit passed').first()).toBeVisible();
  await expect(table.getByText('Audit failed')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.locator('#release-period').selectOption('2026Q3');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /approved for 2026Q3/ })).toBeVisible();
  await page.locator('#publish-button').click();
  await page.getByRole('button', { name: /^Yes, publish/ }).click();
  await expect(
    page.getByText('2026Q3 release 1 is published').or(page.getByText(/2026Q3.*is published/)),
  ).toBeVisible({
    timeout: 90_000,
  });
  await expect(table.getByText('FY2026').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/releases.png', fullPage: true });
});
