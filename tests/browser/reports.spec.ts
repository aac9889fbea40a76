import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const paragraph =
  'This half-year the project trained officers from three police departments and opened a second drop-in center.';

test('an admin builds the federal-style semiannual report for 2025H2, previews it, makes it, downloads it and finds it in the history', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('admin@scope.demo');
  await page.getByLabel('Password').fill('scope-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.getByRole('link', { name: 'Grant reports', exact: true }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Grant reports' })).toBeVisible();

  await page.getByLabel('Federal-style semiannual performance report', { exact: true }).check();
  const period = page.getByLabel('Period', { exact: true });
  await expect(period.locator('option[value="2025H2"]')).toHaveText(
    /^July to December 2025 \(2025H2\) · protected/,
  );
  await period.selectOption('2025H2');
  await expect(page.getByLabel('Protected', { exact: true })).toBeChecked();
  await expectNoAxeViolations(page);

  // Choosing a confidential report asks why, and says it is recorded; the admin goes back to protected.
  await page.getByLabel('Confidential — exact counts').check();
  await expect(page.getByText(/Making or previewing it is recorded in the audit log/)).toBeVisible();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('Say who the confidential report is for and why.')).toBeVisible();
  await expect(page.getByLabel('Purpose (required)')).toBeFocused();
  await page.getByLabel('Protected', { exact: true }).check();

  // The narrative is saved as a draft when the admin leaves the field.
  const accomplishments = page.getByLabel('Accomplishments');
  await accomplishments.fill(paragraph);
  await expect(page.getByText(`${paragraph.length} of 4,000 characters`)).toBeVisible();
  await accomplishments.press('Tab');
  await expect(page.getByText(/^Saved at \d/)).toBeVisible();

  // The preview is the page the PDF prints, in a sandboxed frame.
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('heading', { name: 'Preview', exact: true })).toBeFocused();
  const preview = page.frameLocator(
    'iframe[title="Preview of the Federal-style semiannual performance report"]',
  );
  await expect(preview.getByText('Federal-style semiannual performance report').first()).toBeVisible();
  await expect(preview.getByText(paragraph)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Make the report' }).click();
  const made = page.getByRole('region', { name: 'Your report' });
  await expect(made.getByText('The report is ready.')).toBeVisible({ timeout: 120_000 });

  const downloadingPdf = page.waitForEvent('download');
  await made.getByRole('link', { name: 'Download the PDF' }).click();
  const pdf = readFileSync(await (await downloadingPdf).path());
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  const downloadingXlsx = page.waitForEvent('download');
  await made.getByRole('link', { name: 'Download the Workbook (XLSX)' }).click();
  const xlsx = readFileSync(await (await downloadingXlsx).path());
  expect(xlsx.subarray(0, 2).toString()).toBe('PK');

  // The history lists it first, with who made it and its files.
  const history = page.getByRole('list', { name: 'Reports made, newest first' });
  const newest = history.getByRole('article').first();
  await expect(newest.getByRole('heading')).toHaveText(
    'Federal-style semiannual performance report · July to December 2025',
  );
  await expect(newest).toContainText('Protected');
  await expect(newest).toContainText('Ready');
  await expect(newest.getByRole('link', { name: 'Download the PDF' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/reports.png', fullPage: true });
});
