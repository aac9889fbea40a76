import { expect, test } from '@playwright/test';
import { totpCode, totpStep } from '../../api/auth/totp';
import { expectNoAxeViolations } from './axe';

const email = 'reporter14@scope.demo';
const password = 'scope-demo-2026';

test('a person sets up two-factor sign-in on their account page, then signs in with a code, and turns it off again', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.getByRole('link', { name: 'Your account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Your sessions, newest first' })).toContainText('(this one)');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await expect(
    page.getByRole('img', { name: 'QR code holding your two-factor secret for Scope' }),
  ).toBeVisible();
  const secret = ((await page.locator('.two-factor-setup__secret').textContent()) ?? '').replaceAll(' ', '');
  await expectNoAxeViolations(page);
  const step = totpStep(new Date());
  await page.getByLabel('Code from your app').fill(totpCode(secret, step));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
  const recoveryCodes = await page.locator('.recovery-codes__list code').allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/account-recovery-codes-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'I have saved these' }).click();
  await expect(page.getByText('10 recovery codes')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out', exact: true }).first().click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const codeField = page.getByLabel('6-digit code');
  await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');
  await expectNoAxeViolations(page);
  // The confirming code's step is used; the next one is accepted too, for a clock a little ahead.
  await codeField.fill(totpCode(secret, Math.max(step, totpStep(new Date())) + 1));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto('/account');
  const turnOff = page.getByRole('form', { name: 'Turn off two-factor sign-in' });
  await turnOff.getByLabel('Password').fill(password);
  await turnOff.getByLabel('Code from your app, or a recovery code').fill(recoveryCodes[0] as string);
  await turnOff.getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByText('Two-factor sign-in is off')).toBeVisible();
});
