import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test('an admin reads the audit log in words, filters it from the keyboard, and sees the seals check out', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('admin@scope.demo');
  await page.getByLabel('Password').fill('scope-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);

  // Opening an agency's report is itself recorded.
  await page.goto('/report/BAYLEAF/2026Q3');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2026Q3 report');
  await expect(page.getByText('Bayleaf Community Health Clinic').first()).toBeVisible();

  await page.getByRole('link', { name: 'Audit log', exact: true }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit log entries, newest first' });
  await expect(table).toBeVisible();
  await expect(
    table.getByText('Opened Bayleaf Community Health Clinic’s 2026 Q3 report').first(),
  ).toBeVisible();
  await expect(table.getByText('Signed in').first()).toBeVisible();
  await expect(page.getByText(/The seals check out/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/audit.png', fullPage: true });

  // Filters by keyboard alone: choose what was done, tab to Show, press Enter.
  const action = page.getByLabel('What was done');
  await action.focus();
  await action.selectOption({ label: 'Publishing a release' });
  // The date fields take a few stops each (month, day, year); Show comes within a dozen.
  const show = page.getByRole('button', { name: 'Show' });
  for (
    let stop = 0;
    stop < 12 && !(await show.evaluate((button) => button === document.activeElement));
    stop += 1
  )
    await page.keyboard.press('Tab');
  await expect(show).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/action=publish-release/);
  await expect(table.getByText(/^Published the .* release$/).first()).toBeVisible();
  await expect(table.getByText('Signed in')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Clear filters' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A day with nothing in it says so.
  await page.getByLabel('From').fill('2001-01-01');
  await page.getByLabel('To').fill('2001-01-02');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await expectNoAxeViolations(page);
});
