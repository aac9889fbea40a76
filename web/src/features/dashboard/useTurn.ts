import { useEffect, useState } from 'react';

/**
 * Work the page's pieces queue for, served one per browser task: starting a request, rendering what
 * just arrived. When a dozen chart frames start their requests or get their answers together, each
 * does so in a short task of its own, so a tap or keypress in between is handled at once, rather
 * than waiting behind one long task. Served in the order asked, so the headline tiles go first.
 */
const waiting: Array<() => void> = [];
let scheduled = false;

function serveNext() {
  scheduled = false;
  waiting.shift()?.();
  if (waiting.length > 0) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  setTimeout(serveNext, 0);
}

/** Queues `work` for its turn; returns a function that takes it out of the queue if still there. */
function takeTurn(work: () => void): () => void {
  waiting.push(work);
  schedule();
  return () => {
    const index = waiting.indexOf(work);
    if (index >= 0) waiting.splice(index, 1);
  };
}

/** False until this piece's first turn, then true: for starting its request. */
export function useStarted(): boolean {
  const [started, setStarted] = useState(false);
  useEffect(() => (started ? undefined : takeTurn(() => setStarted(true))), [started]);
  return started;
}

/**
 * The last `value` whose turn has come: `value` itself once this piece has been served since it
 * changed, until then the value served before. A value already there when the piece mounts (from
 * the cache, going back to a page) is served at once; undefined values need no turn.
 */
export function useTurn<T>(value: T | undefined): T | undefined {
  const [served, setServed] = useState<T | undefined>(value);
  useEffect(() => {
    if (value === undefined || value === served) return;
    return takeTurn(() => setServed(() => value));
  }, [value, served]);
  return served;
}
