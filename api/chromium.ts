/**
 * How Scope starts Debian's Chromium without a display: the PDF printer, the browser tests and the
 * Lighthouse runs all use these switches (STACK.md: without the networking ones Chromium floods a
 * closed network with requests it can't make). No imports, so the Playwright config can read it.
 */
export const headlessChromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
