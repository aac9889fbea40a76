/**
 * The personal-data guard reads text once, as tokens. Before that, the ways people (and attackers)
 * disguise a detail are undone: full-width forms and other compatibility characters (NFKC), accents,
 * invisible characters, Unicode dashes, dots, spaces and slashes, digits of other scripts, and
 * Cyrillic or Greek letters that look Latin. Every step is one pass over the characters, so the
 * work grows with the length of the text and nothing else.
 */

/** One word, number or symbol of the normalised text. */
export type Token = Readonly<{
  kind: 'word' | 'number' | 'symbol';
  /** The normalised text, letter case kept (capitals tell a name from a word). */
  text: string;
  /** `text` in lower case, possessive "'s" dropped: what word lists are looked up by. */
  lower: string;
  /** Whether white space separates this token from the one before. */
  spaced: boolean;
}>;

// Each tests one character, so none can backtrack.
const letter = /\p{L}/u;
const mark = /\p{M}/u;
const invisible = /\p{Cf}/u;
const space = /[\p{Zs}\t\n\v\f\r\u2028\u2029]/u;
const dash = /[\p{Pd}\u2212\u02D7\u2043\uFE63]/u;
const latin = /\p{Script=Latin}/u;
const cyrillic = /\p{Script=Cyrillic}/u;
const greek = /\p{Script=Greek}/u;

/** The character tests the guard uses, for the test that checks every pattern it runs is safe. */
export const characterPatterns: readonly RegExp[] = [
  letter,
  mark,
  invisible,
  space,
  dash,
  latin,
  cyrillic,
  greek,
];

const symbolLookalikes = new Map<string, string>([
  ...[...'\u00B7\u2024\u2027\u2219\u22C5\u30FB\u3002\uFF61'].map((c): [string, string] => [c, '.']),
  ...[...'\u2044\u2215\u29F8'].map((c): [string, string] => [c, '/']),
  ...[...'\u2018\u2019\u201B\u02BC\u0060\u00B4\u2032'].map((c): [string, string] => [c, "'"]),
  ['\uFE6B', '@'],
  ['\u2116', '#'],
]);

// Latin letters with no decomposition to strip.
const latinLetters = new Map<string, string>([
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['Æ', 'Ae'],
  ['œ', 'oe'],
  ['Œ', 'Oe'],
  ['ø', 'o'],
  ['Ø', 'O'],
  ['đ', 'd'],
  ['Đ', 'D'],
  ['ł', 'l'],
  ['Ł', 'L'],
  ['ı', 'i'],
  ['ħ', 'h'],
  ['þ', 'th'],
]);

// Cyrillic and Greek letters drawn like Latin ones: in a word that mixes scripts they are a disguise.
const lookalikes = new Map<string, string>(
  Object.entries({
    а: 'a',
    в: 'b',
    е: 'e',
    ё: 'e',
    к: 'k',
    м: 'm',
    н: 'h',
    о: 'o',
    р: 'p',
    с: 'c',
    т: 't',
    у: 'y',
    х: 'x',
    і: 'i',
    ї: 'i',
    ј: 'j',
    ѕ: 's',
    ԁ: 'd',
    ԛ: 'q',
    ԝ: 'w',
    ɡ: 'g',
    А: 'A',
    В: 'B',
    Е: 'E',
    К: 'K',
    М: 'M',
    Н: 'H',
    О: 'O',
    Р: 'P',
    С: 'C',
    Т: 'T',
    У: 'Y',
    Х: 'X',
    І: 'I',
    Ј: 'J',
    Ѕ: 'S',
    α: 'a',
    β: 'b',
    ε: 'e',
    ι: 'i',
    κ: 'k',
    ν: 'v',
    ο: 'o',
    ρ: 'p',
    τ: 't',
    υ: 'u',
    χ: 'x',
    Α: 'A',
    Β: 'B',
    Ε: 'E',
    Ζ: 'Z',
    Η: 'H',
    Ι: 'I',
    Κ: 'K',
    Μ: 'M',
    Ν: 'N',
    Ο: 'O',
    Ρ: 'P',
    Τ: 'T',
    Υ: 'Y',
    Χ: 'X',
  }),
);

// A word written wholly in Cyrillic is read as Russian or Ukrainian and transliterated, so "Иван" is "Ivan".
const cyrillicSounds = new Map<string, string>(
  Object.entries({
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    ґ: 'g',
    д: 'd',
    е: 'e',
    ё: 'e',
    є: 'ye',
    ж: 'zh',
    з: 'z',
    и: 'i',
    і: 'i',
    ї: 'yi',
    й: 'y',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
  }),
);

// Zeros of the decimal digit blocks people type in (Arabic-Indic, Persian, Devanagari, Bengali,
// Gurmukhi, Gujarati, Tamil, Thai, Lao, Myanmar, Khmer); full-width digits are NFKC's.
const digitZeros = [
  0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0x1040, 0x17e0,
];

function asciiDigit(codePoint: number): string | undefined {
  for (const zero of digitZeros)
    if (codePoint >= zero && codePoint <= zero + 9) return String(codePoint - zero);
  return undefined;
}

/** A word's letters as Latin: look-alikes undone in a mixed word, Cyrillic transliterated in a Cyrillic one. */
function latinWord(word: string): string {
  let hasLatin = false;
  let hasOther = false;
  for (const c of word) {
    if (latin.test(c)) hasLatin = true;
    else if (cyrillic.test(c) || greek.test(c)) hasOther = true;
  }
  if (!hasOther) return word;
  let out = '';
  for (const c of word) {
    const lower = c.toLowerCase();
    const sound = !hasLatin && cyrillic.test(c) ? cyrillicSounds.get(lower) : undefined;
    if (sound !== undefined)
      out += c !== lower && sound ? (sound[0] as string).toUpperCase() + sound.slice(1) : sound;
    else out += lookalikes.get(c) ?? c;
  }
  return out;
}

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isAsciiDigit = (code: number) => code >= 48 && code <= 57;

/** Whether the character at `i` belongs inside a word: a letter, or a mark or invisible character to drop. */
function isWordCharacter(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return isAsciiLetter(code);
  const c = String.fromCodePoint(text.codePointAt(i) as number);
  return letter.test(c) || mark.test(c) || invisible.test(c);
}

/** A word's letters with marks and invisible characters dropped and look-alikes made Latin. */
function plainWord(word: string): string {
  let letters = '';
  for (const c of word) if (!mark.test(c) && !invisible.test(c)) letters += latinLetters.get(c) ?? c;
  return latinWord(letters);
}

/** A character between words made plain: white space, dashes, dots, slashes, other scripts' digits. */
function plainSymbol(c: string): string {
  const code = c.codePointAt(0) as number;
  if (code < 128) return code === 9 || code === 10 || code === 11 || code === 12 || code === 13 ? ' ' : c;
  if (space.test(c)) return ' ';
  if (dash.test(c)) return '-';
  return symbolLookalikes.get(c) ?? asciiDigit(code) ?? c;
}

/**
 * The text with disguises undone: NFKC, accents and invisible characters dropped, dashes, dots,
 * spaces, slashes and apostrophes made plain, other scripts' digits made ASCII, look-alike letters
 * made Latin. Plain ASCII, most of what people type, is copied a word at a time.
 */
export function normaliseText(text: string): string {
  const decomposed = text.normalize('NFKC').normalize('NFD');
  let out = '';
  let i = 0;
  while (i < decomposed.length) {
    if (isWordCharacter(decomposed, i)) {
      let end = i;
      let ascii = true;
      while (end < decomposed.length && isWordCharacter(decomposed, end)) {
        if (decomposed.charCodeAt(end) >= 128) ascii = false;
        end += (decomposed.codePointAt(end) as number) > 0xffff ? 2 : 1;
      }
      const word = decomposed.slice(i, end);
      out += ascii ? word : plainWord(word);
      i = end;
      continue;
    }
    let end = i;
    while (end < decomposed.length && !isWordCharacter(decomposed, end)) {
      const code = decomposed.charCodeAt(end);
      if (code >= 128 || code < 32) break;
      end++;
    }
    if (end > i) {
      out += decomposed.slice(i, end);
      i = end;
      continue;
    }
    const c = String.fromCodePoint(decomposed.codePointAt(i) as number);
    out += plainSymbol(c);
    i += c.length;
  }
  return out;
}

/** Whether the character at `i` of normalised text is a letter. */
function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 128 ? isAsciiLetter(code) : letter.test(text[i] as string);
}

/**
 * Splits normalised text into words (letters, with apostrophes inside them), numbers (runs of ASCII
 * digits) and single symbols, in one pass. "D1234567" is a word then a number with no space between.
 */
export function tokenize(text: string): Token[] {
  const normalised = normaliseText(text);
  const tokens: Token[] = [];
  // Short tokens repeat ("the", ".", "1"): one object each, shared, as tokens are never changed.
  const shortTokens = [new Map<string, Token>(), new Map<string, Token>()];
  let spaced = false;
  let i = 0;
  while (i < normalised.length) {
    const code = normalised.charCodeAt(i);
    if (code === 32) {
      spaced = true;
      i++;
      continue;
    }
    let end = i + 1;
    let kind: Token['kind'] = 'symbol';
    if (isAsciiDigit(code)) {
      kind = 'number';
      while (end < normalised.length && isAsciiDigit(normalised.charCodeAt(end))) end++;
    } else if (isLetterAt(normalised, i)) {
      kind = 'word';
      while (end < normalised.length) {
        if (isLetterAt(normalised, end)) end++;
        else if (
          normalised.charCodeAt(end) === 39 &&
          end + 1 < normalised.length &&
          isLetterAt(normalised, end + 1)
        )
          end += 2;
        else break;
      }
    }
    const tokenText = normalised.slice(i, end);
    const seen = end - i <= 3 ? shortTokens[spaced ? 1 : 0] : undefined;
    let token = seen?.get(tokenText);
    if (!token) {
      let lower = tokenText;
      if (kind === 'word') {
        lower = tokenText.toLowerCase();
        if (lower.endsWith("'s")) lower = lower.slice(0, -2);
      }
      token = { kind, text: tokenText, lower, spaced };
      seen?.set(tokenText, token);
    }
    tokens.push(token);
    spaced = false;
    i = end;
  }
  return tokens;
}

/**
 * Whether a word is written with a capital and then small letters, the way names are: "Maria",
 * "O'Connor", "McBride"; not "MARIA" or "maria".
 */
export const isTitleCase = (token: Token): boolean =>
  token.kind === 'word' &&
  token.text.length > 1 &&
  token.text[0] !== token.lower[0] &&
  token.text !== token.text.toUpperCase();
