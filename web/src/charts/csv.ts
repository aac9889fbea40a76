/**
 * A chart's CSV download: exactly the published cells it shows, in the stats API's own terms (table,
 * period, geography, the option along each category, value, suppressed), so a download can be checked
 * against the API cell by cell. A hidden cell's value is blank and `suppressed` is `true`.
 */
import { formatCsv } from '../../../api/domain/csv';
import type { ChartCell } from './types';

/** The category columns of a set of cells, in the order they first appear. */
export function csvCategories(cells: readonly ChartCell[]): string[] {
  const seen: string[] = [];
  for (const cell of cells)
    for (const category of Object.keys(cell.coords)) if (!seen.includes(category)) seen.push(category);
  return seen;
}

/** The rows of the CSV, header first. A cell without a category of another table leaves it blank. */
export function chartCsvRows(cells: readonly ChartCell[]): string[][] {
  const categories = csvCategories(cells);
  return [
    ['table', 'period', 'geo', ...categories, 'value', 'suppressed'],
    ...cells.map((cell) => [
      cell.table,
      cell.period,
      cell.geo,
      ...categories.map((category) => cell.coords[category] ?? ''),
      cell.suppressed || cell.value === null ? '' : String(cell.value),
      cell.suppressed ? 'true' : 'false',
    ]),
  ];
}

/** The CSV text (UTF-8 with a byte-order mark and CRLF, as Excel opens cleanly). */
export function chartCsv(cells: readonly ChartCell[]): string {
  return formatCsv(chartCsvRows(cells));
}

/** A safe file name from a chart's title and view: "scope-survivors-by-quarter-2026q2-coalition.csv". */
export function chartFileName(parts: readonly string[], extension: string): string {
  const slug = ['scope', ...parts]
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return `${slug}.${extension}`;
}
