/**
 * The publication plan in words, and what the dashboard needs from it: for each table, the period
 * grains a county's figures are published at. Pure.
 */
import { type Interval, intervals, isInterval } from '../../../../api/domain/periods';
import { listWords } from '../../lib/text';
import type { PlanReach, PlanTable, PublicationPlan } from './types';

/** For each table code, the period grains it is published at for each county (members' reach). */
export type CountyGrains = ReadonlyMap<string, ReadonlySet<Interval>>;

/**
 * The grains each table is published at by county, for signed-in members: members read the
 * public's tables too, and several plan rows can share a table code (one category each of a
 * two-way breakdown), so their grains are joined.
 */
export function countyGrains(plan: Pick<PublicationPlan, 'tables'>): CountyGrains {
  const grains = new Map<string, Set<Interval>>();
  for (const table of plan.tables) {
    const joined = grains.get(table.table) ?? new Set<Interval>();
    grains.set(table.table, joined);
    for (const reach of [table.members, table.public])
      for (const grain of reach?.county ?? []) if (isInterval(grain)) joined.add(grain);
  }
  return grains;
}

const grainNames: Record<Interval, string> = {
  quarter: 'quarters',
  half: 'half-years',
  year: 'calendar years',
  fy: 'federal fiscal years',
  sfy: 'California fiscal years',
};

/**
 * Period grains in words, in time order: "calendar years and federal fiscal years"; every kind
 * Scope publishes is "every period".
 */
export function grainsInWords(grains: readonly string[]): string {
  const known = intervals.filter((interval) => grains.includes(interval));
  if (known.length === intervals.length) return 'every period';
  const names = known.map((grain) => grainNames[grain]);
  // Both kinds of fiscal year read as one: "federal and California fiscal years".
  const fiscal = names.indexOf(grainNames.fy);
  if (fiscal < 0 || !known.includes('sfy')) return listWords(names);
  names.splice(fiscal, 2, 'federal and California fiscal years');
  return names.join(', ');
}

/**
 * Where and how often an audience sees a table, one line per geography: "Whole coalition: every
 * period", "Each county: calendar years, …". Empty when the audience doesn't see it.
 */
export function reachInWords(reach: PlanReach): string[] {
  if (!reach) return [];
  const lines: string[] = [];
  if (reach.coalition?.length) lines.push(`Whole coalition: ${grainsInWords(reach.coalition)}`);
  if (reach.county?.length) lines.push(`Each county: ${grainsInWords(reach.county)}`);
  return lines;
}

/** A plan table's name: the figure, and the breakdown or grouping it is shown by. */
export function planTableName(table: Pick<PlanTable, 'element' | 'breakdown'>): {
  figure: string;
  breakdown: string;
} {
  return { figure: table.element, breakdown: table.breakdown ?? 'Total' };
}

/** How many of the plan's tables each audience sees: for the section's summary line. */
export function planCounts(plan: Pick<PublicationPlan, 'tables'>): { members: number; public: number } {
  return {
    members: plan.tables.filter((t) => t.members || t.public).length,
    public: plan.tables.filter((t) => t.public).length,
  };
}
