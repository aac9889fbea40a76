/**
 * `npm run bench -- reports` (issue 15): how long the annual coalition report takes to make, for the
 * demo and for the statewide synthetic coalition (600 agencies over 58 counties; `--agencies=N
 * --counties=N` for a smaller one), each in a temporary database with its complete quarters
 * published through the releases service, as `npm start` publishes the demo's.
 * - The figures: building the document from the published releases.
 * - The PDF: with Chromium cold (launched for it) and warm (kept from the report before), pages and size.
 * - The workbook (XLSX) and the CSV, and their sizes.
 * Baselines in the same run: the same coalition's report with no sections (a title page and its
 * contents), printed warm and written as a workbook, so the ratios say what the report's own figures,
 * charts and tables cost over Chromium's and exceljs's fixed cost on this machine today.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, migrate, openDatabase } from '../../api/db';
import { writeDemoCoalition } from '../../api/demo/seed';
import type { ReportDocument, ReportRequest } from '../../api/domain/reportDocument';
import { getFirstAdmin } from '../../api/queries/releases';
import { publishCompleteQuarters } from '../../api/services/releases/publish';
import { renderCsv } from '../../api/services/reports/csv';
import { buildReportDocument } from '../../api/services/reports/document';
import { closeReportBrowser, renderPdf } from '../../api/services/reports/pdf';
import { renderXlsx } from '../../api/services/reports/xlsx';
import { median, printTable } from './measure';
import { type StatewideSize, writeStatewideCoalition } from './statewide';

export type ReportsBenchOptions = StatewideSize & { chromiumPath: string; rounds: number };

/** The annual coalition report of the last complete calendar year both coalitions have. */
const request: ReportRequest = {
  template: 'annual_coalition',
  period: '2025',
  area: 'coalition',
  kind: 'protected',
};

const aims = { demoPdfWarmSeconds: 3, demoXlsxSeconds: 1 };

const secondsSince = (start: number) => (performance.now() - start) / 1000;

async function timed<T>(work: () => Promise<T> | T): Promise<{ seconds: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { seconds: secondsSince(start), value };
}

async function medianOf<T>(
  rounds: number,
  work: () => Promise<T> | T,
): Promise<{ seconds: number; value: T }> {
  const runs: Array<{ seconds: number; value: T }> = [];
  for (let i = 0; i < rounds; i++) runs.push(await timed(work));
  const seconds = median(runs.map((r) => r.seconds));
  return { seconds, value: (runs.at(-1) as { value: T }).value };
}

type Measured = {
  coalition: string;
  setupSeconds: number;
  documentSeconds: number;
  pdfCold: number;
  pdfWarm: number;
  pdfBytes: number;
  pages: number;
  xlsxSeconds: number;
  xlsxBytes: number;
  csvSeconds: number;
  csvBytes: number;
  emptyPdfWarm: number;
  emptyXlsx: number;
};

/** Writes a coalition into a temporary database and publishes every complete quarter, oldest first. */
async function publishedCoalition(kind: 'demo' | 'statewide', size: StatewideSize, path: string) {
  const db = openDatabase(path);
  migrate(db);
  if (kind === 'demo') writeDemoCoalition(db);
  else writeStatewideCoalition(db, size, 8);
  const admin = getFirstAdmin(db);
  if (!admin) throw new Error(`the ${kind} coalition has no admin`);
  const { failed } = await publishCompleteQuarters(db, admin);
  if (failed.length > 0) throw new Error(`the ${kind} coalition's releases failed: ${failed.join(', ')}`);
  return { db, admin };
}

async function measureCoalition(kind: 'demo' | 'statewide', options: ReportsBenchOptions): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), `scope-bench-reports-${kind}-`));
  let db: Db | undefined;
  try {
    const setup = await timed(() => publishedCoalition(kind, options, join(dir, 'scope.db')));
    db = setup.value.db;
    const { admin } = setup.value;
    const made = db;
    const document = await medianOf(options.rounds, () =>
      buildReportDocument(made, admin, request, { narratives: {} }),
    );
    const doc = document.value;
    const empty: ReportDocument = { ...doc, sections: [] };
    const pdfOptions = { chromiumPath: options.chromiumPath };

    // Cold: Chromium is launched for this report.
    await closeReportBrowser();
    const cold = await timed(() => renderPdf(doc, pdfOptions));
    const warm = await medianOf(options.rounds, () => renderPdf(doc, pdfOptions));
    const emptyPdf = await medianOf(options.rounds, () => renderPdf(empty, pdfOptions));
    const xlsx = await medianOf(options.rounds, () => renderXlsx(doc));
    const emptyXlsx = await medianOf(options.rounds, () => renderXlsx(empty));
    const csv = await medianOf(options.rounds, () => renderCsv(doc));
    return {
      coalition:
        kind === 'demo' ? 'demo' : `statewide (${options.agencies} agencies, ${options.counties} counties)`,
      setupSeconds: setup.seconds,
      documentSeconds: document.seconds,
      pdfCold: cold.seconds,
      pdfWarm: warm.seconds,
      pdfBytes: warm.value.bytes.length,
      pages: warm.value.pages,
      xlsxSeconds: xlsx.seconds,
      xlsxBytes: xlsx.value.length,
      csvSeconds: csv.seconds,
      csvBytes: Buffer.byteLength(csv.value),
      emptyPdfWarm: emptyPdf.seconds,
      emptyXlsx: emptyXlsx.seconds,
    };
  } finally {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const s = (seconds: number) => seconds.toFixed(2);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(1)}×`;

export async function runReportsBenchmark(options: ReportsBenchOptions): Promise<void> {
  console.log(
    `\nGrant reports: the annual coalition report for calendar year 2025, protected (median of ${options.rounds} rounds)`,
  );
  const results: Measured[] = [];
  try {
    for (const kind of ['demo', 'statewide'] as const) results.push(await measureCoalition(kind, options));
  } finally {
    await closeReportBrowser();
  }
  for (const r of results) {
    console.log(`\n  ${r.coalition}: written and its releases published in ${s(r.setupSeconds)} s`);
    printTable([
      ['  step', 'seconds', '÷ baseline', 'baseline (same run)', 'size', 'pages'],
      ['  figures (document)', s(r.documentSeconds), '', '', '', ''],
      [
        '  PDF, Chromium cold',
        s(r.pdfCold),
        ratio(r.pdfCold, r.emptyPdfWarm),
        'empty report, warm',
        kb(r.pdfBytes),
        String(r.pages),
      ],
      [
        '  PDF, Chromium warm',
        s(r.pdfWarm),
        ratio(r.pdfWarm, r.emptyPdfWarm),
        `${s(r.emptyPdfWarm)} s`,
        '',
        '',
      ],
      [
        '  workbook (XLSX)',
        s(r.xlsxSeconds),
        ratio(r.xlsxSeconds, r.emptyXlsx),
        `${s(r.emptyXlsx)} s empty workbook`,
        kb(r.xlsxBytes),
        '',
      ],
      ['  CSV', s(r.csvSeconds), '', '', kb(r.csvBytes), ''],
    ]);
  }
  const demo = results.find((r) => r.coalition === 'demo');
  if (!demo) return;
  console.log('\n  Aims (the demo)');
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(
    `  ${verdict(demo.documentSeconds + demo.pdfWarm < aims.demoPdfWarmSeconds)}  figures and PDF, Chromium warm: ${s(demo.documentSeconds + demo.pdfWarm)} s (aim < ${aims.demoPdfWarmSeconds} s)`,
  );
  console.log(
    `  ${verdict(demo.documentSeconds + demo.xlsxSeconds < aims.demoXlsxSeconds)}  figures and workbook: ${s(demo.documentSeconds + demo.xlsxSeconds)} s (aim < ${aims.demoXlsxSeconds} s)`,
  );
}
