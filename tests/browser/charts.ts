import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** The chart frame titled `title` (its heading names the figure). */
export function chartNamed(page: Page, title: string | RegExp): Locator {
  return page
    .locator('figure.chart')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

/**
 * Waits until every chart has loaded and each one has drawn its SVG. Charts are drawn as they near
 * the screen, so each is scrolled to, as a reader would, before its drawing is looked for.
 */
export async function expectEveryChartDrawn(page: Page, atLeast: number): Promise<void> {
  await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 15_000 });
  const charts = page.locator('figure.chart');
  expect(await charts.count()).toBeGreaterThanOrEqual(atLeast);
  for (const chart of await charts.all()) {
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  }
}

type ApiCell = Record<string, string | number | boolean | null>;

/**
 * Downloads a chart's CSV and checks it holds exactly the option cells of an API table (all but the
 * grand total), value for value, hidden for hidden.
 */
export async function expectCsvEqualsApi(page: Page, chart: Locator, apiPath: string): Promise<void> {
  const downloading = page.waitForEvent('download');
  await chart.getByRole('button', { name: /^Download CSV/ }).click();
  const download = await downloading;
  const file = await download.path();
  const [header, ...rows] = readFileSync(file, 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
  const response = await page.request.get(apiPath);
  expect(response.status()).toBe(200);
  const api = (await response.json()) as {
    table: string;
    period: string;
    geo: string;
    dimensions: Array<{ category: string }>;
    cells: ApiCell[];
  };
  const categories = api.dimensions.map((d) => d.category);
  expect(header).toEqual(['table', 'period', 'geo', ...categories, 'value', 'suppressed']);
  const expected = api.cells
    .filter((cell) => categories.some((c) => cell[c] !== '_total'))
    .map((cell) => [
      api.table,
      api.period,
      api.geo,
      ...categories.map((c) => String(cell[c])),
      cell.suppressed ? '' : String(cell.value),
      String(cell.suppressed),
    ]);
  expect(rows).toEqual(expected);
  expect(rows.length).toBeGreaterThan(0);
}
