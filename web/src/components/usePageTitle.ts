import { useEffect } from 'react';

/**
 * Sets the browser tab's title for a page ("Sign in — Scope"), so screen-reader users hear where
 * they are after navigating and open tabs stay tellable apart. Done in an effect rather than with a
 * rendered <title>, because index.html's own <title> would otherwise keep winning.
 */
export function usePageTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} — Scope`;
  }, [page]);
}
