import { type ReactNode, Suspense, useRef } from 'react';
import { useNearViewport, usePrinting } from './useNearViewport';

/**
 * A drawing rendered only once it nears the screen (or the page is printed), its height held until
 * then so nothing moves. For drawings outside a ChartFrame's own, such as each small multiple.
 */
export function DeferredDrawing({ height, children }: { height: number; children: ReactNode }) {
  const holder = useRef<HTMLDivElement>(null);
  const near = useNearViewport(holder);
  const printing = usePrinting();
  const placeholder = <div className="chart__placeholder" style={{ height }} />;
  return (
    <div ref={holder} style={{ minHeight: height }}>
      {near || printing ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder}
    </div>
  );
}
