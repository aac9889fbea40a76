/**
 * Reading an agency's quarter from the CSV template: one row per count,
 * `agency,period,element,<a column per category>,value`. Everything wrong with a file is reported at
 * once, by row and column, in words a reporter can act on; nothing is written unless all is right.
 */
import { type AgencyType, type Catalog, cellKey, cellsOfElement, sectionsFor } from './catalog';
import {
  type CsvLimitBreach,
  CsvLimitError,
  type CsvLimits,
  CsvSyntaxError,
  formatCsv,
  parseCsv,
} from './csv';
import { describeFindings, isPersonLevelHeader, personalHeaderKind, scanText } from './pii';

/** A full template is about 12 KB: a megabyte is far more than any quarter's counts. */
export const maxUploadBytes = 1024 * 1024;
/** Codes and counts are short: a longer cell is notes, a pasted record or an attack, never a count. */
export const maxUploadCellLength = 200;
export const maxCount = 1_000_000;
/** Text other than counts and the catalog's codes one upload may hold: a template holds none. */
export const maxUploadText = 16 * 1024;
const templateAgain = 'Download the template again and fill in its value column.';
/** Problems listed in full before the rest are summarised: enough to fix a file, not a wall of text. */
const maxProblemsListed = 50;

export type UploadProblem = { row: number | null; column: string | null; message: string };

export type UploadResult =
  | { ok: true; values: Map<string, number | null> }
  | { ok: false; code: 'upload-refused' | 'personal-data'; message: string; problems: UploadProblem[] };

const fixedColumns = ['agency', 'period', 'element'] as const;

/** The template's columns: agency, period, element, each category of the catalog, value. */
export function templateColumns(catalog: Catalog): string[] {
  return [...fixedColumns, ...catalog.categories.map((c) => c.code), 'value'];
}

/** The words a template's cells hold besides counts, lower-cased: the codes of the catalog, the agency and the quarter. */
function catalogVocabulary(catalog: Catalog, agencyCode: string, period: string): Set<string> {
  const words = [agencyCode, period, ...templateColumns(catalog)];
  for (const section of catalog.sections) for (const element of section.elements) words.push(element.code);
  for (const category of catalog.categories) for (const option of category.options) words.push(option.code);
  return new Set(words.map((word) => word.toLowerCase()));
}

/** Cells in the catalog: the most rows a template has, for the agency that reports every section. */
const catalogCellCount = (catalog: Catalog) =>
  catalog.sections.flatMap((s) => s.elements).flatMap((e) => cellsOfElement(catalog, e)).length;

/**
 * What an upload may hold, from the catalog: twice the template's rows of counts and columns (room
 * for a few stray rows or columns, each then named as a problem) and short cells. Anything beyond
 * stops the reading at once.
 */
export function uploadLimits(catalog: Catalog): CsvLimits {
  return {
    rows: 1 + 2 * catalogCellCount(catalog),
    columns: 2 * templateColumns(catalog).length,
    cellLength: maxUploadCellLength,
  };
}

/** A file beyond the limits, in words a reporter can act on. */
function describeBreach(breach: CsvLimitBreach, catalog: Catalog, limits: CsvLimits): UploadProblem {
  switch (breach.limit) {
    case 'rows':
      return {
        row: breach.line,
        column: null,
        message: `This file has more than ${(limits.rows - 1).toLocaleString('en-US')} rows of counts; the template has one row per count, ${catalogCellCount(catalog).toLocaleString('en-US')} at most. If it lists clients, count them instead: Scope takes only totals. ${templateAgain}`,
      };
    case 'columns':
      return {
        row: breach.line,
        column: null,
        message: `This file has ${breach.columns.toLocaleString('en-US')} columns; the template has ${templateColumns(catalog).length}. ${templateAgain}`,
      };
    case 'cellLength':
      return {
        row: breach.line,
        column: `column ${breach.column}`,
        message: `This cell is longer than ${maxUploadCellLength} characters; a code or a count is never that long. ${templateAgain}`,
      };
  }
}

/**
 * The CSV template for an agency's quarter: a row for every cell of every section the agency
 * reports, with the value already entered (blank where nothing is).
 */
export function buildTemplate(
  catalog: Catalog,
  agency: { code: string; type: AgencyType },
  period: string,
  values: ReadonlyMap<string, number>,
): string {
  const columns = templateColumns(catalog);
  const rows: Array<Array<string | number>> = [columns];
  for (const section of sectionsFor(catalog, agency.type)) {
    for (const element of section.elements) {
      const combos = ['', ...element.disaggregations];
      for (const comboCode of combos) {
        const combo = catalog.categoryCombos.find((c) => c.code === comboCode);
        const optionLists = (combo?.categories ?? []).map(
          (code) => catalog.categories.find((c) => c.code === code)?.options.map((o) => o.code) ?? [],
        );
        let combos: string[][] = [[]];
        for (const list of optionLists) combos = combos.flatMap((prefix) => list.map((o) => [...prefix, o]));
        for (const options of combos) {
          const byCategory = new Map((combo?.categories ?? []).map((c, i) => [c, options[i] as string]));
          const key = cellKey({ element: element.code, combo: comboCode, optionKey: options.join('|') });
          rows.push([
            agency.code,
            period,
            element.code,
            ...catalog.categories.map((c) => byCategory.get(c.code) ?? ''),
            values.get(key) ?? '',
          ]);
        }
      }
    }
  }
  return formatCsv(rows);
}

const normalizeHeader = (h: string) => h.trim().toLowerCase();
const wholeNumber = /^\d+$/;

/**
 * Reads an uploaded template. Returns the values it sets (null where the value cell is blank, which
 * clears that count), or every problem found.
 */
export function readUpload(
  text: string,
  catalog: Catalog,
  agency: { code: string; type: AgencyType },
  period: string,
  now = new Date(),
): UploadResult {
  const refuse = (problems: UploadProblem[], code: 'upload-refused' | 'personal-data' = 'upload-refused') => {
    const listed = problems.slice(0, maxProblemsListed);
    if (problems.length > listed.length)
      listed.push({
        row: null,
        column: null,
        message: `…and ${problems.length - listed.length} more problems like these.`,
      });
    const message =
      code === 'personal-data'
        ? 'This file looks like it contains details about a person, so nothing was saved. Scope accepts only counts.'
        : `This file can't be used yet: ${problems.length === 1 ? 'there is 1 problem' : `there are ${problems.length} problems`} to fix. Nothing was saved.`;
    return { ok: false as const, code, message, problems: listed };
  };

  const limits = uploadLimits(catalog);
  let rows: ReturnType<typeof parseCsv>;
  try {
    rows = parseCsv(text, limits);
  } catch (error) {
    if (error instanceof CsvLimitError) return refuse([describeBreach(error.breach, catalog, limits)]);
    if (error instanceof CsvSyntaxError)
      return refuse([
        { row: error.line, column: null, message: `The file isn't valid CSV here: ${error.message}.` },
      ]);
    throw error;
  }
  const [header, ...body] = rows;
  if (!header)
    return refuse([
      {
        row: null,
        column: null,
        message: 'The file is empty. Download the template, fill it in and upload it.',
      },
    ]);

  // Personal data first, anywhere in the file, and without repeating what was found.
  const piiProblems: UploadProblem[] = [];
  const personLevel: string[] = [];
  const expected = templateColumns(catalog);
  header.cells.forEach((raw, i) => {
    if (expected.includes(normalizeHeader(raw))) return;
    const kind = personalHeaderKind(raw);
    if (kind)
      piiProblems.push({
        row: header.line,
        column: `column ${i + 1}`,
        message: `Column ${i + 1}'s heading asks for ${kind}. Scope never accepts details about a person: delete that column.`,
      });
    else if (isPersonLevelHeader(raw)) personLevel.push(raw.trim());
  });
  const columns = header.cells.map(normalizeHeader);
  // A template's cells are counts and the catalog's own codes, which can't be anyone's details, so
  // only the rest is read; and a template holds almost none of it, so a file with more is refused
  // without reading it all: no upload, however written, keeps the server scanning for long.
  const vocabulary = catalogVocabulary(catalog, agency.code, period);
  let textRead = 0;
  for (const row of body) {
    if (textRead > maxUploadText) break;
    row.cells.forEach((cell, i) => {
      const code = cell.trim();
      if (/^\d{0,6}$/.test(code) || vocabulary.has(code.toLowerCase())) return;
      textRead += cell.length;
      if (textRead > maxUploadText) return;
      const findings = scanText(cell, now);
      if (findings.length > 0)
        piiProblems.push({
          row: row.line,
          column: columns[i] ?? `column ${i + 1}`,
          message: describeFindings(`This cell`, findings),
        });
    });
  }
  if (personLevel.length > 0)
    piiProblems.push({
      row: header.line,
      column: null,
      message:
        'This file looks like client-level records, with a row for each person. Scope takes only totals: count the people in each group and use the template, one row per count.',
    });
  if (piiProblems.length > 0) return refuse(piiProblems, 'personal-data');
  if (textRead > maxUploadText)
    return refuse([
      {
        row: null,
        column: null,
        message: `This file holds far more text than a template, which has only codes and counts, so it was not read to the end. ${templateAgain}`,
      },
    ]);

  const problems: UploadProblem[] = [];
  const duplicatesInHeader = columns.filter((c, i) => columns.indexOf(c) !== i);
  for (const c of new Set(duplicatesInHeader))
    problems.push({
      row: header.line,
      column: c,
      message: `The column "${c}" appears more than once. Keep one.`,
    });
  for (const c of columns)
    if (!expected.includes(c))
      problems.push({
        row: header.line,
        column: c || '(blank)',
        message: `"${c || '(blank)'}" is not a column of the template. The columns are: ${expected.join(', ')}.`,
      });
  for (const required of [...fixedColumns, 'value'])
    if (!columns.includes(required))
      problems.push({
        row: header.line,
        column: required,
        message: `The "${required}" column is missing. Start from the template.`,
      });
  if (problems.length > 0) return refuse(problems);

  const at = (row: string[], column: string) => (row[columns.indexOf(column)] ?? '').trim();
  const sections = sectionsFor(catalog, agency.type);
  const elements = new Map(sections.flatMap((s) => s.elements.map((e) => [e.code, e] as const)));
  const allElements = new Set(catalog.sections.flatMap((s) => s.elements.map((e) => e.code)));
  const categoryColumns = catalog.categories.map((c) => c.code).filter((c) => columns.includes(c));
  const values = new Map<string, number | null>();
  const firstRowOf = new Map<string, number>();
  let repeated = 0;

  for (const { line, cells } of body) {
    const problem = (column: string | null, message: string) => problems.push({ row: line, column, message });
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c.trim() !== '')) {
      problem(null, `This row has more cells than the header has columns. Check for a stray comma.`);
      continue;
    }
    const agencyCode = at(cells, 'agency');
    if (agencyCode.toUpperCase() !== agency.code)
      problem(
        'agency',
        agencyCode === ''
          ? 'The agency is blank.'
          : `This row is for another agency; this upload is for ${agency.code}.`,
      );
    const periodCode = at(cells, 'period');
    if (periodCode.toUpperCase() !== period)
      problem(
        'period',
        periodCode === ''
          ? 'The period is blank.'
          : `This row is for another period; this upload is for ${period}.`,
      );
    const elementCode = at(cells, 'element').toLowerCase();
    const element = elements.get(elementCode);
    if (!element) {
      problem(
        'element',
        elementCode === ''
          ? 'The element is blank.'
          : allElements.has(elementCode)
            ? `Your agency doesn't report "${elementCode}". Use only the rows in your template.`
            : `"${elementCode}" is not an element of the catalog. Use the codes in the template.`,
      );
      continue;
    }
    const given = categoryColumns.filter((c) => at(cells, c) !== '');
    const combo = ['', ...element.disaggregations]
      .map((code) => ({
        code,
        categories: catalog.categoryCombos.find((c) => c.code === code)?.categories ?? [],
      }))
      .find((c) => c.categories.length === given.length && c.categories.every((cat) => given.includes(cat)));
    if (!combo) {
      const allowed = element.disaggregations
        .map((d) => catalog.categoryCombos.find((c) => c.code === d)?.categories.join(' and '))
        .filter(Boolean);
      problem(
        null,
        `${element.name} can't be broken down by ${given.join(' and ')}. Fill ${allowed.length ? `only ${allowed.join(', or only ')}, or none for the total` : 'no category columns: it is a total'}.`,
      );
      continue;
    }
    const options: string[] = [];
    let optionsOk = true;
    for (const categoryCode of combo.categories) {
      const category = catalog.categories.find((c) => c.code === categoryCode);
      const value = at(cells, categoryCode).toLowerCase();
      if (!category?.options.some((o) => o.code === value)) {
        optionsOk = false;
        problem(
          categoryCode,
          `That is not an option of ${category?.name ?? categoryCode}. The options are: ${category?.options.map((o) => o.code).join(', ')}.`,
        );
      }
      options.push(value);
    }
    if (!optionsOk) continue;
    const key = cellKey({ element: element.code, combo: combo.code, optionKey: options.join('|') });
    const previous = firstRowOf.get(key);
    if (previous !== undefined) {
      repeated++;
      problem(null, `This row repeats the count on row ${previous}. Keep one row per count.`);
      continue;
    }
    firstRowOf.set(key, line);
    const raw = at(cells, 'value');
    if (raw === '') {
      values.set(key, null);
      continue;
    }
    if (!wholeNumber.test(raw)) {
      problem(
        'value',
        'The value must be a whole number of zero or more: no decimals, minus signs, commas or words.',
      );
      continue;
    }
    const count = Number(raw);
    if (count > maxCount) {
      problem(
        'value',
        `The value is larger than ${maxCount.toLocaleString('en-US')}, which can't be a quarter's count.`,
      );
      continue;
    }
    values.set(key, count);
  }
  if (repeated >= 10)
    problems.unshift({
      row: null,
      column: null,
      message:
        'Many rows repeat the same count, as if the file had a row for each person. Scope takes only totals: one row per count, as in the template.',
    });
  return problems.length > 0 ? refuse(problems) : { ok: true, values };
}
