/**
 * CSV as spreadsheets write it: an optional UTF-8 byte-order mark, CRLF or LF line ends, quoted
 * fields with doubled quotes inside, blank lines at the end. And CSV as Excel opens cleanly: a BOM
 * and CRLF.
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

/**
 * Parses CSV text into rows, each with the line number it starts on (1-based, as a spreadsheet
 * shows it). Blank lines are dropped. Throws `CsvSyntaxError` for an unclosed or stray quote.
 */
export function parseCsv(text: string): CsvRow[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let cellStarted = false;
  let afterQuote = false;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    cellStarted = false;
    afterQuote = false;
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0]?.trim() === '')) rows.push({ line: rowLine, cells });
    cells = [];
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        cell += ch;
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
      cell += ch;
      cellStarted = true;
    }
  }
  if (quoted) throw new CsvSyntaxError(rowLine, 'a quoted cell is never closed');
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Writes rows as CSV that Excel opens cleanly: UTF-8 byte-order mark, CRLF line ends. */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\ufeff${rows.map((row) => row.map((cell) => quote(String(cell))).join(',')).join('\r\n')}\r\n`;
}
