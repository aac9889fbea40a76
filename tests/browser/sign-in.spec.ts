import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const password = 'scope-demo-2026';

async function signIn(page: Page, email: string) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
}

test('the sign-in page explains Scope, refuses a wrong password in words, and passes axe', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Scope' })).toBeVisible();
  await expect(page.getByText('aggregate, de-identified counts only').first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Email').fill('admin@scope.demo');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText("That email and password don't match an account");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/sign-in-error.png', fullPage: true });
});

test('signing in with "Sign me out everywhere else" ends the session left open on another computer', async ({
  browser,
  page,
}) => {
  const elsewhere = await browser.newPage();
  await signIn(elsewhere, 'viewer@scope.demo');
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('viewer@scope.demo');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('checkbox', { name: 'Sign me out everywhere else' }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/sign-in$/);
  await elsewhere.close();
});

test('a reporter sees their agency, the open quarter with its deadline, and a returned report with its comment', async ({
  page,
}) => {
  await signIn(page, 'reporter2@scope.demo');
  await expect(
    page.getByRole('heading', { level: 1, name: "Your agency's quarterly reports" }),
  ).toBeVisible();
  await expect(page.getByText('Tres Robles Family Advocates').first()).toBeVisible();
  await expect(page.getByText('2026Q4').first()).toBeVisible();
  await expect(page.getByText(/January 30, 2027/).first()).toBeVisible();
  await expect(page.getByText('Returned for correction').first()).toBeVisible();
  await expect(page.getByText(/survivors served are listed with age unknown/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/home-reporter.png', fullPage: true });
});

test('a reporter of another agency sees only their own agency', async ({ page }) => {
  await signIn(page, 'reporter1@scope.demo');
  await expect(page.getByText('Quailcrest Survivor Advocacy Center').first()).toBeVisible();
  await expect(page.getByText('Tres Robles Family Advocates')).toHaveCount(0);
});

test('an admin sees how many agencies submitted, were approved or are missing in recent quarters', async ({
  page,
}) => {
  await signIn(page, 'admin@scope.demo');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Quarterly reporting across the coalition' }),
  ).toBeVisible();
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  for (const quarter of ['2026Q4', '2026Q3', '2026Q2', '2026Q1'])
    await expect(table.getByText(quarter)).toBeVisible();
  // In the demo, two agencies have not submitted 2026Q3.
  await expect(page.getByRole('heading', { name: /2 agencies have not submitted 2026Q3/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/home-admin.png', fullPage: true });
});

test('a viewer sees which quarters have data, and can sign out', async ({ page }) => {
  await signIn(page, 'viewer@scope.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Which quarters have data' })).toBeVisible();
  await expect(page.getByRole('table').getByText('2023Q4')).toBeVisible();
  await expect(page.getByText(/14 of 14/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/home-viewer.png', fullPage: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('the home page works at phone width without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'admin@scope.demo');
  await expect(page.getByRole('table')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/home-admin-phone.png', fullPage: true });
});
