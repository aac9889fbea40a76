/**
 * Dates of birth. Scope's explanations are about quarterly counts, so the dates in them are recent
 * ones: a quarter's end, a program's start, a correction. The rule, in the coalition's words:
 * - a date with a birth word near it ("born", "DOB", "birthday", "nació", "ngày sinh") is refused,
 *   even without a day or year ("DOB April 12", "born 04/2019");
 * - a full date (day, month and year) from before last year is refused as a likely date of birth,
 *   a child's as much as an adult's, except a quarter's first or last day ("the quarter ending
 *   06/30/2023"), which is how reporting dates are written;
 * - anything else passes: "on 4/12 we held a training", "since January 2020", a date this year or last.
 * So a baby's birth date from this year or last, written without a birth word, gets through.
 */
import type { DigitGroup } from './numbers';
import type { Token } from './text';

/** A date in a text, as much of it as was written. */
export type DateMention = Readonly<{ index: number; year?: number; month?: number; day?: number }>;

const months = new Map<string, number>();
const monthNames = [
  ['january', 'jan', 'enero', 'ene', 'janeiro'],
  ['february', 'feb', 'febrero', 'fevereiro', 'fev'],
  ['march', 'mar', 'marzo', 'marco'],
  ['april', 'apr', 'abril', 'abr'],
  ['may', 'mayo', 'maio'],
  ['june', 'jun', 'junio', 'junho'],
  ['july', 'jul', 'julio', 'julho'],
  ['august', 'aug', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'setembro', 'set'],
  ['october', 'oct', 'octubre', 'outubro', 'out'],
  ['november', 'nov', 'noviembre', 'novembro'],
  ['december', 'dec', 'diciembre', 'dic', 'dezembro', 'dez'],
];
monthNames.forEach((names, i) => {
  for (const name of names) months.set(name, i + 1);
});

const ordinalEndings = new Set(['st', 'nd', 'rd', 'th', 'o', 'er']);
const dateJoiners = new Set(['de', 'del', 'of', 'the']);
const birthWords = new Set([
  'born',
  'birth',
  'birthday',
  'birthdate',
  'dob',
  'bday',
  'nacio',
  'nacido',
  'nacida',
  'nacimiento',
  'cumpleanos',
  'sinh',
]);

// First and last days of quarters, how reporting periods are written.
const quarterBoundaries = new Set(['1-1', '3-31', '4-1', '6-30', '7-1', '9-30', '10-1', '12-31']);

/** A year from two or four digits: "19" is 2019 until it is later than this year, then 1919. */
function yearOf(digits: string, thisYear: number): number | undefined {
  const value = Number(digits);
  if (digits.length === 4) return value >= 1900 && value <= 2100 ? value : undefined;
  if (digits.length !== 2) return undefined;
  return 2000 + value <= thisYear ? 2000 + value : 1900 + value;
}

const isDay = (n: number) => Number.isInteger(n) && n >= 1 && n <= 31;
const isMonth = (n: number) => Number.isInteger(n) && n >= 1 && n <= 12;

/**
 * Adds the date that a window of digit groups starts with, if any: 04/12/2019, 4-12-19, 2019-04-12,
 * 12.04.2019; and 04/2019 or 4/12 without the rest.
 */
export function addNumericDate(
  mentions: DateMention[],
  thisYear: number,
  first: DigitGroup,
  second: DigitGroup | undefined,
  third: DigitGroup | undefined,
): void {
  const a = Number(first.digits);
  const b = Number(second?.digits);
  if (second && third && second.joint === third.joint && second.joint !== ' ') {
    const l1 = first.digits.length;
    const l2 = second.digits.length;
    const l3 = third.digits.length;
    const c = Number(third.digits);
    if (l1 <= 2 && l2 <= 2 && (l3 === 2 || l3 === 4)) {
      const year = yearOf(third.digits, thisYear);
      // The US order first; 30/06/2019 can only be day first.
      if (year && isMonth(a) && isDay(b)) mentions.push({ index: first.index, year, month: a, day: b });
      else if (year && isMonth(b) && isDay(a)) mentions.push({ index: first.index, year, month: b, day: a });
    } else if (l1 === 4 && l2 <= 2 && l3 <= 2) {
      const year = yearOf(first.digits, thisYear);
      if (year && isMonth(b) && isDay(c)) mentions.push({ index: first.index, year, month: b, day: c });
    }
  }
  // Half a date, "04/2019" or "4/12", matters only beside a birth word; dashes are ranges ("12-17").
  if (second?.joint === '/' && first.digits.length <= 2 && isMonth(a)) {
    const year = second.digits.length === 4 ? yearOf(second.digits, thisYear) : undefined;
    if (year) mentions.push({ index: first.index, year, month: a });
    else if (second.digits.length <= 2 && isDay(b)) mentions.push({ index: first.index, month: a, day: b });
  }
}

const numberAt = (tokens: readonly Token[], i: number) =>
  tokens[i]?.kind === 'number' ? Number(tokens[i]?.text) : Number.NaN;

/**
 * Dates written with a month's name: "April 12, 2019", "12 April 2019", "12th of April", "12 de abril
 * de 2019", "April 2019", and Vietnamese "ngày 12 tháng 4 năm 2019". Each month name looks at a few
 * tokens either side.
 */
export function wordDates(tokens: readonly Token[], thisYear: number): DateMention[] {
  const mentions: DateMention[] = [];
  tokens.forEach((token, i) => {
    let month = token.kind === 'word' ? months.get(token.lower) : undefined;
    let after = i + 1;
    let before = i - 1;
    if (token.lower === 'thang' && isMonth(numberAt(tokens, i + 1))) {
      month = numberAt(tokens, i + 1);
      after = i + 2;
    }
    if (month === undefined) return;
    // The day before the month: "12 April", "12th of April", "12 de abril".
    if (dateJoiners.has(tokens[before]?.lower ?? '')) before--;
    if (ordinalEndings.has(tokens[before]?.lower ?? '') && !tokens[before]?.spaced) before--;
    let day =
      isDay(numberAt(tokens, before)) && (tokens[before]?.text.length ?? 9) <= 2
        ? numberAt(tokens, before)
        : undefined;
    if (tokens[after]?.text === '.') after++;
    // Or after it: "April 12", "April 12th".
    if (day === undefined && isDay(numberAt(tokens, after)) && (tokens[after]?.text.length ?? 0) <= 2) {
      day = numberAt(tokens, after);
      after++;
      if (ordinalEndings.has(tokens[after]?.lower ?? '') && !tokens[after]?.spaced) after++;
    }
    if (tokens[after]?.text === ',') after++;
    if (dateJoiners.has(tokens[after]?.lower ?? '') || tokens[after]?.lower === 'nam') after++;
    if (tokens[after]?.text === "'") after++;
    const yearToken = tokens[after];
    const year = yearToken?.kind === 'number' ? yearOf(yearToken.text, thisYear) : undefined;
    if (day !== undefined || year !== undefined) mentions.push({ index: i, month, day, year });
  });
  return mentions;
}

/** Whether any date mentioned is a date of birth, by the rule at the top of this file. */
export function hasDateOfBirth(
  tokens: readonly Token[],
  mentions: readonly DateMention[],
  thisYear: number,
): boolean {
  if (mentions.length === 0) return false;
  // How many birth words come before each token, so "is one near?" is a subtraction.
  const birthWordsBefore = new Int32Array(tokens.length + 1);
  tokens.forEach((token, i) => {
    const spelledOut =
      token.lower === 'b' &&
      tokens[i - 2]?.lower === 'o' &&
      tokens[i - 4]?.lower === 'd' &&
      tokens[i - 1]?.text === '.';
    birthWordsBefore[i + 1] =
      (birthWordsBefore[i] as number) + (birthWords.has(token.lower) || spelledOut ? 1 : 0);
  });
  const birthWordBetween = (from: number, to: number) => {
    const start = Math.max(0, from);
    const end = Math.min(tokens.length, to);
    return start < end && (birthWordsBefore[end] as number) > (birthWordsBefore[start] as number);
  };
  return mentions.some(({ index, year, month, day }) => {
    if (birthWordBetween(index - 10, index + 6)) return true;
    if (year === undefined || month === undefined || day === undefined) return false;
    return year < thisYear - 1 && !quarterBoundaries.has(`${month}-${day}`);
  });
}
