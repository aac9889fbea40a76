import { TableScroll } from '../components/TableScroll';
import { formatFigure } from './format';
import { type ChartModel, type Figure, hasHidden } from './types';

/** A figure in a table cell: "S" (with words for screen readers) when hidden, as DISCLOSURE.md asks. */
export function FigureCell({ figure }: { figure: Figure | undefined }) {
  if (figure?.suppressed)
    return (
      <>
        <span aria-hidden="true">S</span>
        <span className="visually-hidden">Hidden</span>
      </>
    );
  if (!figure || figure.missing || figure.value === null)
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">No data</span>
      </>
    );
  return <>{formatFigure(figure)}</>;
}

/**
 * The table alternative of a chart: one row per bar, stack or period, one column per series, with
 * every hidden figure as "S" and a footnote saying why. Stacks add their total and, in words, what
 * their hidden parts come to.
 */
export function ChartDataTable({ id, caption, model }: { id: string; caption: string; model: ChartModel }) {
  const captionId = `${id}-caption`;
  const notes = model.rows.some((row) => row.note);
  const hidden = hasHidden(model);
  // A stacked chart's table also gives each stack's total and what its hidden parts come to.
  const stacks = model.rows.some((row) => row.stack);
  return (
    <div className="chart-table" id={id}>
      <TableScroll captionId={captionId}>
        <table className="numeric-table">
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{model.rowHeading}</th>
              {model.series.map((series) => (
                <th scope="col" className="num" key={series.key}>
                  {series.label}
                </th>
              ))}
              {stacks ? (
                <>
                  <th scope="col" className="num">
                    Total
                  </th>
                  <th scope="col">Hidden parts</th>
                </>
              ) : null}
              {notes ? <th scope="col">Note</th> : null}
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row) => (
              <tr key={row.key} className={row.current ? 'row--current' : undefined}>
                <th scope="row">
                  {row.label}
                  {row.current ? <span className="cell-note">Chosen period</span> : null}
                </th>
                {model.series.map((series) => (
                  <td className="num" key={series.key}>
                    <FigureCell figure={row.values[series.key]} />
                  </td>
                ))}
                {stacks ? (
                  <>
                    <td className="num">
                      <FigureCell figure={row.stack?.total} />
                    </td>
                    <td>{row.stack?.words ?? ''}</td>
                  </>
                ) : null}
                {notes ? <td>{row.note ?? ''}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {hidden ? (
        <p className="chart-table__footnote">
          S: hidden to protect privacy. The count is small, or could be worked out from other published
          numbers.
        </p>
      ) : null}
    </div>
  );
}
