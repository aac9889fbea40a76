/**
 * Copying text for someone to paste elsewhere (a reminder email, an API token). The clipboard API
 * needs a secure context and permission; when it isn't there, the text is selected instead so the
 * person can copy it with the keyboard, and a polite status message says which happened.
 */
import { useCallback, useRef, useState } from 'react';

/** How a copy attempt ended. */
export type CopyOutcome = 'copied' | 'selected';

/** The status message after copying `what` ("The reminder"), for a polite live region. */
export function copyMessage(what: string, outcome: CopyOutcome): string {
  return outcome === 'copied'
    ? `${what} is copied. You can paste it now.`
    : `${what} couldn't be copied automatically, so it is selected: press Ctrl+C (or Command+C on a Mac) to copy it.`;
}

/**
 * Returns `copy(text, field)` and the latest status `message`. The message is cleared and set again
 * on every attempt, so screen readers announce a second copy as well as the first.
 */
export function useCopyText(what: string) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const copy = useCallback(
    async (text: string, field: HTMLInputElement | HTMLTextAreaElement | null) => {
      let outcome: CopyOutcome = 'copied';
      try {
        if (!navigator.clipboard?.writeText) throw new Error('No clipboard');
        await navigator.clipboard.writeText(text);
      } catch {
        outcome = 'selected';
        field?.focus();
        field?.select();
      }
      setMessage('');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setMessage(copyMessage(what, outcome)), 100);
    },
    [what],
  );

  return { copy, message };
}
