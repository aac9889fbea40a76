import { type ReactNode, Suspense, useId, useRef, useState } from 'react';
import { saveFile } from '../lib/saveFile';
import { chartCsv, chartFileName } from './csv';
import { ChartDataTable } from './DataTable';
import { drawingSvg, type ImageCaption, pngBlob, svgBlob } from './exportImage';
import { hiddenExplanation } from './format';
import { HatchSwatch } from './Hatch';
import { seriesColour } from './palette';
import { type ChartModel, hasHidden } from './types';
import { useNearViewport, usePrinting } from './useNearViewport';

export type ChartFrameProps = {
  title: string;
  /** A sentence in plain words: what the chart shows and how to read it. */
  description?: ReactNode;
  model: ChartModel;
  /** Notes under the title: how complete the figures are, the unduplicated range. Blank ones are left out. */
  notes?: ReadonlyArray<string | null | undefined>;
  /** Where the numbers come from: the release(s) and catalog version. */
  footnote?: string | null;
  /** Words for the downloaded files' names: the view (period, geography). */
  fileParts: readonly string[];
  /** Draws the chart; given the id its hatch pattern must use. */
  children: (chartId: string) => ReactNode;
  /**
   * The drawing's height in pixels. Given, the chart is drawn only once it nears the screen (or the
   * page is printed) and the space is held until then, so nothing moves. Left out, the drawing is
   * rendered at once (it defers its own parts, like small multiples).
   */
  drawingHeight?: number;
  /** A series legend (off for a single unnamed series). */
  legend?: boolean;
  /** Extra legend entries, such as the hollow dot of an incomplete period. */
  extraLegend?: ReactNode;
  /**
   * The legend's entries for hidden figures, for a chart that draws them its own way (a stack's hidden
   * parts together); by default one entry for the hatching. Given the id the swatches' patterns use.
   */
  hiddenLegend?: (chartId: string) => ReactNode;
  /** Offer SVG and PNG downloads (of small multiples, all of them in one image). */
  images?: boolean;
  headingLevel?: 2 | 3;
};

/**
 * Every chart's frame: its title and notes (how complete, the unduplicated range), a legend that
 * always explains the hatching of hidden figures, the release footnote, and its alternatives — the
 * numbers as a table, a CSV of exactly the cells shown, and SVG and PNG images.
 */
export function ChartFrame({
  title,
  description,
  model,
  notes = [],
  footnote,
  fileParts,
  children,
  legend = true,
  extraLegend,
  hiddenLegend,
  images = true,
  headingLevel = 3,
  drawingHeight,
}: ChartFrameProps) {
  const chartId = `chart${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const headingId = `${chartId}-heading`;
  const tableId = `${chartId}-table`;
  const [showTable, setShowTable] = useState(false);
  const [status, setStatus] = useState('');
  const drawing = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLElement>(null);
  const deferred = drawingHeight !== undefined;
  const near = useNearViewport(frame, deferred);
  const printing = usePrinting(deferred);
  const placeholder = deferred ? (
    <div className="chart__placeholder" style={{ height: drawingHeight }} />
  ) : null;
  // On paper a chart whose drawing hasn't loaded yet prints its numbers instead of an empty box.
  const printedTable =
    printing && !showTable ? (
      <ChartDataTable id={`${tableId}-print`} caption={`${title}: the numbers`} model={model} />
    ) : null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const shownNotes = notes.filter((note): note is string => Boolean(note));
  const hidden = hasHidden(model);

  const caption = (): ImageCaption => ({
    title,
    lines: [
      ...(hidden ? [`Hatched: ${hiddenExplanation}`] : []),
      ...shownNotes,
      ...(footnote ? [footnote] : []),
    ],
  });

  function downloadCsv() {
    const name = chartFileName([title, ...fileParts], 'csv');
    saveFile(new Blob([chartCsv(model.cells)], { type: 'text/csv;charset=utf-8' }), name);
    setStatus(`Downloaded ${name}.`);
  }

  async function downloadImage(kind: 'svg' | 'png') {
    const svg = drawing.current ? drawingSvg(drawing.current) : null;
    if (!svg) {
      setStatus(
        'The chart is not fully drawn yet: scroll through it (every small chart, if it has several), then try again.',
      );
      return;
    }
    const name = chartFileName([title, ...fileParts], kind);
    try {
      saveFile(kind === 'svg' ? svgBlob(svg, caption()) : await pngBlob(svg, caption()), name);
      setStatus(`Downloaded ${name}.`);
    } catch (error) {
      setStatus(error instanceof Error ? error.message : 'The image could not be made.');
    }
  }

  return (
    <figure className="chart" aria-labelledby={headingId} ref={frame}>
      <div className="chart__head">
        <Heading id={headingId} className="chart__title">
          {title}
        </Heading>
        {description ? <p className="chart__description">{description}</p> : null}
        {shownNotes.map((note) => (
          <p className="chart__note" key={note}>
            {note}
          </p>
        ))}
      </div>
      <div
        className="chart__drawing"
        ref={drawing}
        style={deferred ? { minHeight: drawingHeight } : undefined}
      >
        {deferred && !near && !printing ? (
          placeholder
        ) : (
          <Suspense fallback={printedTable ?? placeholder}>{children(chartId)}</Suspense>
        )}
      </div>
      {legend || hidden || extraLegend ? (
        <ul className="chart-legend" aria-label={`Legend: ${title}`}>
          {legend
            ? model.series.map((series, i) => (
                <li key={series.key}>
                  <span
                    className="chart-legend__colour"
                    style={{ background: seriesColour(i) }}
                    aria-hidden="true"
                  />
                  {series.label}
                </li>
              ))
            : null}
          {hidden && hiddenLegend ? hiddenLegend(chartId) : null}
          {hidden && !hiddenLegend ? (
            <li>
              <HatchSwatch chartId={chartId} />
              Hidden to protect privacy (never a zero)
            </li>
          ) : null}
          {extraLegend}
        </ul>
      ) : null}
      {showTable ? <ChartDataTable id={tableId} caption={`${title}: the numbers`} model={model} /> : null}
      {footnote ? <p className="chart__footnote">{footnote}</p> : null}
      <div className="chart__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={showTable}
          aria-controls={showTable ? tableId : undefined}
          onClick={() => setShowTable((shown) => !shown)}
        >
          {showTable ? 'Hide the table' : 'Show as table'}
        </button>
        <span className="chart__download-label" aria-hidden="true">
          Download:
        </span>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={`Download CSV: ${title}`}
          onClick={downloadCsv}
        >
          CSV
        </button>
        {images ? (
          <>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Download SVG: ${title}`}
              onClick={() => void downloadImage('svg')}
            >
              SVG
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Download PNG: ${title}`}
              onClick={() => void downloadImage('png')}
            >
              PNG
            </button>
          </>
        ) : null}
        <p className="chart__status" role="status">
          {status}
        </p>
      </div>
    </figure>
  );
}
