import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { ChartFrame } from './ChartFrame';
import { ChartDataTable } from './DataTable';
import type { ChartModel } from './types';

const model: ChartModel = {
  series: [{ key: 'value', label: 'Count' }],
  rows: [
    { key: 'female', label: 'Female', values: { value: { value: 51, suppressed: false } } },
    { key: 'male', label: 'Male', values: { value: { value: null, suppressed: true } } },
    { key: 'other', label: 'Not reported', values: { value: { value: 0, suppressed: false } } },
  ],
  cells: [],
  rowHeading: 'Gender identity',
  unit: 'survivors',
};

test('the frame names the chart, its notes and release, explains hidden marks and offers the alternatives', () => {
  const html = renderToStaticMarkup(
    <ChartFrame
      title="Gender identity"
      model={model}
      notes={['All 12 agencies expected reported.', null]}
      footnote="From the 2026Q2 release 1, catalog version 1."
      fileParts={['2026Q2', 'coalition']}
    >
      {(chartId) => <svg data-chart={chartId} />}
    </ChartFrame>,
  );
  expect(html).toMatch(/<h3 id="[^"]+" class="chart__title">Gender identity<\/h3>/);
  expect(html).toContain('All 12 agencies expected reported.');
  expect(html).toContain('From the 2026Q2 release 1, catalog version 1.');
  expect(html).toContain('Hidden to protect privacy (never a zero)');
  expect(html).toContain('Show as table');
  expect(html).toMatch(/aria-label="Download CSV: Gender identity"[^>]*>CSV</);
  expect(html).toMatch(/aria-label="Download PNG: Gender identity"[^>]*>PNG</);
});

test('a deferred drawing holds its height until the chart nears the screen', () => {
  const html = renderToStaticMarkup(
    <ChartFrame title="Gender identity" model={model} fileParts={[]} drawingHeight={240}>
      {(chartId) => <svg data-chart={chartId} />}
    </ChartFrame>,
  );
  expect(html).toContain('<div class="chart__drawing" style="min-height:240px">');
  expect(html).toContain('<div class="chart__placeholder" style="height:240px"></div>');
  expect(html).not.toContain('<svg data-chart');
  // The words and the alternatives are there before the drawing.
  expect(html).toContain('Show as table');
  expect(html).toContain('Hidden to protect privacy (never a zero)');
});

test('without hidden figures there is no hidden legend, and images can be left out', () => {
  const html = renderToStaticMarkup(
    <ChartFrame
      title="Trainings"
      model={{ ...model, rows: model.rows.slice(0, 1) }}
      fileParts={[]}
      legend={false}
      images={false}
    >
      {() => null}
    </ChartFrame>,
  );
  expect(html).not.toContain('Hidden to protect privacy');
  expect(html).not.toContain('SVG');
});

test('the table alternative shows a hidden figure as S with words for screen readers, and zero as 0', () => {
  const html = renderToStaticMarkup(
    <ChartDataTable id="t" caption="Gender identity: the numbers" model={model} />,
  );
  expect(html).toContain('<caption id="t-caption">Gender identity: the numbers</caption>');
  expect(html).toContain('<td class="num">51</td>');
  expect(html).toContain(
    '<td class="num"><span aria-hidden="true">S</span><span class="visually-hidden">Hidden</span></td>',
  );
  expect(html).toContain('<td class="num">0</td>');
  expect(html).toContain('S: hidden to protect privacy.');
});
