import type { ReactNode } from 'react';
import type { ReleaseShape as Shape } from './status';

const paths: Record<Shape, ReactNode> = {
  tick: <path d="M3 8.5l3.25 3.25L13 5" />,
  clock: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.75V8l2.5 1.75" />
    </>
  ),
  cross: <path d="M4 4l8 8M12 4l-8 8" />,
  // Two stacked sheets: an older release with a newer one over it.
  replaced: (
    <>
      <path d="M3 5.5v7.5h7.5" />
      <rect x="5.5" y="2.5" width="8" height="8" rx="1" />
    </>
  ),
};

/**
 * A small outline shape for a release's status or audit result. It only repeats the word beside it,
 * for people scanning the table, so it is hidden from screen readers.
 */
export function ReleaseShape({ shape }: { shape: Shape }) {
  return (
    <svg
      className="release-shape"
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
