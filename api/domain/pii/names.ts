/**
 * People's names. A name from the lists in `data/pii/names/` is refused in any letter case ("maria",
 * "NGUYEN"), unless it is also an everyday word, month or place ("will", "may", "grace", "jordan") or
 * has two letters or fewer ("Le", "Li"): those count only in a name's company: beside another name
 * ("Grace Kim", "Le Van An", both capitalised), after an honorific ("Ms. Grace") or after a label
 * ("client: grace"). An honorific or a "name:" label makes any capitalised word a name ("Ms. Okonkwo").
 * Places and organisations made of names ("San Jose", "Bill Wilson Center") are not people.
 */
import { isTitleCase, type Token } from './text';
import { everydayWords, organisationWords, personNames, placePhrases, sentenceWords } from './wordLists';

const honorifics = new Set(
  'mr mrs ms miss mx dr dra sr sra srta senor senora senorita dona mister madam madame mme mlle prof'.split(
    ' ',
  ),
);
// Labels after which any word is a name: "name: Xochitl", "nombre: ana", "named Rosa".
const nameLabels = new Set(
  'name names nombre nombres named called llamado llamada llama aka alias apellido'.split(' '),
);
// Labels after which a listed name counts even when it is an everyday word: "client: grace", "survivor Hope".
const personLabels = new Set(
  'client cliente survivor sobreviviente victim victima patient paciente participant participante youth minor menor child kid nino nina mom mother father dad son daughter hijo hija madre padre husband wife esposo esposa brother sister hermano hermana girl boy woman man mujer hombre'.split(
    ' ',
  ),
);
const labelFillers = new Set([':', '-', '=', ',', 'is', 'es', 'was', 'se']);
// Words that join an organisation's name: "Sisters of Mercy", "Casa de la Familia".
const nameJoiners = new Set(['of', 'for', 'the', 'de', 'del', 'la', 'los', 'las', 'and', 'y', '&']);

/** Indexes of tokens that belong to a known place, or to a capitalised organisation's name. */
function placeAndOrganisationTokens(tokens: readonly Token[]): Uint8Array {
  const masked = new Uint8Array(tokens.length);
  tokens.forEach((token, i) => {
    for (const phrase of placePhrases.get(token.lower) ?? []) {
      let j = i;
      let matched = 0;
      while (matched < phrase.length && tokens[j]?.lower === phrase[matched]) {
        j++;
        matched++;
        // Phrases are words; a dot or hyphen between them ("St. James", "Winston-Salem") is skipped.
        if (tokens[j]?.kind === 'symbol' && matched < phrase.length) j++;
      }
      if (matched === phrase.length) masked.fill(1, i, j);
    }
  });
  // A run of capitalised words that ends in "Center", "Services", "Church"…: "Bill Wilson Center".
  let runStart = -1;
  let capitalised = 0;
  tokens.forEach((token, i) => {
    const title = isTitleCase(token) || (token.kind === 'word' && token.text === token.text.toUpperCase());
    if (title) {
      if (runStart < 0) runStart = i;
      capitalised++;
      if (capitalised >= 2 && organisationWords.has(token.lower)) masked.fill(1, runStart, i + 1);
    } else if (!(runStart >= 0 && token.kind === 'word' && nameJoiners.has(token.lower))) {
      runStart = -1;
      capitalised = 0;
    }
  });
  return masked;
}

/** Whether the word at `i` is in the name lists and not part of a place or organisation. */
function listed(tokens: readonly Token[], masked: Uint8Array, i: number): boolean {
  const token = tokens[i];
  return token?.kind === 'word' && masked[i] === 0 && personNames.has(token.lower);
}

/** Whether the word at `i` is a listed name that is no everyday word either: a name on its own. */
function distinctive(tokens: readonly Token[], masked: Uint8Array, i: number): boolean {
  const lower = tokens[i]?.lower ?? '';
  return listed(tokens, masked, i) && lower.length > 2 && !everydayWords.has(lower);
}

/** Whether the word at `i` is capitalised and no ordinary word of a report: "Okonkwo" after "Ms.". */
function unknownCapitalised(tokens: readonly Token[], masked: Uint8Array, i: number): boolean {
  const token = tokens[i];
  return (
    token !== undefined &&
    masked[i] === 0 &&
    isTitleCase(token) &&
    !sentenceWords.has(token.lower) &&
    !everydayWords.has(token.lower)
  );
}

/** Whether a text names a person. */
export function hasPersonName(tokens: readonly Token[]): boolean {
  const masked = placeAndOrganisationTokens(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== 'word') continue;
    if (distinctive(tokens, masked, i)) return true;
    // Two listed names side by side, both capitalised: "Grace Kim", "Van An".
    if (
      listed(tokens, masked, i) &&
      listed(tokens, masked, i + 1) &&
      tokens[i + 1]?.spaced &&
      isTitleCase(token) &&
      isTitleCase(tokens[i + 1] as Token)
    )
      return true;
    let next = i + 1;
    if (honorifics.has(token.lower)) {
      if (tokens[next]?.text === '.') next++;
      if (listed(tokens, masked, next) || unknownCapitalised(tokens, masked, next)) return true;
      continue;
    }
    const filled = labelFillers.has(tokens[next]?.lower ?? '');
    if (filled) next++;
    if (
      nameLabels.has(token.lower) &&
      (listed(tokens, masked, next) || (filled && unknownCapitalised(tokens, masked, next)))
    )
      return true;
    if (
      personLabels.has(token.lower) &&
      listed(tokens, masked, next) &&
      (filled || isTitleCase(tokens[next] as Token))
    )
      return true;
  }
  return false;
}
