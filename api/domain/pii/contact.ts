/**
 * Email and street addresses, read from tokens. Each "@" (or "[at]", "(at)", a spelled-out " at "
 * or "arroba") and each street word looks at a bounded number of tokens around it, so the work is
 * linear in the text.
 */
import type { Token } from './text';
import { sentenceWords } from './wordLists';

const openers = new Set(['[', '(', '{', '<']);
const closers = new Set([']', ')', '}', '>']);
const atWords = new Set(['at', 'arroba']);
const dotWords = new Set(['dot', 'punto', 'ponto']);
const mailProviders = new Set([
  'gmail',
  'googlemail',
  'yahoo',
  'ymail',
  'hotmail',
  'outlook',
  'live',
  'msn',
  'icloud',
  'me',
  'aol',
  'protonmail',
  'proton',
  'comcast',
  'att',
  'sbcglobal',
  'verizon',
  'mail',
  'gmx',
  'zoho',
  'qq',
  '163',
  'naver',
  'daum',
  'rediffmail',
  'yandex',
]);
const topLevelDomains = new Set(
  'com org net edu gov mil int info biz io co us ca mx gt sv hn ni cr pa cu do pr ve co ec pe bo cl ar uy py br pt es fr de it nl be ch at uk ie ru ua by kz ir af pk in bd lk np cn hk tw mo jp kr vn ph th kh la mm id my sg au nz sa ae qa kw jo lb sy iq eg ma dz tn tr il et er so ng gh ke za app dev me tv cc ly online site xyz'.split(
    ' ',
  ),
);

/** A bracketed word ("[at]", "( dot )") at `i`: the index after it, or undefined. */
function bracketed(tokens: readonly Token[], i: number, words: ReadonlySet<string>): number | undefined {
  return openers.has(tokens[i]?.text ?? '') &&
    words.has(tokens[i + 1]?.lower ?? '') &&
    closers.has(tokens[i + 2]?.text ?? '')
    ? i + 3
    : undefined;
}

/** Where an "@" in any spelling starts at `i`: the index after it and whether it was a bare word. */
function atSign(tokens: readonly Token[], i: number): { next: number; spelled: boolean } | undefined {
  const token = tokens[i];
  if (token?.text === '@') return { next: i + 1, spelled: false };
  const next = bracketed(tokens, i, atWords);
  if (next !== undefined) return { next, spelled: false };
  if (token?.kind === 'word' && atWords.has(token.lower)) return { next: i + 1, spelled: true };
  return undefined;
}

/** Whether the tokens after an "@" read as a mail domain: "gmail", "example.org", "yahoo dot com". */
function isMailDomain(tokens: readonly Token[], start: number, spelled: boolean): boolean {
  const labels: string[] = [];
  let tight = true;
  let i = start;
  while (labels.length < 6) {
    const label = tokens[i];
    if (label?.kind !== 'word' && label?.kind !== 'number') break;
    labels.push(label.lower);
    i++;
    // Hyphenated labels: "south-bay".
    while (tokens[i]?.text === '-' && !tokens[i]?.spaced && tokens[i + 1]?.kind === 'word') i += 2;
    const dot = tokens[i];
    if (dot?.text === '.') {
      tight &&= !dot.spaced && !tokens[i + 1]?.spaced;
      i++;
    } else if (dot?.kind === 'word' && dotWords.has(dot.lower)) {
      tight = false;
      i++;
    } else {
      const after = bracketed(tokens, i, dotWords);
      if (after === undefined) break;
      tight = false;
      i = after;
    }
  }
  const first = labels[0];
  const last = labels.at(-1);
  if (first === undefined || last === undefined) return false;
  if (mailProviders.has(first)) return true;
  if (labels.length < 2) return false;
  if (topLevelDomains.has(last)) return true;
  // A bare "at" needs a known ending: "met at home. Then" is no address.
  return (
    !spelled && tight && last.length >= 2 && last.length <= 24 && [...last].every((c) => c >= 'a' && c <= 'z')
  );
}

/** Whether a text holds an email address, however its "@" and dots are spelled. */
export function hasEmailAddress(tokens: readonly Token[]): boolean {
  for (let i = 1; i < tokens.length; i++) {
    const at = atSign(tokens, i);
    if (!at) continue;
    const local = tokens[i - 1];
    if (local?.kind !== 'word' && local?.kind !== 'number') continue;
    if (at.spelled && sentenceWords.has(local.lower)) continue;
    if (isMailDomain(tokens, at.next, at.spelled)) return true;
  }
  return false;
}

const streetWords = new Set(
  'st street str ave av avenue blvd boulevard rd road ln lane dr drive way ct court pl place cir circle hwy highway pkwy parkway expy expressway ter terrace trl trail loop sq square aly alley row plaza pike'.split(
    ' ',
  ),
);
const spanishStreetWords = new Set(['calle', 'avenida', 'camino', 'paseo', 'callejon', 'via', 'carretera']);
const spanishArticles = new Set(['el', 'la', 'los', 'las']);
const directions = new Set('n s e w ne nw se sw north south east west norte sur oeste este'.split(' '));
const unitWords = new Set(['apt', 'apartment', 'apto', 'departamento', 'depto', 'unit', 'ste', 'suite']);
const residenceWords = new Set(
  'lives live living resides reside residing stays staying stay vive viven vivia domicilio address direccion'.split(
    ' ',
  ),
);
const stateWords = new Set(['ca', 'california', 'calif']);

/** Whether the word at `i` can be part of a street's name: "Alma", "oak", "1st", "Santa Teresa". */
function isStreetNamePart(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (token?.kind === 'number') {
    // An ordinal street: "1st", "22nd".
    const ending = tokens[i + 1];
    return ending?.kind === 'word' && !ending.spaced && ['st', 'nd', 'rd', 'th'].includes(ending.lower);
  }
  return token?.kind === 'word' && !sentenceWords.has(token.lower);
}

/** The index just past a street's name and street word starting at `i` ("North Oak Street"), or undefined. */
function streetEnd(tokens: readonly Token[], i: number): number | undefined {
  let j = i;
  if (directions.has(tokens[j]?.lower ?? '')) {
    j++;
    if (tokens[j]?.text === '.') j++;
  }
  // "calle Tully", "el camino real".
  if (spanishArticles.has(tokens[j]?.lower ?? '') && spanishStreetWords.has(tokens[j + 1]?.lower ?? '')) j++;
  if (spanishStreetWords.has(tokens[j]?.lower ?? '') && isStreetNamePart(tokens, j + 1)) return j + 2;
  let nameWords = 0;
  while (nameWords < 4) {
    const token = tokens[j];
    if (nameWords > 0 && token?.kind === 'word' && streetWords.has(token.lower)) return j + 1;
    if (!isStreetNamePart(tokens, j)) return undefined;
    // An ordinal's ending is part of it.
    j += token?.kind === 'number' ? 2 : 1;
    nameWords++;
  }
  return undefined;
}

/** Whether a text holds a street address, a PO box or an apartment number, in any letter case. */
export function hasStreetAddress(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    // A house number and a street: "1234 north oak st", "55 W Alma Ave", "123 calle ocho".
    if (
      token.kind === 'number' &&
      token.text.length <= 6 &&
      next?.spaced &&
      streetEnd(tokens, i + 1) !== undefined
    )
      return true;
    if (token.kind !== 'word') continue;
    // PO boxes: "PO Box 123", "P.O. Box 55", "post office box 9", "apartado postal 12".
    if (token.lower === 'box' && tokens[i + 1]?.kind === 'number') {
      const before = tokens[i - 1]?.lower;
      if (
        before === 'po' ||
        before === 'o' ||
        before === 'office' ||
        (before === '.' && tokens[i - 2]?.lower === 'o')
      )
        return true;
    }
    if (token.lower === 'apartado' && tokens[i + 1]?.lower === 'postal' && tokens[i + 2]?.kind === 'number')
      return true;
    // Apartments: "apt 4b", "apartment #12". Units and suites count only after a street, above.
    if (unitWords.has(token.lower) && !['unit', 'ste', 'suite'].includes(token.lower)) {
      let j = i + 1;
      while (j < i + 3 && ['#', '.', 'no', ':'].includes(tokens[j]?.lower ?? '')) j++;
      if (tokens[j]?.kind === 'number') return true;
    }
    // "CA 95112": a state and a ZIP code.
    if (stateWords.has(token.lower) && tokens[i + 1]?.kind === 'number' && tokens[i + 1]?.text.length === 5)
      return true;
    // Where someone lives, without a house number: "lives on Alum Rock Ave".
    if (residenceWords.has(token.lower))
      for (let j = i + 1; j <= i + 4; j++) if (streetEnd(tokens, j) !== undefined) return true;
  }
  return false;
}
