import { describe, expect, test } from 'vitest';
import { type CsvLimitBreach, CsvLimitError, CsvSyntaxError, formatCsv, parseCsv } from './csv';

const cells = (text: string) => parseCsv(text).map((r) => r.cells);

describe('reading CSV', () => {
  test.each<[string, string, string[][]]>([
    [
      'plain LF',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF with a byte-order mark',
      '\ufeffa,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final line end',
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'trailing blank lines',
      'a,b\r\n1,2\r\n\r\n\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted fields with commas, quotes and line ends', 'a,"b, ""c""\nd"\n', [['a', 'b, "c"\nd']]],
    [
      'empty cells',
      'a,,c\n,,\n',
      [
        ['a', '', 'c'],
        ['', '', ''],
      ],
    ],
    ['spaces kept for the caller to trim', ' a , b \n', [[' a ', ' b ']]],
    ['quoted cell with spaces around it', ' "a" ,b\n', [['a', 'b']]],
    ['empty text', '', []],
  ])('%s', (_, text, expected) => expect(cells(text)).toEqual(expected));

  test('rows carry the line they start on, counting blank lines and line ends inside quotes', () => {
    const rows = parseCsv('h\r\n"x\ny"\r\n\r\nz\r\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  test.each([
    ['an unclosed quote', 'a,"b\n1,2', 1],
    ['a quote inside a cell', 'a,b\nx"y,2', 2],
    ['text after a closing quote', '"a"b,c', 1],
  ])('%s is refused with its line', (_, text, line) => {
    try {
      parseCsv(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(line);
    }
  });
});

describe('writing CSV', () => {
  test('Excel-ready: byte-order mark, CRLF, quotes only where needed, and it reads back', () => {
    const rows = [
      ['agency', 'note', 'value'],
      ['RIVER', 'a, "quoted" note', 3],
      ['HILLS', '', 0],
    ];
    const text = formatCsv(rows);
    expect(text.startsWith('\ufeffagency,note,value\r\n')).toBe(true);
    expect(text).toContain('RIVER,"a, ""quoted"" note",3\r\n');
    expect(cells(text)).toEqual(rows.map((r) => r.map(String)));
  });
});

describe('reading within limits', () => {
  const limits = { rows: 3, columns: 4, cellLength: 10 };
  const breachOf = (text: string) => {
    try {
      parseCsv(text, limits);
    } catch (error) {
      if (error instanceof CsvLimitError) return error.breach;
      throw error;
    }
    return null;
  };

  test.each<[string, string, CsvLimitBreach | null]>([
    ['a file at every limit', 'a,b,c,d\n1,2,3,4567890123\n\n5,6,7,8\n', null],
    ['a row too many', 'a\n1\n2\n3\n', { limit: 'rows', line: 4 }],
    ['a row too wide, counted to its end', 'a\n1,2,3,4,5,6,7\n', { limit: 'columns', line: 2, columns: 7 }],
    ['a cell too long', 'a,b\n1,12345678901,3\n', { limit: 'cellLength', line: 2, column: 2 }],
    ['a quoted cell too long', 'a\n"1234567\n8901"\n', { limit: 'cellLength', line: 3, column: 1 }],
  ])('%s', (_, text, breach) => expect(breachOf(text)).toEqual(breach));

  test('reading stops at the first cell too long, whatever follows', () => {
    const text = `a\n${'9'.repeat(128_000)}\n${'"'.repeat(5)}`;
    expect(breachOf(text)).toEqual({ limit: 'cellLength', line: 2, column: 1 });
  });
});

describe('no cell runs as a formula', () => {
  test.each<[string | number, string]>([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+cmd|x', "'+1+cmd|x"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['-3', '-3'],
    ['-3.5', '-3.5'],
    [-3, '-3'],
    [0, '0'],
    ['Santa Clara', 'Santa Clara'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is written as %s', (cell, written) => {
    expect(formatCsv([[cell]])).toBe(`\ufeff${written}\r\n`);
  });
});
