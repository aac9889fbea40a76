import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a narrow screen instead of squeezing its columns. The
 * wrapper is a region (a <section>) named by the table's caption, and focusable so keyboard users
 * can scroll it too.
 */
export function TableScroll({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard scrolling (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </section>
  );
}
