import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../config';
import {
  describeFindings,
  freeTextLengthProblem,
  guardPatterns,
  isPersonLevelHeader,
  maxFreeTextLength,
  personalHeaderKind,
  scanText,
  scanTokens,
} from './pii';
import { tokenize } from './pii/text';
import { passedSamples, refusedSamples, samplesNow } from './pii.samples';

const kinds = (text: string) => scanText(text, samplesNow).map((f) => f.kind);

describe('the sample table', () => {
  test('every personal detail is refused, naming its kind', () => {
    const missed = refusedSamples.filter(([text, kind]) => !kinds(text).includes(kind));
    console.log(
      `Refused ${refusedSamples.length - missed.length} of ${refusedSamples.length} personal samples.`,
    );
    expect(missed).toEqual([]);
  });

  test('every ordinary explanation passes', () => {
    const refused = passedSamples.filter((text) => kinds(text).length > 0);
    console.log(
      `Passed ${passedSamples.length - refused.length} of ${passedSamples.length} ordinary samples.`,
    );
    expect(refused.map((text) => [text, kinds(text)])).toEqual([]);
  });

  test('the table is large enough to mean something', () => {
    expect(refusedSamples.length).toBeGreaterThanOrEqual(150);
    expect(passedSamples.length).toBeGreaterThanOrEqual(150);
  });
});

test('the catalog and the demo agencies, which fill every CSV template, pass', () => {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(JSON.parse(readFileSync(join(projectRoot, 'data/catalog/default.json'), 'utf8')));
  const demo = JSON.parse(readFileSync(join(projectRoot, 'data/demo/coalition.json'), 'utf8'));
  for (const agency of demo.agencies as Array<{ code: string; name: string }>)
    texts.push(agency.code, agency.name);
  expect(texts.filter((text) => kinds(text).length > 0)).toEqual([]);
});

describe('dates', () => {
  test.each([
    ['a date from before last year', '04/12/2019', ['date of birth']],
    ['a date from last year', 'opened 04/12/2025', []],
    ['a quarter boundary years ago', 'the quarter ending 06/30/2021', []],
    ['a quarter boundary beside a birth word', 'born 06/30/2021', ['date of birth']],
    ['a month and year', 'since April 2019', []],
    ['a day and month', 'on 4/12 we held a training', []],
  ])('%s: "%s"', (_, text, expected) => expect(kinds(text)).toEqual(expected));

  test('"before last year" moves with the clock', () => {
    expect(scanText('opened 04/12/2025', new Date('2027-03-01T00:00:00Z'))).toEqual([
      { kind: 'date of birth' },
    ]);
  });
});

describe('free-text length', () => {
  test('up to the limit is fine', () =>
    expect(freeTextLengthProblem('a'.repeat(maxFreeTextLength))).toBeUndefined());

  test('over it, the message says how long it may be', () =>
    expect(freeTextLengthProblem('a'.repeat(2500))).toBe(
      'Keep this under 2,000 characters: it has 2,500. A few sentences about the counts is enough.',
    ));
});

/** How many times scanning a text reads one of its tokens: a deterministic measure of the work. */
function tokenReads(text: string): { reads: number; tokens: number } {
  const tokens = tokenize(text);
  let reads = 0;
  const counted = new Proxy(tokens, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key !== '' && !Number.isNaN(Number(key))) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  scanTokens(counted, samplesNow);
  return { reads, tokens: tokens.length };
}

describe('the work grows linearly with the text', () => {
  const adversarial: Array<[string, (n: number) => string]> = [
    ['a digit run', (n) => '1'.repeat(n)],
    ['"a@" repeated', (n) => 'a@'.repeat(n / 2)],
    ['"1 " repeated', (n) => '1 '.repeat(n / 2)],
    ['"1-" repeated', (n) => '1-'.repeat(n / 2)],
    ['dots', (n) => '.'.repeat(n)],
    ['one long word', (n) => 'a'.repeat(n)],
    ['names', (n) => 'Maria Grace '.repeat(n / 12)],
    ['labels', (n) => 'case #'.repeat(n / 6)],
    ['street words', (n) => '1 oak oak oak '.repeat(n / 14)],
    ['months', (n) => '12 April 12 '.repeat(n / 12)],
    ['mixed scripts', (n) => 'Mаria Иван ４０８ '.repeat(n / 16)],
    ['spelled separators', (n) => 'a [at] b [dot] '.repeat(n / 15)],
  ];

  test.each(adversarial)('%s', (_, make) => {
    const small = tokenReads(make(10_000));
    const large = tokenReads(make(100_000));
    // A few dozen looks at each token, at most, however the tokens are arranged.
    expect(small.reads).toBeLessThanOrEqual(100 * (small.tokens + 1));
    expect(large.reads).toBeLessThanOrEqual(100 * (large.tokens + 1));
    expect(large.reads).toBeLessThanOrEqual(11 * small.reads + 100);
  });
});

/**
 * Why a regular expression could backtrack without bound, or undefined when it cannot: a group
 * under an unbounded quantifier that itself holds a quantifier or an alternation (star height above
 * one, or overlapping choices repeated), or a back-reference.
 */
function backtrackingRisk(pattern: RegExp): string | undefined {
  const source = pattern.source;
  const groups: Array<{ quantified: boolean; alternation: boolean }> = [];
  let closed: { quantified: boolean; alternation: boolean } | undefined;
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    const unbounded = c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(source.slice(i, i + 12)));
    const quantifier = unbounded || c === '?' || c === '{';
    if (quantifier) {
      if (unbounded && closed && (closed.quantified || closed.alternation))
        return `a repeated group holds a quantifier or a choice at ${i}`;
      const top = groups.at(-1);
      if (top && !(c === '?' && source[i - 1] === '(')) top.quantified = true;
      closed = undefined;
      i += c === '{' ? source.indexOf('}', i) - i + 1 : 1;
      continue;
    }
    closed = undefined;
    if (c === '\\') {
      if (/[1-9k]/.test(source[i + 1] ?? '')) return `a back-reference at ${i}`;
      i += source[i + 1] === 'p' || source[i + 1] === 'P' ? source.indexOf('}', i) - i + 1 : 2;
    } else if (c === '[') {
      let end = i + 1;
      while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
      i = end + 1;
    } else if (c === '(') {
      groups.push({ quantified: false, alternation: false });
      i++;
    } else if (c === ')') {
      closed = groups.pop();
      const parent = groups.at(-1);
      if (parent && closed) {
        parent.quantified ||= closed.quantified;
        parent.alternation ||= closed.alternation;
      }
      i++;
    } else {
      if (c === '|') {
        const top = groups.at(-1);
        if (top) top.alternation = true;
      }
      i++;
    }
  }
  return undefined;
}

describe('every pattern the guard runs is safe from catastrophic backtracking', () => {
  test.each(guardPatterns.map((p) => [p.source, p] as const))('%s', (_, pattern) =>
    expect(backtrackingRisk(pattern)).toBeUndefined(),
  );

  test.each([/(a+)+b/, /(a|aa)*c/, /(?:\s*,)*x/, /(a)\1/])('the check catches %s', (pattern) =>
    expect(backtrackingRisk(pattern)).toBeDefined(),
  );
});

describe('column headers', () => {
  test.each([
    ['First Name', 'names'],
    ['client_name', 'names'],
    ['DOB', 'dates of birth'],
    ['dateOfBirth', 'dates of birth'],
    ['SSN', 'Social Security or tax numbers'],
    ['Phone', 'phone numbers'],
    ['e-mail', 'email addresses'],
    ['Street Address', 'addresses'],
    ['zip', 'addresses'],
    ['Case ID', 'case or client identifiers'],
    ['client_number', 'case or client identifiers'],
    ['MRN', 'case or client identifiers'],
    ['A-Number', 'identity-document numbers'],
    ['passport', 'identity-document numbers'],
  ])('"%s" asks for %s', (header, kind) => expect(personalHeaderKind(header)).toBe(kind));

  test.each([
    'agency',
    'period',
    'element',
    'age_group',
    'gender',
    'trafficking_type',
    'value',
    'county',
    'service',
  ])('"%s" is a template column, not personal data', (header) =>
    expect(personalHeaderKind(header)).toBeUndefined(),
  );

  test.each([
    ['age', true],
    ['Intake Date', true],
    ['sex', true],
    ['age_group', false],
    ['value', false],
  ])('"%s" is a per-person attribute: %s', (header, expected) =>
    expect(isPersonLevelHeader(header)).toBe(expected),
  );
});

test('the message names the place and the kind, never the text', () => {
  const text = 'call 408-555-0123 or rosa@example.org';
  const message = describeFindings('Row 4, column note', scanText(text, samplesNow));
  expect(message).toBe(
    "Row 4, column note looks like it contains an email address, a phone number and a person's name. Scope accepts only counts, never details about a person: remove it and try again.",
  );
  expect(message).not.toContain('408');
  expect(message).not.toContain('rosa');
});
