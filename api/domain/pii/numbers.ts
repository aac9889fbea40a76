/**
 * Phone, Social Security and other ID numbers, read from runs of digit groups ("(408) 555-0123" is
 * the groups 408, 555, 0123 joined by spaces and a dash) rather than by patterns over characters:
 * each run is built once and each group is the start of a handful of fixed-size shapes.
 */
import type { Token } from './text';

/** A group of digits, and what joined it to the group before it in its run. */
export type DigitGroup = Readonly<{
  digits: string;
  /** The group's token. */
  index: number;
  /** '' for a run's first group; ' ' when only spaces or parentheses joined it. */
  joint: '' | ' ' | '-' | '.' | '/';
}>;

/** Reads each window of up to three consecutive groups of a run, starting at each group in turn. */
export type DigitWindowReader = (first: DigitGroup, second?: DigitGroup, third?: DigitGroup) => void;

const joiningSymbols = new Set(['-', '.', '/', '(', ')']);

/**
 * Reads the runs of digit groups in a text (numbers joined by spaces, at most two of - . / ( ), and
 * nothing else: "Served 12, then 15" has two runs, "408-555-0123" one of three groups), and returns
 * the kinds of number they hold. Each window of three groups is also handed to `readWindow`, for
 * dates. Only the last three groups are kept, so a run of a million groups costs no more memory than
 * a short one.
 */
export function readDigitRuns(tokens: readonly Token[], readWindow: DigitWindowReader): Set<NumberKind> {
  const kinds = new Set<NumberKind>();
  const recent: DigitGroup[] = [];
  const flush = (keep: number) => {
    while (recent.length > keep) {
      const [first, second, third] = recent as [DigitGroup, DigitGroup?, DigitGroup?];
      addWindowKinds(tokens, kinds, first, second, third);
      readWindow(first, second, third);
      recent.shift();
    }
  };
  let international: { digits: number; country: string; counting: boolean } | undefined;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (token.kind !== 'number') {
      i++;
      continue;
    }
    const startsRun = recent.length === 0 && international === undefined;
    const joint = startsRun ? '' : jointBefore(tokens, i);
    if (startsRun) {
      const before = tokens[i - 1];
      const plus = before?.text === '+' || (before?.text === '(' && tokens[i - 2]?.text === '+');
      international = plus ? { digits: 0, country: token.text, counting: true } : undefined;
    }
    if (international?.counting) {
      if (joint === '/') international.counting = false;
      else {
        international.digits += token.text.length;
        if (international.country === '1') international.country += token.text;
      }
    }
    recent.push({ digits: token.text, index: i, joint });
    flush(2);
    // What follows: up to two joining symbols, then another number, or the run ends here.
    let next = i + 1;
    while (next < i + 3 && joiningSymbols.has(tokens[next]?.text ?? '')) next++;
    if (tokens[next]?.kind !== 'number') {
      flush(0);
      // "+52 55 1234 5678": a country code and eight to fifteen digits, unless toll-free in North America.
      const areaCode = international?.country.slice(1, 4) ?? '';
      if (international && international.digits >= 8 && international.digits <= 15 && !isTollFree(areaCode))
        kinds.add('phone number');
      international = undefined;
    }
    i = next;
  }
  return kinds;
}

/** What joined the number at `index` to the number before it: its symbol, or a space. */
function jointBefore(tokens: readonly Token[], index: number): DigitGroup['joint'] {
  for (let back = index - 1; back >= index - 2; back--) {
    const text = tokens[back]?.text;
    if (text === '-' || text === '.' || text === '/') return text;
  }
  return ' ';
}

const phoneWords = new Set(['call', 'phone', 'cell', 'tel', 'text', 'mobile', 'telefono', 'celular', 'fax']);

// North American area codes and exchanges start with 2 to 9: "120 130 1400" is three counts.
const isNorthAmericanPart = (digits: string) => digits.length === 3 && digits[0] !== '0' && digits[0] !== '1';

const spacedOrTight = (group: DigitGroup | undefined) =>
  group !== undefined && (group.joint === ' ' || group.joint === '-' || group.joint === '.');

// Toll-free numbers belong to organisations ("the national hotline, 1-888-373-7888"), not to people.
const tollFreeCodes = new Set(['800', '833', '844', '855', '866', '877', '888']);
const isTollFree = (areaCode: string) => tollFreeCodes.has(areaCode);

export type NumberKind = 'phone number' | 'Social Security number' | 'ID number';

/** Adds the kinds of number a window of up to three groups starts with. */
function addWindowKinds(
  tokens: readonly Token[],
  kinds: Set<NumberKind>,
  group: DigitGroup,
  second: DigitGroup | undefined,
  third: DigitGroup | undefined,
): void {
  const length = group.digits.length;
  if (length === 10 || (length === 11 && group.digits[0] === '1')) {
    if (!isTollFree(group.digits.slice(length - 10, length - 7))) kinds.add('phone number');
  } else if (length >= 9) kinds.add('ID number');
  if (second && third && spacedOrTight(second) && spacedOrTight(third)) {
    // The three groups' lengths as one number: 334 is "408 555 0123".
    const shape =
      length < 10 && second.digits.length < 10 && third.digits.length < 10
        ? length * 100 + second.digits.length * 10 + third.digits.length
        : 0;
    const bySpaces = second.joint === ' ' && third.joint === ' ';
    if (
      shape === 334 &&
      !isTollFree(group.digits) &&
      (!bySpaces || (isNorthAmericanPart(group.digits) && isNorthAmericanPart(second.digits)))
    )
      kinds.add('phone number');
    else if (shape === 324) kinds.add('Social Security number');
    else if (shape === 333 && !bySpaces) kinds.add('ID number');
  }
  // "408 5550123", "(408) 555.0123" split once.
  if (
    length === 3 &&
    second?.digits.length === 7 &&
    spacedOrTight(second) &&
    !isTollFree(group.digits) &&
    (second.joint !== ' ' || isNorthAmericanPart(group.digits))
  )
    kinds.add('phone number');
  // A local number, "555-0123", only where the text says it is a phone: "250-1000" is a range.
  if (length === 3 && second?.digits.length === 4 && (second.joint === '-' || second.joint === '.')) {
    for (let back = group.index - 1; back >= Math.max(0, group.index - 4); back--)
      if (phoneWords.has(tokens[back]?.lower ?? '')) kinds.add('phone number');
  }
}
