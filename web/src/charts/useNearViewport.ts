import { type RefObject, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * How far outside the viewport a chart starts drawing: most of a phone screen ahead, so scrolling
 * finds it drawn, while a first load draws only what is on screen.
 */
const drawAhead = '600px 0px';

/**
 * Whether an element is, or has been, near the viewport. Once true it stays true; true at once
 * where IntersectionObserver is missing.
 */
export function useNearViewport(ref: RefObject<Element | null>, enabled = true): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (!enabled || near) return;
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: drawAhead },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, enabled, near]);
  return near;
}

/**
 * Whether the page is being printed. It turns true synchronously in `beforeprint` (and when print
 * media starts to apply), before the browser lays the page out for paper, so what renders for
 * print is on the paper.
 */
export function usePrinting(enabled = true): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const print = window.matchMedia?.('print');
    const start = () => flushSync(() => setPrinting(true));
    const end = () => setPrinting(false);
    const onPrintMedia = (event: MediaQueryListEvent) => (event.matches ? start() : end());
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', end);
    print?.addEventListener('change', onPrintMedia);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', end);
      print?.removeEventListener('change', onPrintMedia);
    };
  }, [enabled]);
  return printing;
}
