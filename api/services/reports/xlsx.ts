/**
 * A report as an Excel workbook, for a lead who copies figures into a funder's own form: an "About"
 * sheet saying what the figures are and where they come from, then a sheet for each table, chart,
 * trend and completeness list, numbers as numbers. A hidden figure is the letter "S" and nothing
 * else: no hidden sheet, comment, formula or defined name exists that could carry its value.
 */
import ExcelJS from 'exceljs';
import { periodShortLabel } from '../../domain/periods';
import {
  confidentialMark,
  type DocumentCompleteness,
  type DocumentSection,
  type DocumentTable,
  type DocumentTrend,
  documentHeading,
  type Figure,
  hiddenFootnote,
  hiddenMark,
  type ReportDocument,
} from '../../domain/reportDocument';
import {
  coverageWords,
  formatDateTime,
  kindWords,
  multiSelectWords,
  noReleaseWords,
  releaseWords,
} from './format';

type Cell = string | number;

const countFormat = '#,##0';

/** The sections that get a sheet: those with figures or a list of agencies. */
type SheetSection = DocumentTable | DocumentTrend | DocumentCompleteness;
const hasSheet = (section: DocumentSection): section is SheetSection =>
  section.kind === 'table' ||
  section.kind === 'chart' ||
  section.kind === 'trend' ||
  section.kind === 'completeness';

/**
 * A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not starting or ending with
 * an apostrophe. Sections are numbered as in the PDF, which also keeps two similar titles apart.
 */
export function sheetName(index: number, title: string): string {
  const cleaned = `${index + 1} ${title}`.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ');
  return cleaned.slice(0, 31).trim().replace(/'+$/, '');
}

const figureCell = (figure: Figure): Cell => (figure === null ? hiddenMark : figure);

/** What a sheet holds, before it is written: its title lines, its table, and notes under it. */
type SheetContent = { header: string[]; rows: Cell[][]; notes: string[] };

function tableContent(section: DocumentTable): SheetContent {
  if (!section.shown)
    return { header: [], rows: [], notes: [section.notShown ?? 'This report cannot show this section.'] };
  const undup = section.unduplicated;
  const unduplicated: Cell[][] = !undup
    ? []
    : 'hidden' in undup
      ? [['Different survivors, each counted once across agencies', hiddenMark]]
      : [
          ['Different survivors, each counted once across agencies: at least', undup.lower],
          ['Different survivors, each counted once across agencies: at most', undup.upper],
        ];
  return {
    header: [section.dimension ?? 'Figure', section.element.name],
    rows: [
      ...section.rows.map((row) => [row.label, figureCell(row.figure)]),
      ['Total', figureCell(section.total)],
      ...unduplicated,
    ],
    notes: [
      coverageWords(section.coverage),
      ...(section.multiSelect ? [multiSelectWords] : []),
      ...(section.note ? [section.note] : []),
    ],
  };
}

function trendContent(section: DocumentTrend): SheetContent {
  if (!section.periods.length)
    return {
      header: [],
      rows: [],
      notes: [section.note ?? 'No period of this trend is published for this report.'],
    };
  const columns = section.series.flatMap((series) => [
    { name: series.name, figures: series.figures },
    ...(series.previousYear
      ? [{ name: `${series.name}, a year earlier`, figures: series.previousYear }]
      : []),
  ]);
  return {
    header: ['Period', ...columns.map((c) => c.name)],
    rows: section.periods.map((period, i) => [
      periodShortLabel(period),
      ...columns.map((c) => figureCell(c.figures[i] ?? null)),
    ]),
    notes: section.note ? [section.note] : [],
  };
}

function completenessContent(section: DocumentCompleteness): SheetContent {
  const quarters = (list: string[]) => (list.length ? list.join(', ') : 'None');
  return {
    header: ['Agency', 'County', 'Quarters reported', 'Quarters missing'],
    rows: section.agencies.map((a) => [
      a.name,
      a.county,
      quarters(a.quartersReported),
      quarters(a.quartersMissing),
    ]),
    notes: [coverageWords(section.coverage)],
  };
}

function contentOf(section: SheetSection): SheetContent {
  if (section.kind === 'trend') return trendContent(section);
  if (section.kind === 'completeness') return completenessContent(section);
  return tableContent(section);
}

/** A confidential report's mark, first on every sheet, so no copied sheet goes without it. */
function markConfidential(sheet: ExcelJS.Worksheet, doc: ReportDocument) {
  if (doc.kind !== 'confidential') return;
  const mark = sheet.addRow([confidentialMark]);
  mark.font = { bold: true, color: { argb: 'FFB00020' } };
}

function aboutSheet(workbook: ExcelJS.Workbook, doc: ReportDocument) {
  const sheet = workbook.addWorksheet('About');
  markConfidential(sheet, doc);
  sheet.addRow([doc.template.name]).font = { bold: true, size: 14 };
  sheet.addRow([documentHeading(doc)]);
  sheet.addRow([]);
  const facts: Array<[string, Cell]> = [
    ['Coalition', doc.coalition.name],
    ['Template', doc.template.name],
    ['Template code', doc.template.code],
    ['Template version', doc.template.version],
    ['Catalog version', doc.catalogVersion],
    ['Period', `${doc.period.label} (${doc.period.months})`],
    ['Area', doc.area.name],
    ['Figures', kindWords(doc)],
    [
      'Audience',
      doc.audience === null
        ? 'Funder (confidential, exact)'
        : doc.audience === 'public'
          ? 'The public'
          : 'Coalition members',
    ],
    ...(releaseWords(doc).length
      ? releaseWords(doc).map((words, i): [string, Cell] => [i === 0 ? 'Releases' : '', words])
      : [['Releases', noReleaseWords(doc)] as [string, Cell]]),
    ...(doc.provisionalPeriods.length
      ? [['Provisional periods', doc.provisionalPeriods.join(', ')] as [string, Cell]]
      : []),
    ['Generated by', doc.generatedBy],
    ['Generated', formatDateTime(doc.generatedAt)],
    ...(doc.purpose ? [['Purpose', doc.purpose] as [string, Cell]] : []),
    ['Hidden figures', hiddenFootnote],
    ...doc.footnotes
      .filter((note) => note !== hiddenFootnote)
      .map((note, i): [string, Cell] => [i === 0 ? 'Notes' : '', note]),
  ];
  for (const [label, value] of facts) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  }
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 90;
}

function sectionSheet(workbook: ExcelJS.Workbook, doc: ReportDocument, section: SheetSection, index: number) {
  const sheet = workbook.addWorksheet(sheetName(index, section.title));
  markConfidential(sheet, doc);
  sheet.addRow([section.title]).font = { bold: true, size: 13 };
  const content = contentOf(section);
  let hidden = false;
  if (content.header.length) {
    const header = sheet.addRow(content.header);
    header.font = { bold: true };
    header.eachCell((cell, column) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      if (column > 1 && section.kind !== 'completeness')
        cell.alignment = { horizontal: 'right', wrapText: true };
    });
    sheet.views = [{ state: 'frozen', ySplit: header.number }];
    for (const cells of content.rows) {
      const row = sheet.addRow(cells);
      row.eachCell((cell) => {
        if (typeof cell.value === 'number') cell.numFmt = countFormat;
        if (cell.value === hiddenMark) {
          hidden = true;
          cell.alignment = { horizontal: 'right' };
          cell.font = { bold: true };
        }
      });
      if (cells[0] === 'Total') row.font = { bold: true };
    }
  }
  sheet.addRow([]);
  for (const note of [...content.notes, ...(hidden ? [hiddenFootnote] : [])]) sheet.addRow([note]);
  sheet.getColumn(1).width = section.kind === 'completeness' ? 34 : 44;
  for (let column = 2; column <= Math.max(2, content.header.length); column++)
    sheet.getColumn(column).width = section.kind === 'completeness' ? 22 : 18;
}

/** The report's workbook, as the bytes of an .xlsx file. */
export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `Scope, for ${doc.generatedBy}`;
  workbook.lastModifiedBy = workbook.creator;
  workbook.created = new Date(doc.generatedAt);
  workbook.modified = workbook.created;
  workbook.title = documentHeading(doc);
  aboutSheet(workbook, doc);
  doc.sections.forEach((section, index) => {
    if (hasSheet(section)) sectionSheet(workbook, doc, section, index);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
