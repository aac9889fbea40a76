import { formatFigure } from './format';
import type { ChartModel } from './types';

/**
 * The tooltip of every chart, read from the model rather than from what is drawn, so a hidden
 * figure says "Hidden" (never the stub's length), a stack says its total and what its hidden parts
 * come to, in the table's words, and an incomplete period says so.
 */
export function ModelTooltip({
  model,
  active,
  label,
}: {
  model: ChartModel;
  active?: boolean;
  label?: string | number;
}) {
  if (!active) return null;
  const row = model.rows.find((r) => r.label === label);
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{row.label}</p>
      <ul className="chart-tooltip__list">
        {model.series.map((series) => (
          <li key={series.key}>
            {model.series.length > 1 || series.label !== row.label ? `${series.label}: ` : ''}
            <strong>{formatFigure(row.values[series.key])}</strong>
          </li>
        ))}
        {row.stack ? (
          <li>
            Total: <strong>{formatFigure(row.stack.total)}</strong>
          </li>
        ) : null}
      </ul>
      {row.stack && row.stack.rest.kind !== 'none' ? (
        <p className="chart-tooltip__note">{row.stack.words}</p>
      ) : null}
      {row.note ? <p className="chart-tooltip__note">{row.note}</p> : null}
    </div>
  );
}
