/**
 * The upload guard: Scope takes aggregate counts only, so anything that looks like a person's
 * details is refused wherever data comes in (form, CSV, JSON, explanations and comments). Findings
 * name the place and the kind of detail, never the text itself, so a refusal cannot leak it further.
 */

export type PiiKind =
  | 'email address'
  | 'phone number'
  | 'Social Security number'
  | 'date of birth'
  | 'street address'
  | "person's name";

export type PiiFinding = { kind: PiiKind };

const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const ssn = /(?<!\d)\d{3}[- ]\d{2}[- ]\d{4}(?!\d)/;
// North American numbers: (408) 555-0123, 408-555-0123, 408.555.0123, +1 408 555 0123, 4085550123.
const phone = /(?<![\d-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}(?![\d-])/;
const streetSuffixes = [
  'st',
  'street',
  'ave',
  'avenue',
  'rd',
  'road',
  'blvd',
  'boulevard',
  'dr',
  'drive',
  'ln',
  'lane',
]
  .concat([
    'way',
    'ct',
    'court',
    'pl',
    'place',
    'cir',
    'circle',
    'hwy',
    'highway',
    'pkwy',
    'parkway',
    'ter',
    'terrace',
  ])
  .map((w) => `[${w[0]?.toUpperCase()}${w[0]}]${w.slice(1)}`)
  .join('|');
// A house number, one to three capitalised words, a street suffix: "1234 North Oak Street", "55 W Alma Ave".
// Capitals matter: "2 referrals from Dr offices" is not an address.
const streetAddress = new RegExp(
  `\\b\\d{1,6}\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z][A-Za-z'-]*\\s+){1,3}(?:${streetSuffixes})\\b`,
);
const birthWords = /\b(?:dob|d\.o\.b|date of birth|birth ?date|born|birthday)\b/i;
const honorificName = /\b(?:[Mm]rs?|[Mm]s|[Mm]iss|[Mm]x|[Dd]r)\.?\s+[A-Z][a-z]+/;
const labelledName =
  /\b(?:client|survivor|victim|patient|participant|name)\s*(?:name)?\s*[:=]\s*[A-Z][a-z]+/i;

const numericDate = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b|\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g;
const monthNames =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const wordDate = new RegExp(
  `\\b(?:${monthNames})\\.?\\s+\\d{1,2},?\\s+(\\d{4})\\b|\\b\\d{1,2}\\s+(?:${monthNames})\\.?,?\\s+(\\d{4})\\b`,
  'gi',
);

/** The four-digit years of the full dates in a text. */
function fullDateYears(text: string): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(numericDate)) {
    const raw = m[3] ?? m[4];
    if (!raw) continue;
    const year = raw.length === 2 ? 1900 + Number(raw) + (Number(raw) < 30 ? 100 : 0) : Number(raw);
    years.push(year);
  }
  for (const m of text.matchAll(wordDate)) years.push(Number(m[1] ?? m[2]));
  return years;
}

/**
 * Scans free text (an explanation, a review comment, any cell of an upload) for personal details.
 * A date counts as a date of birth when the text says so, or when it is at least ten years old —
 * reporting dates are recent; a survivor's birth date is not.
 */
export function scanText(text: string, now = new Date()): PiiFinding[] {
  const findings: PiiFinding[] = [];
  const add = (kind: PiiKind) => {
    if (!findings.some((f) => f.kind === kind)) findings.push({ kind });
  };
  if (email.test(text)) add('email address');
  if (ssn.test(text)) add('Social Security number');
  else if (phone.test(text)) add('phone number');
  const years = fullDateYears(text);
  if (years.length > 0 && (birthWords.test(text) || years.some((y) => y <= now.getUTCFullYear() - 10)))
    add('date of birth');
  if (streetAddress.test(text)) add('street address');
  if (honorificName.test(text) || labelledName.test(text)) add("person's name");
  return findings;
}

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
  const normalized = header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[_\-./]+/g, ' ')
    .replace(/\s+/g, ' ')
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
    header
      .toLowerCase()
      .replace(/[_\-.]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** A plain sentence describing findings for a place ("Row 4, column notes"), without the text found. */
export function describeFindings(place: string, findings: PiiFinding[]): string {
  const kinds = findings.map((f) => `${f.kind === 'email address' ? 'an' : 'a'} ${f.kind}`);
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
  return `${place} looks like it contains ${list}. Scope accepts only counts, never details about a person: remove it and try again.`;
}
