import { describe, expect, test } from 'vitest';
import { CsvSyntaxError, formatCsv, parseCsv } from './csv';

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
