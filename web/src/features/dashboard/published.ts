/**
 * What is published where. The tables list says which periods and geographies each table has
 * figures for, and which periods along each of its categories; for a county, the publication plan says at which grains (a county's survivors are
 * published by year, not by quarter). From these a page decides which tiles and charts to draw for
 * the chosen period and place, and says in words why the others are not there. Pure.
 */
import {
  comparePeriods,
  describePeriod,
  type Interval,
  intervalOf,
  intervals,
  periodContains,
} from '../../../../api/domain/periods';
import { listWords } from '../../lib/text';
import type { CountyGrains } from '../plan/plan';
import type { StatsTableInfo, StatsTablesResponse } from './types';
import { coalitionGeo, geoName } from './view';

/** What a page knows about what is published: the tables list and, for a county, the plan's grains. */
export type Published = {
  list: Pick<StatsTablesResponse, 'tables' | 'countyBreakdowns'>;
  /** Each table's grains for a county (from the plan); without it, the tables list alone decides. */
  county?: CountyGrains;
};

/** The kinds of period breakdowns of a small coalition are published at: whole years. */
export const yearKinds: readonly Interval[] = ['year', 'fy', 'sfy'];

export function tableInfo(published: Published, code: string): StatsTableInfo | undefined {
  return published.list.tables.find((t) => t.code === code);
}

/**
 * The periods a table has published figures for, or (a category named) figures along that category:
 * a two-way breakdown can publish type of trafficking by half-year and age groups by year only.
 * Empty when the table isn't published or has no such category.
 */
export function publishedPeriods(published: Published, code: string, category?: string): string[] {
  const table = tableInfo(published, code);
  if (category === undefined) return table?.periods ?? [];
  return table?.dimensions.find((d) => d.category === category)?.periods ?? [];
}

/** The intervals a table (along a category, if one is named) is published at in a geography, shortest first. */
export function publishedIntervals(
  published: Published,
  code: string,
  geo: string,
  category?: string,
): Interval[] {
  if (!tableInfo(published, code)?.geographies.includes(geo)) return [];
  const kinds = new Set(publishedPeriods(published, code, category).map(intervalOf));
  const county = geo === coalitionGeo ? undefined : published.county?.get(code);
  return intervals.filter((kind) => kinds.has(kind) && (county === undefined || county.has(kind)));
}

/** Whether a table has published figures for this period and geography (along the category, if one is named). */
export function isPublishedAt(
  published: Published,
  code: string,
  period: string,
  geo: string,
  category?: string,
): boolean {
  if (!publishedPeriods(published, code, category).includes(period)) return false;
  return publishedIntervals(published, code, geo, category).includes(intervalOf(period));
}

/** Why a chart or tile has no figures here: the place, the kind of period, or both. */
export type Withheld = {
  /** Not published for this county at all (only for the whole coalition). */
  where: boolean;
  /** Not published for this kind of period (here, or coalition-wide when `where`). */
  when: boolean;
  /** The kinds of period it is published at, where it is published. */
  kinds: Interval[];
  /** Its published periods of those kinds: what a reader can open instead. */
  periods: string[];
};

/**
 * Why none of these tables (each a set that must all be published, such as two tables drawn side by
 * side) has figures for the period and geography; null when one has, or when none is published to
 * this audience at all or for this period only — a chart a page simply leaves out.
 */
export function withheld(
  published: Published,
  candidates: ReadonlyArray<readonly string[]>,
  period: string,
  geo: string,
  category?: string,
): Withheld | null {
  const usable = candidates.filter((tables) =>
    tables.every(
      (code) =>
        category === undefined || tableInfo(published, code)?.dimensions.some((d) => d.category === category),
    ),
  );
  if (usable.some((tables) => tables.every((code) => isPublishedAt(published, code, period, geo, category))))
    return null;
  const kindsAt = (tables: readonly string[], at: string) =>
    intervals.filter((kind) =>
      tables.every((code) => publishedIntervals(published, code, at, category).includes(kind)),
    );
  const where = geo !== coalitionGeo && usable.every((tables) => kindsAt(tables, geo).length === 0);
  const at = where ? coalitionGeo : geo;
  const kinds = intervals.filter((kind) => usable.some((tables) => kindsAt(tables, at).includes(kind)));
  if (kinds.length === 0) return null;
  const when = !kinds.includes(intervalOf(period));
  if (!where && !when) return null;
  const periods = new Set<string>();
  for (const tables of usable)
    for (const code of tables)
      for (const p of publishedPeriods(published, code, category))
        if (kinds.includes(intervalOf(p))) periods.add(p);
  return { where, when, kinds, periods: [...periods].sort(comparePeriods) };
}

/** Several reasons as one: what a single notice for all of them must say. */
export function joinWithheld(reasons: readonly Withheld[]): Withheld | null {
  if (reasons.length === 0) return null;
  return {
    where: reasons.some((r) => r.where),
    when: reasons.some((r) => r.when),
    kinds: intervals.filter((kind) => reasons.some((r) => r.kinds.includes(kind))),
    periods: [...new Set(reasons.flatMap((r) => r.periods))].sort(comparePeriods),
  };
}

/** A view a notice offers to open instead, in words. */
export type OpenInstead = { period: string; geo: string; label: string };

const kindOrder = (period: string) => intervals.indexOf(intervalOf(period));

/**
 * What to open instead of a period a figure isn't published for: the published periods that
 * contain it (its calendar year, federal and California fiscal years), or failing that the newest
 * one published. A reason that is only the place keeps the period.
 */
export function openInstead(reason: Withheld, period: string, geo: string): OpenInstead[] {
  const at = reason.where ? coalitionGeo : geo;
  const place = reason.where
    ? ' for the whole coalition'
    : geo === coalitionGeo
      ? ''
      : ` for ${geoName(geo)}`;
  const label = (code: string) => `Open ${describePeriod(code)}${place}`;
  if (!reason.when) return [{ period, geo: at, label: label(period) }];
  // A county's half-year whose breakdowns are partly published coalition-wide: that half-year first.
  const same = reason.where && reason.periods.includes(period) ? [period] : [];
  const containing = reason.periods
    .filter((p) => p !== period && periodContains(p, period))
    .sort((a, b) => kindOrder(a) - kindOrder(b));
  const chosen = [
    ...same,
    ...(containing.length > 0 || same.length > 0 ? containing : reason.periods.slice(-1)),
  ];
  return chosen.map((p) => ({ period: p, geo: at, label: label(p) }));
}

const byKind: Record<Interval, string> = {
  quarter: 'quarter',
  half: 'half-year',
  year: 'calendar year',
  fy: 'federal fiscal year',
  sfy: 'California fiscal year',
};

/** "by calendar year and federal fiscal year". */
export function byKindsInWords(kinds: readonly Interval[]): string {
  return `by ${listWords(kinds.map((kind) => byKind[kind]))}`;
}

/** One interval as a reader says it: "quarter", "calendar year". */
export function intervalWord(interval: Interval): string {
  return byKind[interval];
}

/** A notice in place of what isn't published: a title, its reasons in plain words, and what to open instead. */
export type WithheldNotice = { title: string; paragraphs: string[]; open: OpenInstead[] };

/** A breakdown a view leaves out: what a notice calls it, its catalog section, and why. */
export type WithheldBreakdown = { name: string; section: string; reason: Withheld };

/** A name within a sentence: "Age group" → "age group", but "LGBTQ+ identity" stays. */
const inSentence = (name: string) =>
  /^.[a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;

/** Names as a sentence's subject: "Age group, disability and referral sources". */
const namesInWords = (names: readonly string[], first: boolean) =>
  listWords(names.map((name, i) => (first && i === 0 ? name : inSentence(name))));

/** The kinds of period a title names: "calendar and fiscal years", "half-years, calendar and fiscal years". */
function kindsInTitle(kinds: readonly Interval[]): string {
  const years = kinds.includes('year');
  const fiscal = kinds.includes('fy') || kinds.includes('sfy');
  return [
    ...(kinds.includes('quarter') ? ['quarters'] : []),
    ...(kinds.includes('half') ? ['half-years'] : []),
    ...(years && fiscal
      ? ['calendar and fiscal years']
      : years
        ? ['calendar years']
        : fiscal
          ? ['fiscal years']
          : []),
  ].join(', ');
}

/**
 * The one notice that stands in for every breakdown a view leaves out. Where the view draws some
 * breakdowns and leaves others out (a half-year publishes some of them), it names the ones left
 * out, so it never says a breakdown drawn beside it isn't published. For breakdowns left out
 * because of the place, where the server says why a county's breakdowns of a section are not
 * published (too few agencies), its words are used. Null when nothing is left out.
 */
export function breakdownNotice(
  breakdowns: readonly WithheldBreakdown[],
  view: { period: string; geo: string },
  context: {
    countyBreakdowns: StatsTablesResponse['countyBreakdowns'];
    counties: number;
    /** Whether the view draws some of the breakdowns of the sections these are left out of. */
    someShown: boolean;
  },
): WithheldNotice | null {
  const reason = joinWithheld(breakdowns.map((b) => b.reason));
  if (!reason) return null;
  const paragraphs: string[] = [];
  const kind = byKind[intervalOf(view.period)];
  if (reason.where) {
    const sections = [...new Set(breakdowns.filter((b) => b.reason.where).map((b) => b.section))];
    const explained = context.countyBreakdowns.filter((c) => sections.includes(c.section));
    const explanations = [...new Set(explained.map((c) => c.explanation))];
    const unexplained = sections.some((s) => !explained.some((c) => c.section === s));
    paragraphs.push(...explanations);
    if (unexplained || explanations.length === 0)
      paragraphs.push(
        context.counties === 2
          ? `With two counties, the coalition's breakdown minus one county's would give the other county's away, so neither county's breakdowns are published. ${geoName(view.geo)}'s totals are shown here.`
          : `Set against the coalition's, one county's breakdown could give away another county's small counts, so breakdowns are published for the whole coalition only. ${geoName(view.geo)}'s totals are shown here.`,
      );
  }
  const late = breakdowns.filter((b) => b.reason.when);
  // Breakdowns published at the same kinds of period (and place) are named in one sentence.
  const groups = new Map<string, { where: boolean; kinds: Interval[]; names: string[] }>();
  for (const { name, reason: why } of late) {
    const key = `${why.where}/${why.kinds.join()}`;
    const group = groups.get(key) ?? { where: why.where, kinds: why.kinds, names: [] };
    groups.set(key, group);
    if (!group.names.includes(name)) group.names.push(name);
  }
  // Only when the view draws none of these breakdowns and leaves them all out for the same kinds of
  // period can the notice speak of breakdowns in general.
  const allLate = late.length === breakdowns.length;
  const [only] = groups.values();
  if (only && groups.size === 1 && allLate && !context.someShown)
    paragraphs.push(
      `Breakdowns — who was served, by type of trafficking, age, gender and more, and the services and referrals behind these figures — are published ${byKindsInWords(only.kinds)}, not by ${kind}. Within a single ${kind} many of these counts are small, and a small count hidden there would have to be hidden in its year as well.`,
    );
  else if (groups.size > 0)
    paragraphs.push(
      [
        ...[...groups.values()].map(
          (group) =>
            `${group.where ? `For the whole coalition, ${namesInWords(group.names, false)}` : namesInWords(group.names, true)} ${group.names.length === 1 ? 'is' : 'are'} published ${byKindsInWords(group.kinds)}, not by ${kind}.`,
        ),
        `Within a single ${kind} many of these counts are small, and a small count hidden there would have to be hidden in its year as well.`,
      ].join(' '),
    );
  const subject = context.someShown ? 'Some breakdowns are published' : 'Breakdowns are published';
  const when = `for ${kindsInTitle([...new Set(late.flatMap((b) => b.reason.kinds))])}`;
  const title =
    reason.where && allLate
      ? `${subject} for the whole coalition, ${when}`
      : reason.where
        ? `${subject} for the whole coalition`
        : `${subject} ${when}${context.someShown ? ' only' : ''}`;
  return { title, paragraphs, open: openInstead(reason, view.period, view.geo) };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The notice that stands in for headline figures a county doesn't publish for this kind of period:
 * which ones, at which grains they are published, and why.
 */
export function totalsNotice(
  reason: Withheld,
  view: { period: string; geo: string },
  figures: readonly string[],
): WithheldNotice {
  const kind = byKind[intervalOf(view.period)];
  const place = view.geo === coalitionGeo ? 'the whole coalition' : geoName(view.geo);
  const text = reason.where
    ? `${listWords(figures)} ${figures.length === 1 ? 'is' : 'are'} published for the whole coalition only.`
    : `For ${place}, ${listWords(figures.map(lowerFirst))} ${figures.length === 1 ? 'is' : 'are'} published ${byKindsInWords(reason.kinds)}, not by ${kind}: a county's ${kind} can hold a handful of survivors, and hiding one would mean hiding its year too.`;
  return { title: '', paragraphs: [text], open: openInstead(reason, view.period, view.geo) };
}
