/**
 * Case, record and ID numbers: a label ("Case #", "MRN", "passport no.", "DL#", "A-number") followed
 * by a code with digits in it, and codes whose shape gives them away without a label: "2024-CR-001234",
 * "A123456789", "D1234567". Each label looks at a bounded number of tokens after it.
 */
import type { Token } from './text';

export type IdentifierKind = 'case or record number' | 'ID number' | 'Social Security number';

const labels = new Map<string, IdentifierKind>([
  ...'case caso docket booking expediente file record mrn chart inmate cii sid pfn cdcr fbi client cliente patient paciente participant survivor victim folio'
    .split(' ')
    .map((w): [string, IdentifierKind] => [w, 'case or record number']),
  ...'id ident identification passport pasaporte license licence licencia dl cdl alien uscis itin account acct medicaid cin'
    .split(' ')
    .map((w): [string, IdentifierKind] => [w, 'ID number']),
  ['ssn', 'Social Security number'],
  ['ss', 'Social Security number'],
]);
const fillerSymbols = new Set(['#', ':', '.', '-', '=', '(', ')']);
const fillerWords = new Set([
  'no',
  'nbr',
  'num',
  'number',
  'numero',
  'id',
  'is',
  'de',
  'del',
  'of',
  'was',
  'n',
]);

/**
 * The code after a label at `start`: up to twelve tokens with no space between them, and how many
 * digits it holds. "2024-CR-001234" is one code with ten digits.
 */
function codeAt(tokens: readonly Token[], start: number): { digits: number; tokens: Token[] } {
  const code: Token[] = [];
  let digits = 0;
  for (let i = start; i < start + 12; i++) {
    const token = tokens[i];
    // Spaces may split the digits of a number ("A 123 456 789"), not a code from the next word.
    const previous = code.at(-1);
    if (
      !token ||
      (i > start &&
        token.spaced &&
        !(token.kind === 'number' && (previous?.kind === 'number' || previous?.text.length === 1)))
    )
      break;
    if (token.kind === 'symbol' && !['-', '/', '.'].includes(token.text)) break;
    code.push(token);
    if (token.kind === 'number') digits += token.text.length;
  }
  return { digits, tokens: code };
}

/**
 * Whether a code reads as an identifier even without "#", "no." or ":" before it: it has a dash or
 * letters among its digits, or five digits or more. "In case 150 people come" has a count, not a code;
 * "2026Q3" is a reporting period.
 */
function isBareIdentifier(code: { digits: number; tokens: Token[] }): boolean {
  const [first, second, third] = code.tokens;
  if (
    code.tokens.length === 3 &&
    first?.text.length === 4 &&
    second?.lower === 'q' &&
    third?.kind === 'number'
  )
    return false;
  return code.digits >= 5 || code.tokens.some((t) => t.kind === 'word' || t.text === '-');
}

/** The kind of identifier a label at `i` introduces, when a code follows it. */
function labelledIdentifier(tokens: readonly Token[], i: number): IdentifierKind | undefined {
  const label = tokens[i] as Token;
  let kind = labels.get(label.lower);
  let j = i + 1;
  // "A-number", "A#", "A 123456789": only with its mark, since "a" is also a word.
  if (label.lower === 'a') {
    const next = tokens[j];
    if (next?.text === '#' || (next?.text === '-' && tokens[j + 1]?.lower === 'number')) kind = 'ID number';
    else return undefined;
  }
  if (label.lower === 'medical' && tokens[j]?.lower === 'record') return labelledIdentifier(tokens, j);
  if (kind === undefined) return undefined;
  let filled = false;
  while (j < i + 4) {
    const token = tokens[j];
    if (!token || !(fillerSymbols.has(token.text) || fillerWords.has(token.lower))) break;
    filled = true;
    j++;
  }
  const code = codeAt(tokens, j);
  if (code.digits < 3 || (!filled && !isBareIdentifier(code))) return undefined;
  return kind;
}

/** The kinds of identifier a text holds. */
export function identifierKinds(tokens: readonly Token[]): Set<IdentifierKind> {
  const kinds = new Set<IdentifierKind>();
  tokens.forEach((token, i) => {
    if (token.kind !== 'word') return;
    const labelled = labelledIdentifier(tokens, i);
    if (labelled) kinds.add(labelled);
    const next = tokens[i + 1];
    // Letters then six or more digits, unspaced: "A123456789", "D1234567", "X12345678".
    if (token.text.length <= 3 && next?.kind === 'number' && !next.spaced && next.text.length >= 6)
      kinds.add('ID number');
  });
  // Court-style case numbers: "2024-CR-001234", "24-CV-1234", "CR-2024-001234".
  for (let i = 0; i + 4 < tokens.length; i++) {
    const year = tokens[i];
    const dash = tokens[i + 1];
    const middle = tokens[i + 2];
    const dash2 = tokens[i + 3];
    const serial = tokens[i + 4];
    const yearFirst = year?.kind === 'number' && (year.text.length === 2 || year.text.length === 4);
    const lettersFirst = year?.kind === 'word' && year.text.length <= 4;
    if (
      (yearFirst
        ? middle?.kind === 'word' && middle.text.length <= 4
        : lettersFirst && middle?.kind === 'number') &&
      dash?.text === '-' &&
      dash2?.text === '-' &&
      serial?.kind === 'number' &&
      serial.text.length >= 3 &&
      !dash.spaced &&
      !middle?.spaced &&
      !dash2.spaced &&
      !serial.spaced
    )
      kinds.add('case or record number');
  }
  return kinds;
}
