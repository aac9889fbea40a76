import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db';
import { parseCsv } from '../../domain/csv';
import { periodShortLabel } from '../../domain/periods';
import {
  type DocumentSection,
  hiddenMark,
  type ReportDocument,
  type ReportRequest,
} from '../../domain/reportDocument';
import type { User } from '../../queries/users';
import type { TestDb } from '../../testing';
import { renderCsv } from './csv';
import { buildReportDocument } from './document';
import { closeReportBrowser, pdfPageTexts, renderPdf } from './pdf';
import { demoWithReleases, demoWithReleasesTimeout } from './testDemo';
import { renderXlsx, sheetName } from './xlsx';

/**
 * The demo coalition's protected reports, one of each template, drawn in all three files: every
 * figure a report hides is "S" (or blank in the CSV) exactly where its value would stand, so its value
 * is not there. A hidden figure's value may well appear elsewhere (a small count is in many cells),
 * so each is looked for in its own position.
 */
const requests: ReportRequest[] = [
  { template: 'federal_semiannual', period: '2025H2', area: 'coalition', kind: 'protected' },
  { template: 'quarterly_funder', period: '2026Q2', area: 'coalition', kind: 'protected' },
  { template: 'annual_coalition', period: '2025', area: 'coalition', kind: 'protected' },
  { template: 'workgroup_brief', period: '2026Q2', area: 'SCL', kind: 'protected' },
];

// Printing eight PDFs (two printings each) on a loaded two-core machine.
const printTimeout = 600_000;

/** Where a hidden figure stands: its section, and its row (and, in a trend, its column). */
type HiddenPosition = {
  index: number;
  section: DocumentSection;
  /** The row's label in the PDF and the workbook. */
  row: string;
  /** In a trend: the column's heading; else undefined (the figure column). */
  column?: string;
  /** The row's label in the CSV. */
  csvRow: string;
};

const unduplicatedLabel = 'Different survivors, each counted once across agencies';

function hiddenPositions(doc: ReportDocument): HiddenPosition[] {
  return doc.sections.flatMap((section, index): HiddenPosition[] => {
    if ((section.kind === 'table' || section.kind === 'chart') && section.shown) {
      return [
        ...section.rows.flatMap((row) =>
          row.figure === null
            ? [
                {
                  index,
                  section,
                  row: row.label,
                  csvRow: row.label,
                },
              ]
            : [],
        ),
        ...(section.total === null ? [{ index, section, row: 'Total', csvRow: 'Total' }] : []),
        ...(section.unduplicated && 'hidden' in section.unduplicated
          ? [{ index, section, row: unduplicatedLabel, csvRow: 'Different survivors across agencies' }]
          : []),
      ];
    }
    if (section.kind === 'trend') {
      return section.series.flatMap((series) =>
        section.periods.flatMap((period, p) => {
          return [
            ...(series.figures[p] === null
              ? [
                  {
                    index,
                    section,
                    row: periodShortLabel(period),
                    column: series.name,
                    csvRow: `${series.name}, ${period}`,
                  },
                ]
              : []),
            ...(series.previousYear?.[p] === null
              ? [
                  {
                    index,
                    section,
                    row: periodShortLabel(period),
                    column: `${series.name}, a year earlier`,
                    csvRow: `${series.name}, a year before ${period}`,
                  },
                ]
              : []),
          ];
        }),
      );
    }
    return [];
  });
}

type Drawn = {
  doc: ReportDocument;
  hidden: HiddenPosition[];
  pdfText: string;
  workbook: ExcelJS.Workbook;
  csv: string[][];
};
const drawn = new Map<string, Drawn>();
let t: TestDb;

beforeAll(async () => {
  t = await demoWithReleases();
  const db: Db = t.db;
  const admin = db
    .prepare(
      `SELECT id, email, name, role, agency_id AS agencyId FROM users WHERE role = 'admin' AND active = 1 ORDER BY id LIMIT 1`,
    )
    .get() as User;
  const extras = {
    narratives: {},
    purpose: 'Checking what a report hides.',
    now: new Date('2026-11-30T12:00:00Z'),
  };
  for (const request of requests) {
    const doc = buildReportDocument(db, admin, request, extras);
    const { bytes } = await renderPdf(doc, { chromiumPath: '/usr/bin/chromium' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(doc)) as unknown as ExcelJS.Buffer);
    drawn.set(request.template, {
      doc,
      hidden: hiddenPositions(doc),
      pdfText: (await pdfPageTexts(bytes)).join(' ').replace(/\s+/g, ' '),
      workbook,
      csv: parseCsv(renderCsv(doc)).map((row) => row.cells),
    });
  }
}, demoWithReleasesTimeout + printTimeout);

afterAll(async () => {
  await closeReportBrowser();
  t?.cleanup();
});

const the = (template: string) => drawn.get(template) as Drawn;
const templates = requests.map((r) => r.template);

/** The PDF text of a section: from its numbered heading to the next one's. */
function sectionText({ doc, pdfText }: Drawn, index: number): string {
  const heading = (i: number) => `${i + 1}. ${doc.sections[i]?.title}`;
  // The contents list the titles too, unnumbered: the heading is the last occurrence before the next.
  const start = pdfText.indexOf(heading(index));
  const next = index + 1 < doc.sections.length ? pdfText.indexOf(heading(index + 1), start) : -1;
  expect(start).toBeGreaterThanOrEqual(0);
  return pdfText.slice(start, next < 0 ? undefined : next);
}

/** The figures after a row's label in its table (the last place the label stands in the section). */
function figuresAfter(text: string, label: string): string[] {
  const at = text.lastIndexOf(`${label} `);
  expect(at, `“${label}” is in the PDF`).toBeGreaterThanOrEqual(0);
  return text
    .slice(at + label.length + 1)
    .split(' ')
    .slice(0, 12);
}

describe('a protected report’s hidden figures, in the demo', () => {
  test('the demo’s reports hide figures', () => {
    expect(templates.flatMap((template) => the(template).hidden).length).toBeGreaterThan(0);
  });

  test.each(templates)('%s: the PDF shows “S” where each hidden figure stands', (template) => {
    const drawing = the(template);
    for (const hidden of drawing.hidden) {
      const text = sectionText(drawing, hidden.index);
      const figures = figuresAfter(text, hidden.row);
      if (hidden.section.kind !== 'trend') {
        expect(figures[0], `${hidden.section.title}: ${hidden.row}`).toBe(hiddenMark);
        continue;
      }
      // A trend's row: the period, then one figure a column, in the table's order.
      const columns = hidden.section.series.flatMap((s) => [
        s.name,
        ...(s.previousYear ? [`${s.name}, a year earlier`] : []),
      ]);
      expect(
        figures[columns.indexOf(hidden.column as string)],
        `${hidden.section.title}: ${hidden.row}, ${hidden.column}`,
      ).toBe(hiddenMark);
    }
  });

  test.each(templates)(
    '%s: the workbook has “S” in each hidden figure’s cell, and nothing hidden anywhere',
    (template) => {
      const { doc, hidden, workbook } = the(template);
      expect(workbook.definedNames.model).toEqual([]);
      workbook.eachSheet((sheet) => {
        expect(sheet.state).toBe('visible');
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
            expect(cell.note).toBeUndefined();
          }),
        );
      });
      for (const h of hidden) {
        const sheet = workbook.getWorksheet(sheetName(h.index, h.section.title));
        expect(sheet, `${doc.template.code}: a sheet for ${h.section.title}`).toBeDefined();
        // A trend's columns are named in its heading row; a table's figure is in its second column.
        let periods: ExcelJS.Row | undefined;
        let found: ExcelJS.Row | undefined;
        sheet?.eachRow((row) => {
          const label = String(row.getCell(1).value ?? '');
          if (label === 'Period') periods ??= row;
          if (label === h.row) found = row;
        });
        expect(found, `${h.section.title}: ${h.row}`).toBeDefined();
        const column =
          h.column === undefined ? 2 : ((periods?.values ?? []) as ExcelJS.CellValue[]).indexOf(h.column);
        expect(found?.getCell(column).value, `${h.section.title}: ${h.row}`).toBe(hiddenMark);
      }
    },
  );

  test.each(templates)('%s: the CSV leaves each hidden figure blank, marked hidden', (template) => {
    const { doc, hidden, csv } = the(template);
    const figures = csv.slice(
      csv.findIndex((cells) => cells.join(',') === 'section,title,row,value,hidden') + 1,
    );
    for (const h of hidden) {
      const line = figures.find(([section, , row]) => section === h.section.code && row === h.csvRow);
      expect(line, `${doc.template.code}: ${h.section.title}: ${h.csvRow}`).toEqual([
        h.section.code,
        h.section.title,
        h.csvRow,
        '',
        'true',
      ]);
    }
    expect(figures.filter((cells) => cells[4] === 'true').length).toBe(hidden.length);
    for (const cells of figures) if (cells[4] === 'true') expect(cells[3]).toBe('');
  });
});
