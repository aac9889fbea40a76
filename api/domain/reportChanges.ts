/**
 * What changed between a report and its regeneration after a correction release: every figure of
 * their tables, charts and trends, compared by section and row, as the history shows it. Plain
 * TypeScript: no database, no HTTP.
 */
import { periodShortLabel } from './periods';
import { type Figure, hiddenMark, type ReportDocument } from './reportDocument';

/** A figure as the comparison shows it: a count, "S" when hidden, null when the report has no such row. */
export type ComparedFigure = number | typeof hiddenMark | null;

export type FigureChange = {
  section: string;
  sectionTitle: string;
  row: string;
  before: ComparedFigure;
  after: ComparedFigure;
};

type Figures = Map<string, { section: string; sectionTitle: string; row: string; figure: Figure }>;

/** Every figure of a document, keyed by section, row and (for a trend) period. */
function figuresOf(doc: ReportDocument): Figures {
  const figures: Figures = new Map();
  const add = (section: { code: string; title: string }, key: string, row: string, figure: Figure) =>
    figures.set(`${section.code}\u0000${key}`, {
      section: section.code,
      sectionTitle: section.title,
      row,
      figure,
    });
  for (const section of doc.sections) {
    if ((section.kind === 'table' || section.kind === 'chart') && section.shown) {
      for (const row of section.rows) add(section, `row:${row.code}`, row.label, row.figure);
      add(section, 'total', 'Total', section.total);
    }
    if (section.kind === 'trend')
      for (const series of section.series)
        section.periods.forEach((period, i) => {
          const label = `${series.name}, ${periodShortLabel(period)}`;
          add(section, `${series.element}:${period}`, label, series.figures[i] ?? null);
          const earlier = series.previousYear?.[i];
          if (earlier !== undefined)
            add(section, `${series.element}:${period}:previous`, `${label}, a year earlier`, earlier);
        });
  }
  return figures;
}

const shown = (figure: Figure | undefined): ComparedFigure =>
  figure === undefined ? null : figure === null ? hiddenMark : figure;

/**
 * The figures that differ between two documents of the same report, in the later one's order (rows
 * only the earlier one had come last): a changed count, one now hidden or shown, one added or gone.
 */
export function documentChanges(before: ReportDocument, after: ReportDocument): FigureChange[] {
  const old = figuresOf(before);
  const now = figuresOf(after);
  const changes: FigureChange[] = [];
  for (const [key, { figure, ...place }] of now) {
    const was = shown(old.get(key)?.figure);
    const is = shown(figure);
    if (was !== is) changes.push({ ...place, before: was, after: is });
  }
  for (const [key, { figure, ...place }] of old)
    if (!now.has(key)) changes.push({ ...place, before: shown(figure), after: null });
  return changes;
}
