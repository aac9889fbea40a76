import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { headline } from './shape';
import { HeadlineTile } from './Tiles';
import { genderSeries } from './testFixtures';

test.each([
  [
    'published both times',
    genderSeries([
      ['2025Q2', 40, 20, 20],
      ['2026Q1', 50, 25, 25],
      ['2026Q2', 55, 30, 25],
    ]),
    ['55', 'up 5 (+10%)', 'up 15 (+38%)'],
  ],
  [
    'hidden now: no change is shown, and the tile says why',
    genderSeries([
      ['2026Q1', 50, 25, 25],
      ['2026Q2', 'S', 30, 'S'],
    ]),
    [
      'Hidden',
      'no comparison: one of the two figures is hidden',
      'no comparison: not published for both periods',
    ],
  ],
  ['incomplete', genderSeries([['2026Q2', 55, 30, 25, 3]]), ['55', '3 of 4 agencies reported.']],
])('%s', (_name, series, texts) => {
  const html = renderToStaticMarkup(
    <HeadlineTile
      label="Survivors served"
      period="2026Q2"
      people
      headline={headline(series, '2026Q2', '2026Q1', '2025Q2')}
    />,
  );
  for (const text of texts) expect(html).toContain(text);
});
