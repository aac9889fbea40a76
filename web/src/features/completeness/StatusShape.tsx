import type { ReactNode } from 'react';
import type { CellShape } from './matrix';

const paths: Record<CellShape, ReactNode> = {
  tick: <path d="M3 8.5l3.25 3.25L13 5" />,
  clock: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.75V8l2.5 1.75" />
    </>
  ),
  return: (
    <>
      <path d="M5.5 3L2.5 6l3 3" />
      <path d="M2.5 6h7a3.5 3.5 0 010 7H6.5" />
    </>
  ),
  pencil: <path d="M10.5 2.75l2.75 2.75-7.5 7.5-3.25.5.5-3.25z" />,
  circle: <circle cx="8" cy="8" r="5.5" strokeDasharray="2.2 2.2" />,
  dash: <path d="M4 8h8" />,
};

/**
 * A small outline shape for a status (tick, clock, return arrow, pencil, dashed circle, dash). It
 * only repeats the word beside it, for people scanning the grid, so it is hidden from screen readers.
 */
export function StatusShape({ shape }: { shape: CellShape }) {
  return (
    <svg
      className="status-shape"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {paths[shape]}
    </svg>
  );
}
