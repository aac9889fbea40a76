/**
 * The upload guard: Scope takes aggregate counts only, so anything that looks like a person's
 * details is refused wherever data comes in (form, CSV, JSON, explanations and comments). Findings
 * name the place and the kind of detail, never the text itself, so a refusal cannot leak it further.
 *
 * The text is normalised first (`pii/text.ts`: NFKC, accents, invisible characters, Unicode dashes,
 * dots and spaces, other scripts' digits, Cyrillic and Greek look-alikes) and split into tokens once;
 * each check then looks a bounded number of tokens around each one, so the time grows linearly with
 * the text and no input can make a pattern backtrack. Names, everyday words and places are data, in
 * `data/pii/`.
 *
 * What it cannot catch, and lets through:
 * - names not in the lists, unless an honorific or a "name:" label comes first ("Ms. Okonkwo"): a
 *   rare surname on its own, or two capitalised unknown words, reads like any proper noun;
 * - names that are everyday words or places ("Hope", "Jordan", "Young") standing alone, and names
 *   written inside an organisation's capitalised name ("Maria Lopez Center");
 * - names in Chinese characters, Hangul, Arabic or Devanagari script (Cyrillic is transliterated),
 *   and names broken up or respelled ("M.a.r.i.a", "M4ria", "MariaLopez" written as one word);
 * - numbers spelled out in words ("four zero eight…"), or split by letters or commas;
 * - a date of birth from this year or last with no birth word beside it, or falling on a quarter's
 *   first or last day (see `pii/dates.ts`), and ages ("she is 15"), which are not identifying alone;
 * - street names without a house number or a word like "lives", "Apt" or "PO Box";
 * - social-media handles, licence plates, and descriptions that identify someone without any of
 *   these details ("the only Tongan teenager at the Gilroy school").
 */
import { hasEmailAddress, hasStreetAddress } from './pii/contact';
import { addNumericDate, type DateMention, hasDateOfBirth, wordDates } from './pii/dates';
import { identifierKinds } from './pii/identifiers';
import { hasPersonName } from './pii/names';
import { readDigitRuns } from './pii/numbers';
import { characterPatterns, normaliseText, type Token, tokenize } from './pii/text';

export type PiiKind =
  | 'email address'
  | 'phone number'
  | 'Social Security number'
  | 'ID number'
  | 'case or record number'
  | 'date of birth'
  | 'street address'
  | "person's name";

export type PiiFinding = { kind: PiiKind };

/** The longest explanation or comment Scope takes: a few sentences about a quarter's counts. */
export const maxFreeTextLength = 2000;

/**
 * Why a free-text field (an explanation, a comment) is too long to take, or undefined when it is not.
 * A field with a limit of its own (a report's narrative section) gives it as `max`.
 */
export function freeTextLengthProblem(text: string, max = maxFreeTextLength): string | undefined {
  return text.length > max
    ? `Keep this under ${max.toLocaleString('en-US')} characters: it has ${text.length.toLocaleString('en-US')}. A few sentences about the counts is enough.`
    : undefined;
}

// The order findings are reported in, whatever order they were found in.
const kindOrder: PiiKind[] = [
  'email address',
  'phone number',
  'Social Security number',
  'ID number',
  'case or record number',
  'date of birth',
  'street address',
  "person's name",
];

/**
 * The kinds of personal detail in a tokenised text. Each check passes over the tokens a fixed number
 * of times, looking a bounded number of tokens either side, so the work grows linearly with the text.
 */
export function scanTokens(tokens: readonly Token[], now: Date): PiiFinding[] {
  const found = new Set<PiiKind>();
  const thisYear = now.getUTCFullYear();
  if (hasEmailAddress(tokens)) found.add('email address');
  const dates: DateMention[] = [];
  const numbers = readDigitRuns(tokens, (first, second, third) =>
    addNumericDate(dates, thisYear, first, second, third),
  );
  for (const kind of numbers) found.add(kind);
  for (const kind of identifierKinds(tokens)) found.add(kind);
  // An SSN is also nine digits: say it once, as the more specific kind.
  if (found.has('Social Security number')) found.delete('ID number');
  for (const mention of wordDates(tokens, thisYear)) dates.push(mention);
  if (hasDateOfBirth(tokens, dates, thisYear)) found.add('date of birth');
  if (hasStreetAddress(tokens)) found.add('street address');
  if (hasPersonName(tokens)) found.add("person's name");
  return kindOrder.filter((kind) => found.has(kind)).map((kind) => ({ kind }));
}

/**
 * Scans free text (an explanation, a review comment, any cell of an upload) for personal details,
 * after undoing disguises (full-width or look-alike characters, "[at]" and "dot", Unicode dashes).
 * Dates of birth are judged against `now`'s year: see `pii/dates.ts`.
 */
export function scanText(text: string, now = new Date()): PiiFinding[] {
  return scanTokens(tokenize(text), now);
}

const camelCaseJoint = /([a-z])([A-Z])/g;
const headerPunctuation = /[_\-./]+/g;
const whiteSpace = /\s+/g;

const personalHeaderPatterns: Array<[RegExp, string]> = [
  [
    /\b(?:first|last|middle|full|given|family|sur|client|survivor|victim|patient|maiden)\s*name\b|^name$|\bnames?\b/,
    'names',
  ],
  [/\b(?:dob|d o b|date of birth|birth ?date|birthday|born)\b/, 'dates of birth'],
  [/\b(?:ssn|social security|ss ?#|ss num(?:ber)?|tax ?id|itin)\b/, 'Social Security or tax numbers'],
  [/\b(?:phone|telephone|tel|mobile|cell|fax)\b/, 'phone numbers'],
  [/\be ?mail\b/, 'email addresses'],
  [/\b(?:address|street|apt|apartment|zip|zip ?code|postal ?code|city of residence)\b/, 'addresses'],
  [
    /\b(?:case|client|person|participant|survivor|victim|patient|record|member|intake|file)\s*(?:id|number|num|no|#|identifier)\b|\bmrn\b|\bcase ?#/,
    'case or client identifiers',
  ],
  [
    /\b(?:a ?number|alien ?(?:number|registration)|passport|driver'?s? ?licen[cs]e|licen[cs]e ?number|green ?card)\b/,
    'identity-document numbers',
  ],
  [/\b(?:ip address|device id|social media|instagram|facebook|handle|username)\b/, 'online identifiers'],
];

/**
 * Whether a column header asks for personal data, and which kind (in words for the message), or
 * undefined when it looks harmless.
 */
export function personalHeaderKind(header: string): string | undefined {
  const normalized = normaliseText(header)
    .replace(camelCaseJoint, '$1 $2')
    .toLowerCase()
    .replace(headerPunctuation, ' ')
    .replace(whiteSpace, ' ')
    .trim();
  for (const [pattern, kind] of personalHeaderPatterns) if (pattern.test(normalized)) return kind;
  return undefined;
}

/** Per-person attributes that only make sense in a file with a row for each person. */
const personLevelHeaders =
  /^(?:age|age at intake|sex|gender|race|ethnicity|nationality|country of birth|birth country|intake date|date of intake|admission date|exit date|discharge date|date served|service date|initials)$/;

/** Whether a header is a per-person attribute (age, sex, intake date…), the mark of client-level records. */
export function isPersonLevelHeader(header: string): boolean {
  return personLevelHeaders.test(
    normaliseText(header).toLowerCase().replace(headerPunctuation, ' ').replace(whiteSpace, ' ').trim(),
  );
}

/**
 * Every regular expression the guard runs, for the test that checks none can backtrack without
 * bound. Free text is read by the tokenizer, which tests one character at a time; patterns are
 * kept for column headers, which are short.
 */
export const guardPatterns: readonly RegExp[] = [
  ...characterPatterns,
  ...personalHeaderPatterns.map(([pattern]) => pattern),
  personLevelHeaders,
  camelCaseJoint,
  headerPunctuation,
  whiteSpace,
];

/** A plain sentence describing findings for a place ("Row 4, column notes"), without the text found. */
export function describeFindings(place: string, findings: PiiFinding[]): string {
  const kinds = findings.map(
    (f) => `${f.kind === 'email address' || f.kind === 'ID number' ? 'an' : 'a'} ${f.kind}`,
  );
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
  return `${place} looks like it contains ${list}. Scope accepts only counts, never details about a person: remove it and try again.`;
}

/**
 * A field's name as a refusal may repeat it: itself, unless it looks like personal data (a made-up
 * explanation key can hold anything), so the refusal never carries the details further.
 */
export function repeatableName(name: string, now = new Date()): string {
  return scanText(name, now).length > 0
    ? '(not repeated: it looks like personal details)'
    : name.slice(0, 120);
}
