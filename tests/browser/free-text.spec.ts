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
  // The admin returns a report awaiting review with a comment of its own, so the demo's other
  // reports, which other journeys read, keep theirs.
  const agency = await page.evaluate(async () => {
    const body = (await (await fetch('/api/submissions?period=2026Q3')).json()) as {
      submissions: Array<{ status: string; agency: { code: string } }>;
    };
    const code = body.submissions.find((s) => s.status === 'submitted')?.agency.code;
    if (!code) return undefined;
    const returned = await fetch(`/api/submissions/${code}/2026Q3/return`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ comment: 'Please check the age groups against last quarter.' }),
    });
    return returned.ok ? code : undefined;
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
