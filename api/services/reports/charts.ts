/**
 * A report's charts as inline vector SVG: sharp at any zoom and in print, no script, no fetch. Colours
 * are the Okabe–Ito palette (told apart with the common colour-vision differences, and each sits beside
 * its name); a hidden figure is a hatched mark labelled "S", never a bar or point at zero. Every chart
 * is followed by its table, which carries the figures in words.
 */

import { periodShortLabel } from '../../domain/periods';
import { type DocumentTable, type DocumentTrend, type Figure, hiddenMark } from '../../domain/reportDocument';
import { escapeHtml } from './escape';
import { formatFigure } from './format';

/** The web app's chart palette (`web/src/charts/palette.ts`), copied: the server does not import the web app. */
const okabeIto = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const seriesColour = (index: number) => okabeIto[index % okabeIto.length] as string;
const hatchInk = '#4a4a4a';

const width = 700;
const font = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"';

function hatchPattern(id: string): string {
  return `<defs><pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${hatchInk}" stroke-width="2.5"/></pattern></defs>`;
}

function svg(id: string, height: number, label: string, body: string): string {
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}" ${font}>${hatchPattern(`${id}-hatch`)}${body}</svg>`;
}

const shorten = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

/** The largest shown figure, or 1 when none is shown, so a scale never divides by zero. */
const largest = (figures: Figure[]) => Math.max(1, ...figures.filter((f): f is number => f !== null));

/** A round number at or above `value` for an axis's top: 1, 2 or 5 times a power of ten. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((step) => step * power).find((top) => top >= value) ?? 10 * power) as number;
}

/** Horizontal bars, one a row, each with its figure; a hidden one a short hatched stub labelled "S". */
function barChart(section: DocumentTable, id: string): string {
  const rowHeight = 24;
  const labelWidth = 270;
  const barSpace = width - labelWidth - 70;
  const scale = largest(section.rows.map((r) => r.figure));
  const height = section.rows.length * rowHeight + 8;
  const bars = section.rows
    .map((row, i) => {
      const y = 4 + i * rowHeight;
      const label = `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" font-size="12" fill="#111">${escapeHtml(shorten(row.label, 36))}</text>`;
      if (row.figure === null)
        return `${label}<rect x="${labelWidth}" y="${y + 4}" width="22" height="16" fill="url(#${id}-hatch)" stroke="${hatchInk}"/><text x="${labelWidth + 28}" y="${y + 16}" font-size="12" font-weight="bold" fill="#111">${hiddenMark}</text>`;
      const barWidth = Math.max(1, (row.figure / scale) * barSpace);
      return `${label}<rect x="${labelWidth}" y="${y + 4}" width="${barWidth.toFixed(1)}" height="16" fill="${seriesColour(0)}"/><text x="${(labelWidth + barWidth + 6).toFixed(1)}" y="${y + 16}" font-size="12" fill="#111">${formatFigure(row.figure)}</text>`;
    })
    .join('');
  return svg(id, height, `Bar chart: ${section.title}`, bars);
}

/**
 * One bar divided into its rows, with a legend naming each part and its figure. Hidden parts can't
 * be sized: each is a hatched stub after the shown parts, labelled "S" in the legend.
 */
function stackedChart(section: DocumentTable, id: string): string {
  const barTop = 8;
  const barHeight = 34;
  const stub = 18;
  const hiddenCount = section.rows.filter((r) => r.figure === null).length;
  const shownSum = section.rows.reduce((sum, r) => sum + (r.figure ?? 0), 0);
  const space = width - 8 - hiddenCount * stub;
  let x = 4;
  const parts = section.rows
    .map((row, i) => {
      if (row.figure === null) return '';
      const partWidth = shownSum > 0 ? (row.figure / shownSum) * space : 0;
      const part = `<rect x="${x.toFixed(1)}" y="${barTop}" width="${partWidth.toFixed(1)}" height="${barHeight}" fill="${seriesColour(i)}" stroke="#ffffff"/>`;
      x += partWidth;
      return part;
    })
    .join('');
  const stubs = Array.from(
    { length: hiddenCount },
    (_, i) =>
      `<rect x="${(x + i * stub).toFixed(1)}" y="${barTop}" width="${stub}" height="${barHeight}" fill="url(#${id}-hatch)" stroke="${hatchInk}"/>`,
  ).join('');
  const legendTop = barTop + barHeight + 14;
  const legend = section.rows
    .map((row, i) => {
      const column = i % 2;
      const y = legendTop + Math.floor(i / 2) * 22;
      const lx = 4 + column * (width / 2);
      const swatch =
        row.figure === null
          ? `<rect x="${lx}" y="${y}" width="14" height="14" fill="url(#${id}-hatch)" stroke="${hatchInk}"/>`
          : `<rect x="${lx}" y="${y}" width="14" height="14" fill="${seriesColour(i)}"/>`;
      return `${swatch}<text x="${lx + 20}" y="${y + 12}" font-size="12" fill="#111">${escapeHtml(shorten(row.label, 30))}: ${formatFigure(row.figure)}</text>`;
    })
    .join('');
  const height = legendTop + Math.ceil(section.rows.length / 2) * 22 + 4;
  return svg(id, height, `Stacked bar: ${section.title}`, parts + stubs + legend);
}

type Line = { name: string; colour: string; dashed: boolean; figures: Figure[] };

/**
 * Lines over the periods, one a series, a year earlier dashed in the same colour. A hidden point
 * breaks its line and is marked by a hatched band over its period, labelled "S".
 */
function trendChart(section: DocumentTrend, id: string): string {
  const lines: Line[] = section.series.flatMap((series, i) => [
    { name: series.name, colour: seriesColour(i), dashed: false, figures: series.figures },
    ...(series.previousYear
      ? [
          {
            name: `${series.name}, a year earlier`,
            colour: seriesColour(i),
            dashed: true,
            figures: series.previousYear,
          },
        ]
      : []),
  ]);
  const left = 56;
  // Room beside the last point for half its label, which is centred on it: "CA FY 2025–26" is the longest.
  const right = 48;
  const top = 14;
  const plotHeight = 180;
  const bottom = top + plotHeight;
  const count = section.periods.length;
  const step = count > 1 ? (width - left - right) / (count - 1) : 0;
  const xOf = (i: number) => (count > 1 ? left + i * step : (left + width - right) / 2);
  const ceiling = niceCeiling(largest(lines.flatMap((l) => l.figures)));
  const yOf = (figure: number) => bottom - (figure / ceiling) * plotHeight;
  const axis = [0, ceiling / 2, ceiling]
    .map(
      (tick) =>
        `<line x1="${left}" x2="${width - right}" y1="${yOf(tick)}" y2="${yOf(tick)}" stroke="#d0d0d0"/><text x="${left - 6}" y="${yOf(tick) + 4}" text-anchor="end" font-size="11" fill="#333">${formatFigure(tick)}</text>`,
    )
    .join('');
  const periods = section.periods
    .map(
      (period, i) =>
        `<text x="${xOf(i)}" y="${bottom + 16}" text-anchor="middle" font-size="11" fill="#333">${escapeHtml(periodShortLabel(period))}</text>`,
    )
    .join('');
  const hiddenBands = section.periods
    .map((_, i) =>
      lines.some((l) => l.figures[i] === null)
        ? `<rect x="${xOf(i) - 8}" y="${top}" width="16" height="${plotHeight}" fill="url(#${id}-hatch)" opacity="0.55"/><text x="${xOf(i)}" y="${top - 2}" text-anchor="middle" font-size="11" font-weight="bold" fill="#111">${hiddenMark}</text>`
        : '',
    )
    .join('');
  const paths = lines
    .map((line) => {
      // Consecutive shown points are joined; a hidden one leaves a gap rather than a guess.
      const runs: string[][] = [[]];
      line.figures.forEach((figure, i) => {
        if (figure === null) runs.push([]);
        else runs.at(-1)?.push(`${xOf(i).toFixed(1)},${yOf(figure).toFixed(1)}`);
      });
      const dash = line.dashed ? ' stroke-dasharray="6 4"' : '';
      const polylines = runs
        .filter((run) => run.length > 1)
        .map(
          (run) =>
            `<polyline points="${run.join(' ')}" fill="none" stroke="${line.colour}" stroke-width="2.5"${dash}/>`,
        )
        .join('');
      const points = line.figures
        .map((figure, i) =>
          figure === null
            ? ''
            : `<circle cx="${xOf(i).toFixed(1)}" cy="${yOf(figure).toFixed(1)}" r="3.5" fill="${line.dashed ? '#ffffff' : line.colour}" stroke="${line.colour}" stroke-width="2"/>`,
        )
        .join('');
      return polylines + points;
    })
    .join('');
  const legendTop = bottom + 32;
  const legend = lines
    .map((line, i) => {
      const y = legendTop + Math.floor(i / 2) * 20;
      const lx = 4 + (i % 2) * (width / 2);
      const dash = line.dashed ? ' stroke-dasharray="6 4"' : '';
      return `<line x1="${lx}" x2="${lx + 26}" y1="${y + 6}" y2="${y + 6}" stroke="${line.colour}" stroke-width="2.5"${dash}/><text x="${lx + 32}" y="${y + 10}" font-size="12" fill="#111">${escapeHtml(shorten(line.name, 40))}</text>`;
    })
    .join('');
  const height = legendTop + Math.ceil(lines.length / 2) * 20 + 4;
  return svg(id, height, `Line chart: ${section.title}`, axis + periods + hiddenBands + paths + legend);
}

/** A table or chart section's chart, as its template names it (a plain table has none). */
export function sectionChart(section: DocumentTable | DocumentTrend): string {
  const id = `chart-${section.code.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  if (section.kind === 'trend') return trendChart(section, id);
  if (section.chart === 'stacked') return stackedChart(section, id);
  return barChart(section, id);
}
