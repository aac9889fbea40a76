import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { confidentialMark, documentHeading, type ReportDocument } from '../../domain/reportDocument';
import { formatCount } from './format';
import { closeReportBrowser, pdfPageTexts, renderPdf } from './pdf';
import { hiddenTruths, longTableHeading, longTableRows, testReportDocument } from './testDocument';

// Debian's Chromium prints the PDFs: a missing browser fails these tests (it is never skipped), as it
// would fail every report on a server. Printing twice on a loaded two-core machine takes a while.
const chromiumPath = '/usr/bin/chromium';
const printTimeout = 240_000;

type Printed = { doc: ReportDocument; pages: number; texts: string[] };
const printed: Partial<Record<'protected' | 'confidential', Printed>> = {};

beforeAll(async () => {
  for (const kind of ['protected', 'confidential'] as const) {
    const doc = testReportDocument(kind);
    const stages: string[] = [];
    const { bytes, pages } = await renderPdf(doc, {
      chromiumPath,
      onProgress: (stage) => stages.push(stage),
    });
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(stages.length).toBeGreaterThan(1);
    printed[kind] = { doc, pages, texts: await pdfPageTexts(bytes) };
  }
}, printTimeout);

afterAll(closeReportBrowser);

const squeeze = (text: string) => text.replace(/\s+/g, '');
const the = (kind: 'protected' | 'confidential') => printed[kind] as Printed;

describe('a report’s PDF', () => {
  test.each(['protected', 'confidential'] as const)(
    'every page of a %s report has the header and “Page N of M”',
    (kind) => {
      const { doc, pages, texts } = the(kind);
      expect(texts.length).toBe(pages);
      expect(pages).toBeGreaterThan(3);
      texts.forEach((text, i) => {
        expect(squeeze(text)).toContain(squeeze(documentHeading(doc)));
        expect(squeeze(text)).toContain(`Page${i + 1}of${pages}`);
        expect(text).toContain('Generated March 2, 2026');
        if (kind === 'confidential') expect(squeeze(text)).toContain(squeeze(confidentialMark));
      });
    },
  );

  test('a protected report’s header names its releases; a confidential one says its counts are exact', () => {
    expect(squeeze(the('protected').texts[0] ?? '')).toContain('Releases2025Q3-1,2025Q4-2');
    expect(squeeze(the('confidential').texts[0] ?? '')).toContain('Exactapprovedcounts');
    expect(squeeze(the('protected').texts.join(' '))).not.toContain(squeeze(confidentialMark));
  });

  test('a table longer than a page repeats its column headings on every page it spans', () => {
    const { texts } = the('protected');
    const spanned = texts.filter((text) =>
      Array.from({ length: longTableRows }, (_, i) => `Service ${String(i + 1).padStart(2, '0')}`).some(
        (row) => text.includes(row),
      ),
    );
    expect(spanned.length).toBeGreaterThan(1);
    for (const text of spanned) {
      expect(text).toContain(longTableHeading);
      expect(text).toContain('Survivors receiving the service');
    }
  });

  test('the contents give the page each section starts on', () => {
    const { doc, texts } = the('protected');
    const contents = texts.find((text) => text.includes('Contents')) ?? '';
    doc.sections.forEach((section, i) => {
      const page = texts.findIndex(
        (text, at) => at > 1 && squeeze(text).includes(squeeze(`${i + 1}. ${section.title}`)),
      );
      expect(page).toBeGreaterThan(1);
      expect(contents).toMatch(new RegExp(`\\b${i + 1}\\s+${section.title}\\s+${page + 1}\\b`));
    });
  });

  test('no figure a protected report hides is in its text; the confidential report has them all', () => {
    const hiddenText = the('protected').texts.join(' ');
    const exactText = the('confidential').texts.join(' ');
    for (const truth of hiddenTruths) {
      expect(hiddenText).not.toContain(String(truth));
      expect(hiddenText).not.toContain(formatCount(truth));
      expect(exactText).toContain(formatCount(truth));
    }
    expect(hiddenText).toMatch(/Labor trafficking\s+S\b/);
  });

  test('a missing Chromium is a clear error naming the path and how to fix it', async () => {
    await expect(
      renderPdf(testReportDocument('protected'), { chromiumPath: '/nowhere/chromium' }),
    ).rejects.toThrow(/not at \/nowhere\/chromium\. Install Chromium .* or set SCOPE_CHROMIUM_PATH/);
  });
});
