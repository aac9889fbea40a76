import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { chartNamed } from './charts';

const title = 'Survivors served by quarter, by type of trafficking';
const parts = ['sex', 'labor', 'sex_and_labor', 'unknown'];

type ApiCell = { trafficking_type: string; age_group: string; value: number | null; suppressed: boolean };
type Series = { periods: Array<{ period: string; cells: ApiCell[] }> };

async function signInAsViewer(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('viewer@scope.demo');
  await page.getByLabel('Password').fill('scope-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** The stack chart's quarters as the stats API publishes them: each total and its parts by type. */
async function publishedQuarters(page: Page, geo: string) {
  const response = await page.request.get(
    `/api/stats/survivors_served.type_age/series?geo=${geo}&interval=quarter`,
  );
  expect(response.status()).toBe(200);
  const series = (await response.json()) as Series;
  return series.periods.map(({ period, cells }) => {
    const byType = (type: string) =>
      cells.find((c) => c.age_group === '_total' && c.trafficking_type === type) as ApiCell;
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

test('the stacked bar of a quarter with hidden parts stands at its published total, and says what is hidden', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInAsViewer(page);
  const quarters = await publishedQuarters(page, 'coalition');
  const q2 = quarters.find((q) => q.period === '2026Q2');
  // The demo's 2026Q2: the total published, some parts hidden (79 survivors, 32 of them shown).
  expect(q2?.total.suppressed).toBe(false);
  const hidden = q2?.parts.filter((p) => p.suppressed).length ?? 0;
  expect(hidden).toBeGreaterThan(0);
  const total = q2?.total.value as number;
  const rest = total - (q2?.parts ?? []).reduce((sum, p) => sum + (p.value ?? 0), 0);

  await page.goto('/dashboard?period=2026Q2');
  const chart = chartNamed(page, title);
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('svg.recharts-surface')).toBeVisible();

  // The bar's drawn height is the published total on the chart's own scale, from the axis up.
  const column = await drawnColumn(chart, '2026 Q2');
  expect(Math.abs(column.bottom - column.zeroY)).toBeLessThan(1);
  expect(Math.abs((column.bottom - column.top) / column.pixelsPerUnit - total)).toBeLessThan(0.5);
  expect(column.fills.some((fill) => fill.includes('hidden-hatch'))).toBe(true);
  // Labelled with the rest ("hidden: 47 in all", or only "47" where more quarters make bars narrow).
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
  const row = chart.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^2026 Q2/ }) });
  await expect(row.getByRole('cell').nth(4)).toHaveText(String(total));
  await expect(row.getByRole('cell').nth(5)).toHaveText(words);
  // By keyboard: focus shows the first quarter and the arrow keys move on, to 2026Q2.
  await chart.locator('svg.recharts-surface').focus();
  const steps = quarters.findIndex((q) => q.period === '2026Q2');
  for (let i = 0; i < steps; i += 1) await page.keyboard.press('ArrowRight');
  const tooltip = chart.locator('.chart-tooltip');
  await expect(tooltip).toContainText('2026 Q2');
  await expect(tooltip).toContainText(`Total: ${total}`);
  await expect(tooltip).toContainText(words);
  await expectNoAxeViolations(page);
});

test('a quarter whose total is hidden draws no short bar: a faint band marks it as hidden', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInAsViewer(page);
  const quarters = await publishedQuarters(page, 'SBN');
  const totalHidden = quarters.find((q) => q.total.suppressed);
  expect(totalHidden, 'a San Benito quarter with its total hidden').toBeDefined();
  const label = `${totalHidden?.period.slice(0, 4)} ${totalHidden?.period.slice(4)}`;

  await page.goto('/dashboard?period=2026Q2&geo=SBN');
  const chart = chartNamed(page, title);
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('svg.recharts-surface')).toBeVisible();
  const column = await drawnColumn(chart, label);
  // Only the hatched band, from the axis to the top of the scale: no part of the total drawn.
  expect(column.fills.length).toBeGreaterThan(0);
  expect(column.fills.every((fill) => fill.includes('hidden-hatch'))).toBe(true);
  expect(Math.abs(column.bottom - column.zeroY)).toBeLessThan(1);
  await expect(chart.getByText('Total hidden to protect privacy')).toBeVisible();
  await expectNoAxeViolations(page);
});
