import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const report = '/report/QUAILCREST/2026Q4';

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('scope-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

const box = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const allSaved = (page: Page) =>
  expect(page.locator('.save-status__text')).toHaveText(/All (other )?changes saved at/, { timeout: 10_000 });

test('a quarter from first entry to approval: opened early, validation, CSV upload, explanation, return, resubmit, approve', async ({
  page,
}) => {
  test.setTimeout(150_000);

  // The demo's 2026Q4 is still under way (these tests run before 2027): closed for entry until the
  // admin opens it early.
  await test.step('before 2026Q4 ends, the reporter sees when it opens and cannot enter it', async () => {
    await signIn(page, 'reporter1@scope.demo');
    await expect(page.getByText('Opens for entry January 1, 2027').first()).toBeVisible();
    await page.getByRole('link', { name: "This quarter's report" }).click();
    await expect(page).toHaveURL(/\/report\/QUAILCREST\/2026Q4$/);
    await expect(
      page.getByText(/2026Q4 is not open for entry yet\. It opens on January 1, 2027/),
    ).toBeVisible();
    await expect(page.locator('input[inputmode="numeric"]')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await signOut(page);
  });

  await test.step('the admin opens 2026Q4 early for every agency, after confirming', async () => {
    await signIn(page, 'admin@scope.demo');
    await page.getByRole('link', { name: 'Completeness', exact: true }).click();
    await page.getByRole('button', { name: 'Open 2026Q4 for entry early…' }).click();
    await expect(
      page.getByRole('heading', { name: 'Open 2026Q4 for entry now, for every agency?' }),
    ).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Open 2026Q4 now' }).click();
    await expect(page.getByText('2026Q4 is open for entry now.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Close 2026Q4 until January 1, 2027…' })).toBeVisible();
    await signOut(page);
  });

  await test.step('the reporter starts the quarter from their home page and fills part of the form', async () => {
    await signIn(page, 'reporter1@scope.demo');
    await page.getByRole('link', { name: /Start the 2026Q4 report/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /2026Q4 report/ })).toBeVisible();
    await expectNoAxeViolations(page);

    await box(page, 'Outreach events, total').fill('abc');
    await expect(page.getByText('Use digits only, like 12, or leave the box blank.')).toBeVisible();
    await box(page, 'Outreach events, total').fill('3');
    await box(page, 'Outreach events, total').press('Enter');
    await expect(page.locator(':focus')).toHaveAttribute('aria-label', /.+/);
  });

  await test.step('a validation error shows beside the cell, and goes away when fixed', async () => {
    const shared = box(page, 'Survivors also served by another member agency, total');
    await shared.fill('500');
    await expect(
      page
        .getByText(
          'Needs fixing: Survivors also served by another member agency cannot be more than survivors served.',
        )
        .first(),
    ).toBeVisible();
    await expect(shared).toHaveAttribute('aria-invalid', 'true');
    await page.screenshot({ path: 'test-results/screens/entry-inline-error.png' });
    // No survivors served are entered yet, so none can be shared either.
    await shared.fill('0');
    await expect(shared).not.toHaveAttribute('aria-invalid', 'true');
    await allSaved(page);
  });

  await test.step('a CSV with one mistake is refused by row and column; the corrected file previews and applies', async () => {
    const template = await page.evaluate(async () =>
      (await fetch('/api/submissions/QUAILCREST/2026Q4/template.csv')).text(),
    );
    const lines = template.split('\r\n');
    const row = lines.findIndex((l) => l.startsWith('QUAILCREST,2026Q4,community_reached,'));
    expect(row).toBeGreaterThan(0);
    const withValue = (value: string) =>
      Buffer.from(lines.map((l, i) => (i === row ? l.replace(/,[^,]*$/, `,${value}`) : l)).join('\r\n'));

    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'q4.csv', mimeType: 'text/csv', buffer: withValue('40.5') });
    await page.getByRole('button', { name: 'Check file' }).click();
    const refusal = page.locator('.upload-panel [role="alert"]');
    await expect(refusal).toContainText(`Row ${row + 1}, column value`);
    await expect(refusal).toContainText('whole number');
    await expectNoAxeViolations(page);

    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'q4.csv', mimeType: 'text/csv', buffer: withValue('2') });
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(page.getByRole('heading', { name: 'What this file would change' })).toBeVisible();
    await expect(page.locator('.upload-preview')).toContainText('Community members reached');
    await page.screenshot({ path: 'test-results/screens/entry-upload-preview.png' });
    await page.getByRole('button', { name: 'Apply these changes' }).click();
    await expect(page.getByText(/^Applied\./)).toBeVisible();
    await expect(box(page, 'Community members reached, total')).toHaveValue('2');
  });

  await test.step('submitting asks for the warnings to be explained, then goes through', async () => {
    await page.getByRole('button', { name: 'Submit report' }).click();
    await expect(page.locator('.submit-panel__alert')).toContainText(/needs a short explanation/);
    const explanations = page.getByLabel(/Explain this warning/);
    const count = await explanations.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++)
      await explanations.nth(i).fill('A smaller community event this quarter; the count is right.');
    await allSaved(page);
    await page.getByRole('button', { name: 'Submit report' }).click();
    await expect(page.getByText(/Your report was submitted as revision 1/)).toBeVisible({ timeout: 10_000 });
    await expectNoAxeViolations(page);
    await signOut(page);
  });

  await test.step('the admin returns it with a comment', async () => {
    await signIn(page, 'admin@scope.demo');
    await page.goto(report);
    await page.getByRole('button', { name: 'Return for correction' }).click();
    await expect(page.locator('.field-error').first()).toBeVisible();
    await page
      .getByLabel(/Comment for the agency/)
      .fill('Community members reached looks low. Please check the outreach attendance.');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Return for correction' }).click();
    await expect(page.getByText('Returned to the agency with your comment.')).toBeVisible();
    await signOut(page);
  });

  await test.step('the reporter reads the comment, corrects and resubmits', async () => {
    await signIn(page, 'reporter1@scope.demo');
    await page.goto(report);
    await expect(page.getByText('Community members reached looks low.').first()).toBeVisible();
    await box(page, 'Community members reached, total').fill('60');
    await allSaved(page);
    await page.getByRole('button', { name: 'Submit the corrected report' }).click();
    await expect(page.getByText(/Your report was submitted as revision 2/)).toBeVisible({ timeout: 10_000 });
    await signOut(page);
  });

  await test.step('the admin approves, and the quarter locks for the agency', async () => {
    await signIn(page, 'admin@scope.demo');
    await page.goto(report);
    await page.getByRole('button', { name: 'Approve report' }).click();
    await expect(page.getByText('Approved. The report is now locked.')).toBeVisible();
    await expect(page.getByLabel('Reason for reopening (required)')).toBeVisible();
    await page.goto(`${report}/history`);
    await expect(page.getByRole('heading', { name: 'Compare versions' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: 'test-results/screens/history.png', fullPage: true });
    await signOut(page);

    await signIn(page, 'reporter1@scope.demo');
    await page.goto(report);
    await expect(page.getByText(/approved this report, so it is locked/)).toBeVisible();
    await expect(page.locator('input[inputmode="numeric"]')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: 'test-results/screens/entry-locked.png' });
  });
});

test('the admin pages: review queue, completeness with a reminder, and the API reference', async ({
  page,
}) => {
  await signIn(page, 'admin@scope.demo');
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(page).toHaveURL(/\/review/);
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/review.png', fullPage: true });

  await page.getByRole('link', { name: 'Completeness', exact: true }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy reminder for every agency chosen' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/completeness.png', fullPage: true });

  await page.goto('/api/docs');
  await expect(page.getByText('Scope API').first()).toBeVisible();
});
