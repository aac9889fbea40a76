import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { chartNamed, expectEveryChartDrawn } from './charts';

// What the publication plan publishes for the last calendar year, drawn with its values: the type
// of trafficking, minors and adults, and gender, for members and (grouped) for the public.

type ApiCell = Record<string, string | number | boolean | null>;

/** The values a published table shows for one category (its options, not the total). */
async function shownValues(page: Page, path: string, category: string): Promise<number[]> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  const body = (await response.json()) as
    | { cells: ApiCell[] }
    | { periods: Array<{ period: string; cells: ApiCell[] }> };
  const cells = 'cells' in body ? body.cells : (body.periods.find((p) => p.period === '2025')?.cells ?? []);
  // One option of the category, every other category at its total.
  const isOption = (c: ApiCell) =>
    c[category] !== '_total' &&
    Object.entries(c).every(
      ([key, v]) => key === category || key === 'value' || key === 'suppressed' || v === '_total',
    );
  return cells
    .filter((c) => isOption(c) && !c.suppressed && typeof c.value === 'number')
    .map((c) => c.value as number);
}

/** Opens a chart's table and checks every published value of it is there, and it has some. */
async function expectTableShows(chart: Locator, values: readonly number[]) {
  expect(values.length).toBeGreaterThan(0);
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  await chart.getByRole('button', { name: 'Show as table' }).click();
  const table = chart.getByRole('table');
  await expect(table).toBeVisible();
  for (const value of values)
    await expect(
      table.getByRole('cell', { name: value.toLocaleString('en-US'), exact: true }).first(),
    ).toBeVisible();
}

test('the last calendar year: type of trafficking, minors and adults and gender, for members and the public', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('viewer@scope.demo');
  await page.getByLabel('Password').fill('scope-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto('/dashboard?period=2025');
  await expect(page.getByText('Showing Calendar year 2025, Whole coalition (both counties).')).toBeVisible();
  await expectEveryChartDrawn(page, 16);
  await expectTableShows(
    chartNamed(page, 'Survivors served by calendar year, by type of trafficking'),
    await shownValues(
      page,
      '/api/stats/survivors_served.type_age/series?geo=coalition&interval=year',
      'trafficking_type',
    ),
  );
  await expectTableShows(
    chartNamed(page, 'Minors and adults'),
    await shownValues(
      page,
      '/api/stats/survivors_served.type_age:age_minor_adult?period=2025&geo=coalition',
      'age_group',
    ),
  );
  // Members are published the finer genders.
  await expectTableShows(
    chartNamed(page, 'Gender identity'),
    await shownValues(page, '/api/stats/survivors_served.gender?period=2025&geo=coalition', 'gender'),
  );
  await expect(
    chartNamed(page, 'Gender identity').getByRole('rowheader', { name: 'Transgender' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The public page of the same year: the same charts, the genders grouped.
  await page.goto('/public?period=2025');
  await expect(page.getByText('Showing Calendar year 2025, across the coalition.')).toBeVisible();
  await expectEveryChartDrawn(page, 10);
  const audience = '&audience=public';
  await expectTableShows(
    chartNamed(page, 'Survivors served by calendar year, by type of trafficking'),
    await shownValues(
      page,
      `/api/stats/survivors_served.type_age/series?geo=coalition&interval=year${audience}`,
      'trafficking_type',
    ),
  );
  await expectTableShows(
    chartNamed(page, 'Minors and adults'),
    await shownValues(
      page,
      `/api/stats/survivors_served.type_age:age_minor_adult?period=2025&geo=coalition${audience}`,
      'age_group',
    ),
  );
  const gender = chartNamed(page, 'Gender identity');
  await expectTableShows(
    gender,
    await shownValues(
      page,
      `/api/stats/survivors_served.gender:gender_grouped?period=2025&geo=coalition${audience}`,
      'gender',
    ),
  );
  await expect(gender.getByRole('rowheader', { name: 'Another identity or not reported' })).toBeVisible();
  await expect(gender.getByRole('rowheader', { name: 'Transgender' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
