import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test('an admin invites a reporter, who accepts the link, signs in with their email filled in and sees their agency', async ({
  page,
}) => {
  // A whole journey through two people's sign-ins, with axe run seven times.
  test.setTimeout(120_000);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('admin@scope.demo');
  await page.getByLabel('Password').fill('scope-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.getByRole('link', { name: 'People', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByRole('table', { name: /people, active first/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/people.png', fullPage: true });

  const invite = page.getByRole('region', { name: 'Invite someone' });
  await invite.getByLabel('Email address').fill('new.reporter@tresrobles.example');
  await invite.getByLabel('Role').selectOption({ label: 'Reporter' });
  await invite.getByLabel('Agency').selectOption({ label: 'Tres Robles Family Advocates' });
  await invite.getByRole('button', { name: 'Invite' }).click();
  await expect(
    page.getByRole('heading', { name: 'Invitation for new.reporter@tresrobles.example is ready' }),
  ).toBeFocused();
  await expect(page.getByText('Not sent by mail.')).toBeVisible();
  await expectNoAxeViolations(page);
  const link = await page.getByLabel('Link for new.reporter@tresrobles.example').inputValue();
  expect(link).toMatch(/\/welcome\/[\w-]+$/);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(
    page
      .getByRole('table', { name: /Invitations not yet accepted/ })
      .getByRole('rowheader', { name: 'new.reporter@tresrobles.example' }),
  ).toBeVisible();

  // Managing someone: each step asks first, saying what happens.
  await page.getByRole('button', { name: 'Manage Rafael', exact: false }).first().click();
  await page.getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('heading', { name: /^Deactivate .*\?$/ })).toBeFocused();
  await expect(page.getByText(/They are signed out everywhere now/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/people-manage.png', fullPage: true });
  await page.getByRole('button', { name: 'Cancel' }).click();

  // At phone width the page still works and passes axe.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/people-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Scope' })).toBeVisible();
  await expect(page.getByText('a reporter for Tres Robles Family Advocates')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/welcome.png', fullPage: true });
  await page.getByLabel('Your name').fill('Noor Haddad');
  await page.getByLabel('New password').fill('short');
  await page.getByLabel('Type it again').fill('short');
  await page.getByRole('button', { name: 'Make my account' }).click();
  await expect(page.getByRole('alert')).toContainText('Use at least 12 characters');
  await page.getByLabel('New password').fill('lantern orchard pebble ferry');
  await page.getByLabel('Type it again').fill('lantern orchard pebble ferry');
  await page.getByRole('button', { name: 'Make my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account is ready' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/welcome-ready.png', fullPage: true });

  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await expect(page.getByLabel('Email')).toHaveValue('new.reporter@tresrobles.example');
  await page.getByLabel('Password').fill('lantern orchard pebble ferry');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Tres Robles Family Advocates').first()).toBeVisible();

  // The link worked once.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'This invitation doesn’t work' })).toBeVisible();
  await expect(page.getByText('already been used')).toBeVisible();
});
