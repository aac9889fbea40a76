/**
 * `npm run bench scan`: how long the personal-data guard takes on inputs built to make pattern
 * matching blow up (long digit runs, "a@" repeats, "1 " repeats, dots, long words, mixed scripts),
 * at the free-text limit and at the size of a 1 MB CSV cell, each beside ordinary explanation text
 * of the same length scanned in the same run; and how many of the sample table it catches.
 */
import { maxFreeTextLength, scanText } from '../../api/domain/pii';
import { passedSamples, refusedSamples, samplesNow } from '../../api/domain/pii.samples';
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
  scanUploadCells();
}

/**
 * An upload at its limits (1 MB, 200 characters a cell) is scanned a cell at a time: a template's
 * 20,000 rows, and 1 MB of 200-character adversarial cells.
 */
function scanUploadCells(): void {
  const templateRows = Array.from({ length: 20_000 }, (_, i) => [
    'TRESROBLES',
    '2026Q3',
    'survivors_served',
    `sex_${['under_12', '12_17', '18_24', '25_59', '60_plus'][i % 5]}`,
    String(i % 40),
  ]).flat();
  const rows = [['cells', 'count', 'ms', '× template']];
  const baseline =
    median([1, 2, 3].map(() => time(() => templateRows.forEach((c) => void scanText(c, samplesNow))))) * 1000;
  rows.push(['template rows', templateRows.length.toLocaleString('en-US'), formatMs(baseline), '1.00']);
  for (const [name, make] of adversarialInputs) {
    const cells = Array.from({ length: 5_000 }, () => make(200));
    const ms =
      median([1, 2, 3].map(() => time(() => cells.forEach((c) => void scanText(c, samplesNow))))) * 1000;
    rows.push([
      `${name}, 200 characters`,
      cells.length.toLocaleString('en-US'),
      formatMs(ms),
      formatRatio(ms / baseline),
    ]);
  }
  console.log('\n  A 1 MB upload, scanned cell by cell');
  printTable(rows);
}
