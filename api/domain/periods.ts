/**
 * Scope's one period language. Agencies report quarters (`2026Q3`); figures roll them into half-years
 * (`2026H1`, January–June), calendar years (`2026`), federal fiscal years (`FY2026`, October 2025 to
 * September 2026) and California state fiscal years (`SFY2026`, July 2025 to June 2026). Every part of
 * Scope, the server and the browser, parses, orders and names periods here and nowhere else.
 *
 * Knowing a kind is not publishing it: `intervals` lists the kinds Scope publishes today.
 */
import { z } from 'zod';

/** A quarter, the period agencies report. */
export type Quarter = { code: string; year: number; quarter: 1 | 2 | 3 | 4 };

/** What kind of period a code names. */
export type PeriodKind = 'quarter' | 'half' | 'year' | 'fy' | 'sfy';

/** Every kind of period, shortest first. */
export const periodKinds = ['quarter', 'half', 'year', 'fy', 'sfy'] as const satisfies readonly PeriodKind[];

/** One or more kinds of period, as a schema accepts them. */
export type PeriodKinds = readonly [PeriodKind, ...PeriodKind[]];

/** A period, parsed: what it is, which quarters make it up and how people call it. */
export type Period = Readonly<{
  /** The canonical code: `2026Q3`, `2026H1`, `2026`, `FY2026`, `SFY2026`. */
  code: string;
  kind: PeriodKind;
  /** The year in the code; a fiscal year is named by the calendar year it ends in. */
  year: number;
  /** Its quarters, consecutive and in order. */
  quarters: readonly Quarter[];
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
  /** The months it covers: "July to September 2026", "October 2025 to September 2026". */
  months: string;
  /** For headings and pickers, months first: "April to June 2026 (2026Q2)", "Calendar year 2026". */
  label: string;
  /** For chart axes and tiles: "2026 Q2", "2026 H1", "2026", "FY2026", "CA FY 2025–26". */
  shortLabel: string;
  /** Inside a sentence, name first: "2026Q3 (July to September 2026)", "calendar year 2026". */
  description: string;
}>;

// The grammar, one pattern per kind. They are written without groups so that a schema can join
// them into one pattern that API documents show as it is.
const grammar: Record<PeriodKind, string> = {
  quarter: '\\d{4}Q[1-4]',
  half: '\\d{4}H[12]',
  year: '\\d{4}',
  fy: 'FY\\d{4}',
  sfy: 'SFY\\d{4}',
};
const patterns = periodKinds.map((kind) => [kind, new RegExp(`^${grammar[kind]}$`)] as const);

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// The grammar's four digits allow 0000; a period whose first quarter falls before year 1 is no period.
const firstYear = 1;

const yearText = (year: number) => String(year).padStart(4, '0');
const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (year: number, month: number, day: number) => `${yearText(year)}-${pad(month)}-${pad(day)}`;

// Day 0 of the next month is the last of this one; setUTCFullYear keeps years below 100 as they are.
function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** The code of a quarter: `quarterCode(2026, 3)` is `2026Q3`. */
export function quarterCode(year: number, quarter: number): string {
  return `${yearText(year)}Q${quarter}`;
}

// Frozen, because parsed periods (and their quarters) are shared.
const quarter = (year: number, q: number): Quarter =>
  Object.freeze({ code: quarterCode(year, q), year, quarter: q as Quarter['quarter'] });

/** The code of a period of a kind, from its year and (for a quarter or half-year) its number in the year. */
function codeOf(kind: PeriodKind, year: number, index: number): string {
  switch (kind) {
    case 'quarter':
      return quarterCode(year, index);
    case 'half':
      return `${yearText(year)}H${index}`;
    case 'year':
      return yearText(year);
    case 'fy':
      return `FY${yearText(year)}`;
    case 'sfy':
      return `SFY${yearText(year)}`;
  }
}

/** The first quarter of a period and how many it has. */
function span(kind: PeriodKind, year: number, index: number): { first: Quarter; count: number } {
  switch (kind) {
    case 'quarter':
      return { first: quarter(year, index), count: 1 };
    case 'half':
      return { first: quarter(year, index === 1 ? 1 : 3), count: 2 };
    case 'year':
      return { first: quarter(year, 1), count: 4 };
    case 'fy':
      return { first: quarter(year - 1, 4), count: 4 };
    case 'sfy':
      return { first: quarter(year - 1, 3), count: 4 };
  }
}

/** "July to September 2026" within a year, "October 2025 to September 2026" across two. */
function monthsBetween(first: Quarter, last: Quarter): string {
  const from = monthNames[(first.quarter - 1) * 3] as string;
  const to = monthNames[(last.quarter - 1) * 3 + 2] as string;
  return first.year === last.year
    ? `${from} to ${to} ${last.year}`
    : `${from} ${first.year} to ${to} ${last.year}`;
}

/** California names its fiscal years by both calendar years: SFY2026 is 2025–26. */
const californiaYears = (year: number) => `${year - 1}–${pad(year % 100)}`;

function words(kind: PeriodKind, code: string, year: number, months: string) {
  switch (kind) {
    case 'quarter':
      return {
        label: `${months} (${code})`,
        shortLabel: `${yearText(year)} ${code.slice(-2)}`,
        description: `${code} (${months})`,
      };
    case 'half':
      return {
        label: months,
        shortLabel: `${yearText(year)} ${code.slice(-2)}`,
        description: `${code} (${months})`,
      };
    case 'year':
      return { label: `Calendar year ${code}`, shortLabel: code, description: `calendar year ${code}` };
    case 'fy':
      return {
        label: `${months} (federal FY ${year})`,
        shortLabel: code,
        description: `federal fiscal year ${code} (${months})`,
      };
    case 'sfy':
      return {
        label: `${months} (California FY ${californiaYears(year)})`,
        shortLabel: `CA FY ${californiaYears(year)}`,
        description: `California fiscal year ${californiaYears(year)} (${months})`,
      };
  }
}

function build(kind: PeriodKind, year: number, index: number): Period | undefined {
  const code = codeOf(kind, year, index);
  const { first, count } = span(kind, year, index);
  if (first.year < firstYear) return undefined;
  const quarters = quarterRange(first, count);
  const last = quarters[quarters.length - 1] as Quarter;
  const lastMonth = last.quarter * 3;
  const months = monthsBetween(first, last);
  return Object.freeze({
    code,
    kind,
    year,
    quarters: Object.freeze(quarters),
    start: isoDate(first.year, (first.quarter - 1) * 3 + 1, 1),
    end: isoDate(last.year, lastMonth, daysInMonth(last.year, lastMonth)),
    months,
    ...words(kind, code, year, months),
  });
}

/** The kind of period a code names, by the grammar alone; undefined for anything else. */
function kindOf(code: string): PeriodKind | undefined {
  return patterns.find(([, pattern]) => pattern.test(code))?.[0];
}

// Sorting cells compares the same few codes many times; parsed periods are frozen and shared.
// Only valid codes are kept, so the cache is bounded by the grammar, not by what people type.
const parsed = new Map<string, Period>();

/**
 * Parses a period code written as Scope writes it (upper case, no spaces): `2026Q2`, `2026H1`,
 * `2026`, `FY2026`, `SFY2026`. Undefined for anything else, including year 0000.
 */
export function parsePeriod(code: string): Period | undefined {
  const known = parsed.get(code);
  if (known) return known;
  const kind = kindOf(code);
  if (!kind) return undefined;
  const year = Number(/\d{4}/.exec(code)?.[0]);
  const index = kind === 'quarter' || kind === 'half' ? Number(code.at(-1)) : 0;
  const period = build(kind, year, index);
  if (period) parsed.set(code, period);
  return period;
}

/** The months a period covers ("October to December 2026"), or an empty string for a code that is not a period. */
export function monthsOf(code: string): string {
  return parsePeriod(code)?.months ?? '';
}

/** The kind of period a code names; undefined when it is not a period. */
export function periodKindOf(code: string): PeriodKind | undefined {
  return parsePeriod(code)?.kind;
}

function parseOrThrow(code: string): Period {
  const period = parsePeriod(code);
  if (!period) throw new RangeError(`"${code}" is not a period`);
  return period;
}

/** Parses `2026Q3`; undefined for anything else, other kinds of period included. */
export function parseQuarter(code: string): Quarter | undefined {
  const period = parsePeriod(code);
  return period?.kind === 'quarter' ? period.quarters[0] : undefined;
}

/** The quarters a period is made of, in order. Throws for a code that is not a period. */
export function quartersOf(code: string): Quarter[] {
  return [...parseOrThrow(code).quarters];
}

// ---- Publishing ------------------------------------------------------------------------------------

/**
 * The kinds of period Scope publishes, as the stats API's `interval` names them: quarters,
 * half-years, calendar years, federal fiscal years and California (state) fiscal years. Which
 * tables are published at which of them is the publication plan's choice.
 */
export const intervals = ['quarter', 'half', 'year', 'fy', 'sfy'] as const satisfies readonly PeriodKind[];

/** How a published series steps through time. */
export type Interval = (typeof intervals)[number];

/** Whether a value names an interval. */
export function isInterval(value: string | null | undefined): value is Interval {
  return (intervals as readonly unknown[]).includes(value);
}

/** Whether a code is a period of a kind Scope publishes. */
export function isPublishedPeriod(code: string | null | undefined): code is string {
  return typeof code === 'string' && isInterval(periodKindOf(code));
}

/**
 * The interval a published period belongs to. Callers pass published periods only; anything else
 * counts as a year, as it always has.
 */
export function intervalOf(code: string): Interval {
  const kind = periodKindOf(code);
  return isInterval(kind) ? kind : 'year';
}

/** Interval names for filters and headings. */
export const intervalNames: Record<Interval, string> = {
  quarter: 'Quarters',
  half: 'Half-years',
  year: 'Calendar years',
  fy: 'Federal fiscal years',
  sfy: 'California fiscal years',
};

const kindWords: Record<PeriodKind, { noun: string; example: string }> = {
  quarter: { noun: 'a quarter', example: '2026Q3' },
  half: { noun: 'a half-year', example: '2026H1' },
  year: { noun: 'a calendar year', example: '2026' },
  fy: { noun: 'a federal fiscal year', example: 'FY2026' },
  sfy: { noun: 'a California fiscal year', example: 'SFY2026' },
};

/** "Not a quarter: write it like 2026Q3."; for several kinds, an example of each. */
function notA(kinds: PeriodKinds): string {
  const [only] = kinds;
  if (kinds.length === 1) return `Not ${kindWords[only].noun}: write it like ${kindWords[only].example}.`;
  const examples = kinds.map((kind) => `${kindWords[kind].noun} like ${kindWords[kind].example}`);
  return `Not a period: write ${examples.slice(0, -1).join(', ')} or ${examples.at(-1)}.`;
}

/**
 * A zod schema for a period code in a path, query or body: upper-cases what people type and accepts
 * only the given kinds (`periodSchema(['quarter'])` for a submission, `periodSchema(intervals)` for
 * published figures). `message` replaces the default "Not a quarter: write it like 2026Q3.".
 */
export function periodSchema(kinds: PeriodKinds = periodKinds, message = notA(kinds)) {
  const sources = kinds.map((kind) => grammar[kind]);
  const pattern = new RegExp(sources.length === 1 ? `^${sources[0]}$` : `^(${sources.join('|')})$`);
  return z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(
      z
        .string()
        // Aborting here keeps the message single: the refinement only turns away year 0000.
        .regex(pattern, { message, abort: true })
        .refine((code) => parsePeriod(code) !== undefined, message),
    );
}

// ---- Order and arithmetic ----------------------------------------------------------------------------

/**
 * Orders periods as time runs: by their last quarter, then the shorter first (a quarter before the
 * half-year or year it ends). Codes that are not periods come after every period, in code order.
 */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa && pb) {
    const ea = (pa.quarters.at(-1) as Quarter).code;
    const eb = (pb.quarters.at(-1) as Quarter).code;
    if (ea !== eb) return ea < eb ? -1 : 1;
    const byLength = pa.quarters.length - pb.quarters.length;
    if (byLength !== 0) return byLength;
  } else if (pa || pb) {
    return pa ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The quarter after this one. */
export function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4 ? quarter(q.year + 1, 1) : quarter(q.year, q.quarter + 1);
}

/** The quarter `n` quarters after this one; a negative `n` goes back: `addQuarters(2026Q1, -1)` is 2025Q4. */
export function addQuarters(q: Quarter, n: number): Quarter {
  const at = q.year * 4 + (q.quarter - 1) + n;
  return quarter(Math.floor(at / 4), (at % 4) + 1);
}

/** `count` consecutive quarters starting at `first`. */
export function quarterRange(first: Quarter, count: number): Quarter[] {
  const out: Quarter[] = [];
  let q = first;
  for (let i = 0; i < count; i++) {
    out.push(q);
    q = nextQuarter(q);
  }
  return out;
}

function indexOf(period: Period): number {
  if (period.kind === 'quarter') return (period.quarters[0] as Quarter).quarter;
  if (period.kind === 'half') return Number(period.code.at(-1));
  return 0;
}

function periodAt(kind: PeriodKind, year: number, index: number): string {
  const code = codeOf(kind, year, index);
  if (!parsePeriod(code)) throw new RangeError(`${code} is before the first period Scope knows`);
  return code;
}

/**
 * The period just before this one, of the same kind: 2026Q1 → 2025Q4, 2026H1 → 2025H2,
 * 2025 → 2024, FY2025 → FY2024. Throws for a code that is not a period.
 */
export function previousPeriod(code: string): string {
  const period = parseOrThrow(code);
  const index = indexOf(period);
  if (index > 1) return periodAt(period.kind, period.year, index - 1);
  const last = period.kind === 'quarter' ? 4 : period.kind === 'half' ? 2 : 0;
  return periodAt(period.kind, period.year - 1, last);
}

/** The same period a year earlier: 2026Q2 → 2025Q2, 2026H1 → 2025H1, FY2026 → FY2025. */
export function sameTimeLastYear(code: string): string {
  const period = parseOrThrow(code);
  return periodAt(period.kind, period.year - 1, indexOf(period));
}

/** Whether every quarter of `inner` falls within `outer`: 2025Q4 within FY2026, a period within itself. */
export function periodContains(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const o = parsePeriod(outer);
  const i = parsePeriod(inner);
  if (!o || !i) return false;
  const quarters = new Set(o.quarters.map((q) => q.code));
  return i.quarters.every((q) => quarters.has(q.code));
}

/**
 * The periods of the given kinds that a quarter falls in, in the order of `kinds`:
 * `periodsContaining('2025Q4', ['year', 'fy'])` is `['2025', 'FY2026']`. Throws for a code that is
 * not a quarter.
 */
export function periodsContaining(quarterCodeText: string, kinds: readonly PeriodKind[]): string[] {
  const q = parseQuarter(quarterCodeText);
  if (!q) throw new RangeError(`"${quarterCodeText}" is not a quarter`);
  return kinds.map((kind) => containing[kind](q));
}

const containing: Record<PeriodKind, (q: Quarter) => string> = {
  quarter: (q) => q.code,
  half: (q) => codeOf('half', q.year, q.quarter <= 2 ? 1 : 2),
  year: (q) => codeOf('year', q.year, 0),
  fy: (q) => codeOf('fy', q.quarter === 4 ? q.year + 1 : q.year, 0),
  sfy: (q) => codeOf('sfy', q.quarter >= 3 ? q.year + 1 : q.year, 0),
};

// ---- Words ---------------------------------------------------------------------------------------------

/** A period for people, months first: "April to June 2026 (2026Q2)"; a code that isn't a period as it is. */
export function periodLabel(code: string): string {
  return parsePeriod(code)?.label ?? code;
}

/** A period in a few characters, for chart axes: "2026 Q2", "2025", "FY2025"; anything else as it is. */
export function periodShortLabel(code: string): string {
  return parsePeriod(code)?.shortLabel ?? code;
}

/**
 * A period inside a sentence, name first: "2026Q3 (July to September 2026)", "calendar year 2026",
 * "federal fiscal year FY2026 (October 2025 to September 2026)"; anything else as it is.
 */
export function describePeriod(code: string): string {
  return parsePeriod(code)?.description ?? code;
}

// ---- Quarters and dates ----------------------------------------------------------------------------

/** First and last day of a quarter, as YYYY-MM-DD. */
export function quarterDates(q: Quarter): { start: string; end: string } {
  const lastMonth = q.quarter * 3;
  return {
    start: isoDate(q.year, lastMonth - 2, 1),
    end: isoDate(q.year, lastMonth, daysInMonth(q.year, lastMonth)),
  };
}

/** The day submissions are due: `days` after the quarter's last day. */
export function quarterDeadline(q: Quarter, days: number): string {
  const { end } = quarterDates(q);
  const date = new Date(`${end}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The quarter a day (YYYY-MM-DD) falls in: `2026-11-28` is in 2026Q4. */
export function quarterContaining(date: string): Quarter {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return quarter(year, Math.ceil(month / 3));
}
