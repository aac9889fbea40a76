import { hatchId, hatchInk } from './palette';

/**
 * The diagonal hatching of hidden marks, as an SVG pattern. Each chart defines its own (inside its
 * <defs>) so a downloaded SVG carries it along.
 */
export function HatchPattern({ chartId }: { chartId: string }) {
  return (
    <pattern
      id={hatchId(chartId)}
      width="6"
      height="6"
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
    >
      <rect width="6" height="6" fill="#ffffff" />
      <line x1="0" y1="0" x2="0" y2="6" stroke={hatchInk} strokeWidth="2.5" />
    </pattern>
  );
}

/**
 * A legend swatch of the hatching, for the words "Hidden to protect privacy"; `faint` for the pale
 * band that marks a hidden total.
 */
export function HatchSwatch({ chartId, faint = false }: { chartId: string; faint?: boolean }) {
  const id = `${hatchId(chartId)}-swatch${faint ? '-faint' : ''}`;
  return (
    <svg
      className="chart-legend__swatch"
      width="18"
      height="14"
      viewBox="0 0 18 14"
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={hatchInk} strokeWidth="2.5" />
        </pattern>
      </defs>
      <rect
        x="0.5"
        y="0.5"
        width="17"
        height="13"
        fill={`url(#${id})`}
        fillOpacity={faint ? 0.4 : 1}
        stroke={faint ? 'none' : hatchInk}
      />
    </svg>
  );
}
