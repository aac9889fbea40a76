import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { chartNamed } from './charts';

const title = 'Survivors served by calendar year, by type of trafficking';
const parts = ['sex', 'labor', 'sex_and_labor', 'unknown'];

type ApiCell = { trafficking_type: string; value: number | null; suppressed: boolean };
type Series = { periods: Array<{ period: string; cells: ApiCell[] }> };

/** The stack chart's years as the stats API publishes them to the public: each total and its parts by type. */
async function publishedYears(page: Page) {
  const response = await page.request.get(
    '/api/stats/survivors_served.type_age/series?geo=coalition&interval=year&audience=public',
  );
  expect(response.status()).toBe(200);
  const series = (await response.json()) as Series;
  return series.periods.map(({ period, cells }) => {
    const byType = (type: string) => cells.find((c) => c.trafficking_type === type) as ApiCell;
    return { period, total: byType('_total'), parts: parts.map(byType) };
  });
}

/**
 * What is drawn in one period's column of a chart, read from the SVG: the stack's top and bottom and
 * the fills of its marks, with the value axis's scale (pixels per survivor, from its 0 and next tick).
 */
async function drawnColumn(chart: Locator, label: string) {
  return chart.locator('svg.recharts-surface').evaluate((svg, label) => {
    const ticks = [...svg.querySelectorAll('.recharts-cartesian-axis-tick-value')];
    const columnTick = ticks.find((t) => t.textContent === label);
    const zero = ticks.find((t) => t.textContent === '0');
    const zeroIndex = ticks.indexOf(zero as Element);
    const next = ticks[zeroIndex + 1] as Element;
    const centre = Number(columnTick?.getAttribute('x'));
    const zeroY = Number(zero?.getAttribute('y'));
    const pixelsPerUnit = (zeroY - Number(next.getAttribute('y'))) / Number(next.textContent);
    const marks = [...svg.querySelectorAll<SVGGraphicsElement>('.recharts-rectangle')]
      .map((mark) => ({ box: mark.getBBox(), fill: mark.getAttribute('fill') ?? '' }))
      .filter(({ box }) => box.height > 0.5 && box.x <= centre && centre <= box.x + box.width);
    return {
      top: Math.min(...marks.map((m) => m.box.y)),
      bottom: Math.max(...marks.map((m) => m.box.y + m.box.height)),
      fills: marks.map((m) => m.fill),
      zeroY,
      pixelsPerUnit,
    };
  }, label);
}

test('the stacked bar of a year with hidden parts stands at its published total, and says what is hidden', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const years = await publishedYears(page);
  const year = years.find((y) => y.period === '2025');
  // The demo's 2025 for the public: the total published, two kinds of trafficking hidden.
  expect(year?.total.suppressed).toBe(false);
  const hidden = year?.parts.filter((p) => p.suppressed).length ?? 0;
  expect(hidden).toBeGreaterThan(0);
  const total = year?.total.value as number;
  const rest = total - (year?.parts ?? []).reduce((sum, p) => sum + (p.value ?? 0), 0);

  await page.goto('/public?period=2025');
  const chart = chartNamed(page, title);
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('svg.recharts-surface')).toBeVisible();

  // The bar's drawn height is the published total on the chart's own scale, from the axis up.
  const column = await drawnColumn(chart, '2025');
  expect(Math.abs(column.bottom - column.zeroY)).toBeLessThan(1);
  expect(Math.abs((column.bottom - column.top) / column.pixelsPerUnit - total)).toBeLessThan(0.5);
  expect(column.fills.some((fill) => fill.includes('hidden-hatch'))).toBe(true);
  // Labelled with the rest ("hidden: 41 in all", or only "41" where bars are narrow).
  await expect(
    chart.locator('svg text').filter({ hasText: new RegExp(`^(hidden:)?${rest}( in all)?$`) }),
  ).toBeVisible();

  // The headline tile shows the same number the bar stands at.
  const tile = page.locator('.tile').filter({ hasText: 'Survivors served' });
  await expect(tile.locator('.tile__value')).toContainText(String(total));

  // The legend explains the hatching; the table and the tooltip say the same in words.
  const words = `${hidden} parts hidden: ${rest} in all`;
  await expect(chart.getByRole('list', { name: `Legend: ${title}` })).toContainText(
    'the hidden parts together (the total minus the parts shown)',
  );
  await chart.getByRole('button', { name: 'Show as table' }).click();
  const row = chart.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^2025/ }) });
  await expect(row.getByRole('cell').nth(4)).toHaveText(String(total));
  await expect(row.getByRole('cell').nth(5)).toHaveText(words);
  // By keyboard: focus shows the first year and the arrow keys move on, to 2025.
  await chart.locator('svg.recharts-surface').focus();
  const steps = years.findIndex((y) => y.period === '2025');
  for (let i = 0; i < steps; i += 1) await page.keyboard.press('ArrowRight');
  const tooltip = chart.locator('.chart-tooltip');
  await expect(tooltip).toContainText('2025');
  await expect(tooltip).toContainText(`Total: ${total}`);
  await expect(tooltip).toContainText(words);
  await expectNoAxeViolations(page);
});
