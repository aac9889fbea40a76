import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('scope-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
}

test('an admin removes a return comment from a report’s history, saying why, and it is gone for everyone', async ({
  page,
}) => {
  await signIn(page, 'admin@scope.demo');
  // The demo returns one agency's 2026Q3 report with a comment.
  const agency = await page.evaluate(async () => {
    const body = (await (await fetch('/api/submissions?period=2026Q3')).json()) as {
      submissions: Array<{ status: string; agency: { code: string } }>;
    };
    return body.submissions.find((s) => s.status === 'returned')?.agency.code;
  });
  expect(agency).toBeTruthy();
  await page.goto(`/report/${agency}/2026Q3/history`);

  await page.getByRole('button', { name: /^Remove this text: the comment/ }).click();
  await expect(
    page.getByRole('heading', { name: /^Remove the comment \(Returned for correction/ }),
  ).toBeFocused();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page.getByText('Say why the text is being removed.')).toBeVisible();
  await expect(page.getByLabel(/Why are you removing it/)).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByLabel(/Why are you removing it/).fill('Removed to test the removal.');
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page.getByText(/Comment: \[removed by an administrator on \d{4}-\d{2}-\d{2}\]/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Remove this text: the comment/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const quarters = await page.evaluate(
    async (code) => (await fetch(`/api/agencies/${code}/submissions`)).text(),
    agency,
  );
  expect(quarters).toContain('[removed by an administrator on');
});
