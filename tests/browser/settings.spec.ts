import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test('an admin renames the coalition and adds a county on the Settings page, at desktop and phone widths', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('admin@scope.demo');
  await page.getByLabel('Password').fill('scope-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByText('Santa Clara County', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/settings.png', fullPage: true });

  // A reporting change typed but not saved stays while another section saves.
  const deadline = page.getByLabel('Reports are due this many days after a quarter ends');
  await deadline.fill('45');
  await page.getByLabel('Name', { exact: true }).fill('Bay Area Coalition Against Trafficking');
  await page.getByRole('button', { name: 'Save names' }).click();
  await expect(page.getByText('Saved: the new names show in the header')).toBeVisible();
  await expect(page.locator('.brand__coalition')).toHaveText('Bay Area Coalition Against Trafficking');
  await expect(deadline).toHaveValue('45');

  // Choosing a county from the state's list, by keyboard.
  await page.getByLabel('Find a county by name').fill('alam');
  await expect(page.getByLabel('County to add')).toHaveValue('06001');
  await page.getByRole('button', { name: 'Add county' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Alameda County', { exact: true })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Alameda');

  // A threshold below its minimum is refused in words beside its own section.
  await page.getByLabel('Public figures: hide counts of people below').fill('2');
  await page.getByRole('button', { name: 'Save protection' }).click();
  await expect(
    page.getByText(/Nothing was changed\. .*The public threshold must be at least 5/),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 375, height: 800 });
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/settings-phone.png', fullPage: true });
});
