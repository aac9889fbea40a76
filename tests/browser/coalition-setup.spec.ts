import { execFileSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { totpCode, totpStep } from '../../api/auth/totp';
import { addQuarters, quarterContaining } from '../../api/domain/periods';
import { expectNoAxeViolations } from './axe';
import { productionTestServer } from './production';

const server = productionTestServer(Number(process.env.SCOPE_BROWSER_TEST_PORT ?? 8788));
test.use({ baseURL: server.url });

const admin = {
  name: 'Inés Calderón',
  email: 'ines@pajarovalley.example',
  password: 'harbor lantern quiet meadow',
};
const reporter = {
  name: 'Tomás Reyes',
  email: 'tomas@coastalhaven.example',
  password: 'copper kettle autumn river',
};

/** The set-up link, made from the server's own shell as a coalition's first admin would. */
function setupLinkPath(): string {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/admin.ts', 'create', admin.email],
    {
      env: {
        ...process.env,
        SCOPE_DB: server.database,
        NODE_ENV: 'production',
        SCOPE_PUBLIC_URL: server.url,
      },
      encoding: 'utf8',
    },
  );
  const link = /https?:\/\/\S+\/setup\/\S+/.exec(output)?.[0];
  if (!link) throw new Error(`npm run admin printed no set-up link:\n${output}`);
  return new URL(link).pathname;
}

/** Looks at a page at desktop and phone widths: axe finds nothing and nothing scrolls sideways. */
async function checkBothWidths(page: Page, heading: string, shot: string) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `test-results/screens/${shot}.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `test-results/screens/${shot}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a new coalition’s admin sets it up from a link, adds two agencies and a reporter, and the reporter accepts the invitation, signs in and sees their agency’s form', async ({
  page,
}) => {
  // Two people's whole first day, with axe run at every page and width.
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const thisQuarter = quarterContaining(new Date().toISOString().slice(0, 10));
  const lastQuarter = addQuarters(thisQuarter, -1).code;

  // The production server started on an empty database with no demo data and no one to sign in.
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('admin@scope.demo');
  await page.getByLabel('Password').fill('scope-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/don't match an account/)).toBeVisible();

  const setupPath = setupLinkPath();
  await page.goto(setupPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your coalition' })).toBeVisible();
  await page.getByLabel('Coalition name').fill('Pajaro Valley Coalition Against Human Trafficking');
  await page.getByLabel('Short name').fill('PVCAHT');
  await page.getByLabel('Find a county').fill('santa cruz');
  await page.getByLabel('Santa Cruz County').check();
  await page.getByLabel('Find a county').fill('monterey');
  await page.getByLabel('Monterey County').check();
  await expect(page.getByText('Chosen (2): Monterey County, Santa Cruz County.')).toBeVisible();
  await page.getByLabel('First quarter your coalition collects').selectOption(lastQuarter);
  await page.getByLabel('Your name').fill(admin.name);
  await expect(page.getByLabel('Your email')).toHaveValue(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Set up the coalition' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your coalition is set up' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Admins must sign in with a second step, so the first sign-in sets up an authenticator app.
  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  const secret = ((await page.locator('.two-factor-setup__secret').textContent()) ?? '').replaceAll(' ', '');
  await expectNoAxeViolations(page);
  await page.getByLabel('Code from your app').fill(totpCode(secret, totpStep(new Date())));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(page.locator('.recovery-codes code')).toHaveCount(10);
  await page.getByRole('button', { name: 'I have saved these, continue' }).click();
  await expect(page.locator('.brand__coalition')).toHaveText(
    'Pajaro Valley Coalition Against Human Trafficking',
  );

  // Settings: the coalition's reporting deadline.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByText('Santa Cruz County', { exact: true })).toBeVisible();
  await page.getByLabel('Reports are due this many days after a quarter ends').fill('45');
  await page.getByRole('button', { name: 'Save reporting' }).click();
  await expect(page.getByText(/^Saved/).first()).toBeVisible();
  await checkBothWidths(page, 'Settings', 'setup-settings');

  // Two agencies: one reporting from last quarter, one joining this quarter.
  await page.getByRole('link', { name: 'Agencies', exact: true }).click();
  for (const agency of [
    {
      name: 'Coastal Haven Survivor Services',
      code: 'COASTAL',
      county: 'Santa Cruz County',
      first: lastQuarter,
    },
    { name: 'Salinas Valley Legal Aid', code: 'SALINAS', county: 'Monterey County', first: thisQuarter.code },
  ]) {
    await page.getByRole('button', { name: 'Add an agency' }).click();
    await page.getByLabel('Name', { exact: true }).fill(agency.name);
    await page.getByLabel('Short code').fill(agency.code);
    await page.getByLabel('Home county').selectOption({ label: agency.county });
    await page.getByLabel('First quarter it reports for').selectOption(agency.first);
    await page.getByRole('button', { name: 'Add agency' }).click();
    await expect(page.getByText(`${agency.name} was added as ${agency.code}.`)).toBeVisible();
  }
  await checkBothWidths(page, 'Agencies', 'setup-agencies');

  // A reporter for the first agency, invited with a link to copy (this server sends no mail).
  await page.getByRole('link', { name: 'People', exact: true }).click();
  const invite = page.getByRole('region', { name: 'Invite someone' });
  await invite.getByLabel('Email address').fill(reporter.email);
  await invite.getByLabel('Role').selectOption({ label: 'Reporter' });
  await invite.getByLabel('Agency').selectOption({ label: 'Coastal Haven Survivor Services' });
  await invite.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByText('Not sent by mail.')).toBeVisible();
  const link = await page.getByLabel(`Link for ${reporter.email}`).inputValue();
  expect(link.startsWith(`${server.url}/welcome/`)).toBe(true);
  await checkBothWidths(page, 'People', 'setup-people');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  // The reporter accepts, signs in and opens their agency's form for last quarter.
  await page.goto(new URL(link).pathname);
  await expect(page.getByText('a reporter for Coastal Haven Survivor Services')).toBeVisible();
  await page.getByLabel('Your name').fill(reporter.name);
  await page.getByLabel('New password').fill(reporter.password);
  await page.getByLabel('Type it again').fill(reporter.password);
  await page.getByRole('button', { name: 'Make my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account is ready' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await expect(page.getByLabel('Email')).toHaveValue(reporter.email);
  await page.getByLabel('Password').fill(reporter.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: "Your agency's quarterly reports" }),
  ).toBeVisible();
  await expect(page.getByText('Coastal Haven Survivor Services').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page
    .getByRole('link', { name: `Start the ${lastQuarter} report` })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/report/COASTAL/${lastQuarter}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${lastQuarter} report`);
  await expect(page.getByText('Coastal Haven Survivor Services').first()).toBeVisible();
  await expect(page.locator('input.count-input').first()).toBeEditable();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/setup-reporter-form.png', fullPage: true });

  // The set-up link worked once.
  await page.goto(setupPath);
  await expect(page.getByRole('heading', { level: 1, name: 'This set-up link can’t be used' })).toBeVisible();
});
