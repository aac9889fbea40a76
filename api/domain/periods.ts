/**
 * Reporting periods. Agencies report quarters (`2026Q3`); reports roll them into calendar years,
 * fiscal years (federal October–September, California July–June) and half years.
 */

export type QuarterCode = `${number}Q${1 | 2 | 3 | 4}`;
export type Quarter = { code: string; year: number; quarter: 1 | 2 | 3 | 4 };

const quarterPattern = /^(\d{4})Q([1-4])$/;

/** Parses `2026Q3`; returns undefined for anything else. */
export function parseQuarter(code: string): Quarter | undefined {
  const match = quarterPattern.exec(code);
  if (!match) return undefined;
  return { code, year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

export function quarterCode(year: number, quarter: number): string {
  return `${year}Q${quarter}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** First and last day of a quarter, as YYYY-MM-DD. */
export function quarterDates(q: Quarter): { start: string; end: string } {
  const startMonth = (q.quarter - 1) * 3;
  return {
    start: isoDate(new Date(Date.UTC(q.year, startMonth, 1))),
    end: isoDate(new Date(Date.UTC(q.year, startMonth + 3, 0))),
  };
}

/** The day submissions are due: `days` after the quarter's last day. */
export function quarterDeadline(q: Quarter, days: number): string {
  const { end } = quarterDates(q);
  const date = new Date(`${end}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDate(date);
}

/** The quarter after this one. */
export function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4
    ? { code: quarterCode(q.year + 1, 1), year: q.year + 1, quarter: 1 }
    : {
        code: quarterCode(q.year, q.quarter + 1),
        year: q.year,
        quarter: (q.quarter + 1) as Quarter['quarter'],
      };
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

/** The quarter a date (YYYY-MM-DD or a Date) falls in. */
export function quarterOf(date: Date): Quarter {
  const year = date.getUTCFullYear();
  const quarter = (Math.floor(date.getUTCMonth() / 3) + 1) as Quarter['quarter'];
  return { code: quarterCode(year, quarter), year, quarter };
}

export type FiscalYearKind = 'calendar' | 'federal' | 'california';

/**
 * The fiscal year a quarter belongs to, named by the calendar year it ends in (federal FY2026 runs
 * October 2025 to September 2026; California FY2026 runs July 2025 to June 2026).
 */
export function fiscalYearOf(q: Quarter, kind: FiscalYearKind): number {
  if (kind === 'calendar') return q.year;
  const firstQuarter = kind === 'federal' ? 4 : 3;
  return q.quarter >= firstQuarter ? q.year + 1 : q.year;
}

/** The four quarters of a fiscal year, in order. */
export function quartersOfFiscalYear(year: number, kind: FiscalYearKind): Quarter[] {
  const start =
    kind === 'calendar'
      ? { year, quarter: 1 as const }
      : kind === 'federal'
        ? { year: year - 1, quarter: 4 as const }
        : { year: year - 1, quarter: 3 as const };
  return quarterRange({ code: quarterCode(start.year, start.quarter), ...start }, 4);
}

/** Half years for federal trafficking grants: H1 is January–June, H2 July–December. */
export function halfYearOf(q: Quarter): string {
  return `${q.year}H${q.quarter <= 2 ? 1 : 2}`;
}
