/**
 * CSV as spreadsheets write it: an optional UTF-8 byte-order mark, CRLF or LF line ends, quoted
 * fields with doubled quotes inside, blank lines at the end. And CSV as Excel opens cleanly: a BOM,
 * CRLF, and no cell it would run as a formula.
 */

export type CsvRow = { line: number; cells: string[] };

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Bounds on what a file may hold, checked while it is read so an oversized file stops early. */
export type CsvLimits = { rows: number; columns: number; cellLength: number };

const unlimited: CsvLimits = { rows: Infinity, columns: Infinity, cellLength: Infinity };

/** Where a file went beyond its limits: too many rows, a row too wide (and how wide), a cell too long. */
export type CsvLimitBreach =
  | { limit: 'rows'; line: number }
  | { limit: 'columns'; line: number; columns: number }
  | { limit: 'cellLength'; line: number; column: number };

export class CsvLimitError extends Error {
  constructor(readonly breach: CsvLimitBreach) {
    super(`the file goes beyond its ${breach.limit} limit on line ${breach.line}`);
  }
}

/** Comma, line feed, carriage return, quote mark: where an unquoted cell may end. */
const isSpecial = (code: number) => code === 44 || code === 10 || code === 13 || code === 34;

/** The index of `search` from `from` on, or the text's end. */
function nextIndex(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

/**
 * Parses CSV text into rows, each with the line number it starts on (1-based, as a spreadsheet
 * shows it). Blank lines are dropped. Throws `CsvSyntaxError` for an unclosed or stray quote, and
 * `CsvLimitError` as soon as the file goes beyond `limits` (a row too wide is read to its end to say
 * how wide: no further than the text's own length).
 */
export function parseCsv(text: string, limits: CsvLimits = unlimited): CsvRow[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let width = 0;
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let cellStarted = false;
  let afterQuote = false;

  const add = (text: string) => {
    cell += text;
    if (cell.length > limits.cellLength)
      throw new CsvLimitError({ limit: 'cellLength', line, column: width + 1 });
  };
  const endCell = () => {
    width++;
    // Past the limit the row's cells are only counted, to say how wide it is.
    if (width <= limits.columns) cells.push(cell);
    cell = '';
    cellStarted = false;
    afterQuote = false;
  };
  const endRow = () => {
    endCell();
    if (width > limits.columns) throw new CsvLimitError({ limit: 'columns', line: rowLine, columns: width });
    if (!(cells.length === 1 && cells[0]?.trim() === '')) {
      if (rows.length === limits.rows) throw new CsvLimitError({ limit: 'rows', line: rowLine });
      rows.push({ line: rowLine, cells });
    }
    cells = [];
    width = 0;
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          add('"');
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        // Everything up to the next quote mark belongs to the cell: taken in one piece.
        const end = nextIndex(source, '"', i);
        const chunk = source.slice(i, end);
        for (let at = chunk.indexOf('\n'); at >= 0; at = chunk.indexOf('\n', at + 1)) line++;
        add(chunk);
        i = end - 1;
      }
      continue;
    }
    if (ch === ',') {
      endCell();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else if (ch === '"') {
      if (cellStarted && cell.trim() !== '')
        throw new CsvSyntaxError(line, `a quote mark appears inside an unquoted cell`);
      cell = '';
      quoted = true;
      cellStarted = true;
    } else {
      if (afterQuote) {
        if (ch.trim() !== '') throw new CsvSyntaxError(line, 'text follows a closing quote mark');
        continue;
      }
      // An unquoted cell runs to the next comma, line break or quote mark: taken in one piece.
      let end = i + 1;
      while (end < source.length && !isSpecial(source.charCodeAt(end))) end++;
      add(source.slice(i, end));
      cellStarted = true;
      i = end - 1;
    }
  }
  if (quoted) throw new CsvSyntaxError(rowLine, 'a quoted cell is never closed');
  if (cell !== '' || width > 0) endRow();
  return rows;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** How a spreadsheet recognises a formula: = + - or @ first, or a tab or carriage return before one. */
const formulaStart = /^[=+\-@\t\r]/;
/** A number written out is a number to a spreadsheet, never a formula, even with a minus sign. */
const writtenNumber = /^-?\d+(\.\d+)?$/;

/**
 * A cell's text as a spreadsheet will show it rather than run it: text that would start a formula
 * (a name typed as `=HYPERLINK(…)`) gets a leading apostrophe, which Excel and its kin read as "this
 * is text". Numbers, and text that is a number, stay as they are.
 */
function neutraliseFormula(cell: string | number): string {
  if (typeof cell === 'number') return String(cell);
  return formulaStart.test(cell) && !writtenNumber.test(cell) ? `'${cell}` : cell;
}

/**
 * Writes rows as CSV that Excel opens cleanly: UTF-8 byte-order mark, CRLF line ends, and no cell a
 * spreadsheet would run as a formula.
 */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\ufeff${rows.map((row) => row.map((cell) => quote(neutraliseFormula(cell))).join(',')).join('\r\n')}\r\n`;
}
