/**
 * A report's PDF, printed by headless Chromium (Debian's, driven by playwright-core) from the same page
 * the builder previews. One browser is kept warm between reports (launched on first use, relaunched
 * if it died) and at most two reports print at once, so a burst of reports can't swamp the server.
 */
import { existsSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { headlessChromiumArgs } from '../../chromium';
import { confidentialMark, documentHeading, type ReportDocument } from '../../domain/reportDocument';
import { escapeHtml } from './escape';
import { formatDate } from './format';
import { pageMargin, reportHtml, sectionHeading } from './html';

let launched: Promise<Browser> | undefined;

async function reportBrowser(chromiumPath: string): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `Reports are printed with Chromium, which is not at ${chromiumPath}. Install Chromium (on Debian: apt-get install chromium) or set SCOPE_CHROMIUM_PATH to where it is.`,
    );
  const current = launched;
  if (current) {
    const browser = await current.catch(() => undefined);
    if (browser?.isConnected()) return browser;
    // Another report may already have started a new browser while this one waited.
    if (launched !== current) return reportBrowser(chromiumPath);
  }
  launched = chromium.launch({ executablePath: chromiumPath, args: headlessChromiumArgs });
  return launched;
}

/** Closes the warm browser (when the server stops, and after tests). */
export async function closeReportBrowser(): Promise<void> {
  const current = launched;
  launched = undefined;
  idlePages.length = 0;
  const browser = await current?.catch(() => undefined);
  await browser?.close();
}

const maxPrinting = 2;
let printing = 0;
const waiting: Array<() => void> = [];

/** Runs `work` when fewer than two reports are printing; a finished one hands its turn to the next. */
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (printing < maxPrinting) printing++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else printing--;
  }
}

// Ligatures are off here as in the page: a reader searching or copying "trafficking" in the PDF must
// find the word, not "tra ffi cking".
const headerStyle = `font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 7.5pt; font-variant-ligatures: none; color: #222; width: 100%; margin: 0 ${pageMargin.left};`;

function headerTemplate(doc: ReportDocument): string {
  const mark =
    doc.kind === 'confidential'
      ? `<div style="font-weight: bold;">${escapeHtml(confidentialMark)}</div>`
      : '';
  // A release number ("2025Q3-1") is kept on one line when the heading wraps.
  const heading = escapeHtml(documentHeading(doc)).replace(
    /\b(\w+-\d+)\b/g,
    '<span style="white-space: nowrap;">$1</span>',
  );
  return `<div style="${headerStyle} border-bottom: 0.5pt solid #999; padding-bottom: 2pt;">${mark}<div>${heading}</div></div>`;
}

function footerTemplate(doc: ReportDocument): string {
  return `<div style="${headerStyle} display: flex; justify-content: space-between;"><span>Generated ${escapeHtml(formatDate(doc.generatedAt))}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/**
 * Pages kept open between reports, at most one a printing slot: opening a page starts a renderer
 * process, which took longer than printing a whole report on a busy machine. Each is in a browser
 * context of its own where no script runs and nothing is fetched (the page is the report's own HTML
 * and inline SVG), and each report replaces the page's whole document, so nothing carries over.
 */
const idlePages: Page[] = [];

async function newReportPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route('**/*', (route) => route.abort());
  return context.newPage();
}

/** Runs `work` in a warm page of this browser (a new one if none is idle); a page that failed is closed. */
async function inReportPage<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  let page = idlePages.pop();
  while (page && (page.isClosed() || page.context().browser() !== browser)) page = idlePages.pop();
  page ??= await newReportPage(browser);
  try {
    const result = await work(page);
    idlePages.push(page);
    return result;
  } catch (error) {
    await page
      .context()
      .close()
      .catch(() => {});
    throw error;
  }
}

async function print(page: Page, doc: ReportDocument, html: string): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' });
  return await page.pdf({
    format: 'Letter',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(doc),
    footerTemplate: footerTemplate(doc),
    margin: pageMargin,
  });
}

/** Each page's text, its pieces joined by spaces: what finds the sections' pages, and what tests read. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  try {
    const texts: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return texts;
  } finally {
    await pdf.destroy();
  }
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * The page each section starts on, by section code: its numbered heading ("3. Minors and adults"),
 * searched for after the contents page and in order, so a title repeated in a table or in the
 * contents is not taken for the heading.
 */
function sectionPages(doc: ReportDocument, pageTexts: string[]): Record<string, number> {
  const texts = pageTexts.map(squeeze);
  const pages: Record<string, number> = {};
  let from = texts.findIndex((text) => text.includes('Contents')) + 1;
  doc.sections.forEach((section, i) => {
    const heading = squeeze(sectionHeading(i, section.title));
    const found = texts.findIndex((text, page) => page >= from && text.includes(heading));
    if (found < 0) return;
    pages[section.code] = found + 1;
    from = found;
  });
  return pages;
}

/**
 * Prints a report. Twice: the first printing finds the page each section starts on, the second
 * writes those pages into the contents (the contents page keeps its length, so nothing moves).
 */
export async function renderPdf(
  doc: ReportDocument,
  options: { chromiumPath: string; onProgress?: (stage: string) => void },
): Promise<{ bytes: Buffer; pages: number }> {
  const progress = options.onProgress ?? (() => {});
  return inTurn(async () => {
    progress('Starting the PDF printer');
    const browser = await reportBrowser(options.chromiumPath);
    return inReportPage(browser, async (page) => {
      progress('Laying out the pages');
      const draft = await print(page, doc, reportHtml(doc));
      progress('Numbering the contents');
      const pageTexts = await pdfPageTexts(draft);
      const contentsPages = sectionPages(doc, pageTexts);
      progress('Printing the PDF');
      const bytes = await print(page, doc, reportHtml(doc, { contentsPages }));
      return { bytes, pages: pageTexts.length };
    });
  });
}
