/**
 * `npm run bench scan`: how long the personal-data guard takes on inputs built to make pattern
 * matching blow up (long digit runs, "a@" repeats, "1 " repeats, dots, long words, mixed scripts),
 * at the free-text limit and at 1 MB, each beside ordinary explanation text of the same length scanned
 * in the same run; whole uploads at the size limit; and how many of the sample table it catches.
 */
import { maxFreeTextLength, scanText } from '../../api/domain/pii';
import { passedSamples, refusedSamples, samplesNow } from '../../api/domain/pii.samples';
import { buildTemplate, maxUploadBytes, readUpload, templateColumns } from '../../api/domain/upload';
import { readDefaultCatalog } from '../../api/queries/catalog';
import { formatRatio, median, printTable, time } from './measure';

const adversarialInputs: Array<[string, (length: number) => string]> = [
  ['digit run', (n) => '1'.repeat(n)],
  ['"a@" repeated', (n) => 'a@'.repeat(n / 2)],
  ['"1 " repeated', (n) => '1 '.repeat(n / 2)],
  ['"1-" repeated', (n) => '1-'.repeat(n / 2)],
  ['dots', (n) => '.'.repeat(n)],
  ['one long word', (n) => 'a'.repeat(n)],
  ['capitalised words', (n) => 'Aa '.repeat(n / 3)],
  ['names', (n) => 'Maria Grace '.repeat(n / 12)],
  ['"case #" repeated', (n) => 'case #'.repeat(n / 6)],
  ['house numbers and words', (n) => '1 oak oak oak '.repeat(n / 14)],
  ['dates', (n) => '12 April 12/'.repeat(n / 12)],
  ['mixed scripts', (n) => 'Mаria Иван ４０８ '.repeat(n / 16)],
  ['spelled "[at]" and "[dot]"', (n) => 'a [at] b [dot] '.repeat(n / 15)],
  ['email-like', (n) => `${'a.'.repeat(n / 2 - 1)}@`],
];

/** Ordinary explanations, repeated to `length` characters. */
function ordinaryText(length: number): string {
  const text = passedSamples.join(' ');
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

/** The median time of scanning `text`, in milliseconds. */
function scanMs(text: string, rounds: number): number {
  return median(Array.from({ length: rounds }, () => time(() => scanText(text, samplesNow)))) * 1000;
}

const formatMs = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms.toFixed(1));

export function runScanBenchmark(): void {
  console.log(
    '\nPersonal-data guard: scan time on adversarial input, against ordinary text of the same length',
  );
  const caught = refusedSamples.filter(([text, kind]) =>
    scanText(text, samplesNow).some((f) => f.kind === kind),
  ).length;
  const passed = passedSamples.filter((text) => scanText(text, samplesNow).length === 0).length;
  console.log(
    `  samples: refused ${caught} of ${refusedSamples.length} personal details, passed ${passed} of ${passedSamples.length} ordinary texts`,
  );
  for (const [length, rounds] of [
    [maxFreeTextLength, 50],
    [1_000_000, 3],
  ] as const) {
    const baseline = scanMs(ordinaryText(length), rounds);
    const rows = [['input', 'ms', '× ordinary']];
    let worst = 0;
    for (const [name, make] of adversarialInputs) {
      const ms = scanMs(make(length), rounds);
      worst = Math.max(worst, ms);
      rows.push([name, formatMs(ms), formatRatio(ms / baseline)]);
    }
    console.log(
      `\n  ${length.toLocaleString('en-US')} characters: ordinary text ${formatMs(baseline)} ms, worst adversarial ${formatMs(worst)} ms (${formatRatio(worst / baseline)}×)`,
    );
    printTable(rows);
  }
  readUploads();
}

/**
 * Whole uploads at the limits, read as the server reads them (parsing, every check, the scan): the
 * demo's full template, and files just under 1 MB whose every cell is 200 characters of adversarial
 * text. The scan reads at most `maxUploadText` of what is not a count or a code, so these stay short.
 */
function readUploads(): void {
  const catalog = readDefaultCatalog();
  const agency = { code: 'RIVER', type: 'victim_services' as const };
  const period = '2026Q3';
  const template = buildTemplate(catalog, agency, period, new Map());
  const readMs = (csv: string) =>
    median([1, 2, 3, 4, 5].map(() => time(() => readUpload(csv, catalog, agency, period, samplesNow)))) *
    1000;
  const baseline = readMs(template);
  const rows = [['file', 'KB', 'ms', '× template']];
  rows.push(['the full template', (template.length / 1024).toFixed(0), formatMs(baseline), '1.00']);
  const header = templateColumns(catalog);
  for (const [name, make] of adversarialInputs) {
    const line = header.map(() => make(200).replaceAll(/[",\r\n]/g, ' ')).join(',');
    const csv = `${header.join(',')}\n${`${line}\n`.repeat(Math.floor((maxUploadBytes - 1024) / (line.length + 1)))}`;
    const ms = readMs(csv);
    rows.push([name, (csv.length / 1024).toFixed(0), formatMs(ms), formatRatio(ms / baseline)]);
  }
  console.log(
    '\n  Whole uploads of 200-character cells, just under the 1 MB limit, read as the server reads them',
  );
  printTable(rows);
}
