/**
 * Releases in words: a cell as an admin reads it, and why a release failed, worded so an admin can
 * act on it and never giving away a hidden value. No HTTP here.
 */
import { type Cube, coalitionGeo, type ReleaseCell, totalOption } from '../../disclosure/cube';
import type { PolicyError } from '../../disclosure/protect';
import type { ProtectionResult } from '../../disclosure/types';
import type { Catalog } from '../../domain/catalog';

/** "1 agency has", "3 agencies have". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const geoWords = (geo: string) => (geo === coalitionGeo ? 'coalition-wide' : geo);

/** A cell in words: "Survivors served · By gender identity · Male (2026Q3, SBN)". */
export function describeCell(
  catalog: Catalog,
  cell: Pick<ReleaseCell, 'element' | 'table' | 'coords' | 'period' | 'geo'>,
) {
  const element = catalog.sections.flatMap((s) => s.elements).find((e) => e.code === cell.element);
  const combo = catalog.categoryCombos.find((c) => `${cell.element}.${c.code}` === cell.table);
  const options = Object.entries(cell.coords).map(([category, option]) => {
    if (option === totalOption) return 'all';
    return (
      catalog.categories.find((c) => c.code === category)?.options.find((o) => o.code === option)?.name ??
      option
    );
  });
  const parts = [element?.name ?? cell.element, ...(combo ? [combo.name, options.join(', ')] : [])];
  return `${parts.join(' · ')} (${cell.period}, ${geoWords(cell.geo)})`;
}

/** Why protection failed, in words an admin can act on; never a hidden value. */
export function protectionFailure(catalog: Catalog, cube: Cube, result: ProtectionResult): string {
  const byId = new Map(cube.cells.map((c) => [c.id, c]));
  const cells = [...new Set(result.failures.map((f) => f.cell))];
  const byInsider = new Set(result.failures.filter((f) => f.insider !== null).map((f) => f.cell));
  const examples = cells
    .slice(0, 3)
    .map((id) => byId.get(id))
    .filter((c): c is ReleaseCell => c !== undefined)
    .map((c) => describeCell(catalog, c));
  const who =
    byInsider.size === 0
      ? 'by anyone reading the release'
      : byInsider.size === cells.length
        ? 'by an agency that knows its own numbers'
        : `by anyone reading the release or, for ${byInsider.size} of them, by an agency that knows its own numbers`;
  // An infeasible audit: the relations contradict the values, which only inconsistent reports do.
  // (An exact minimum that doesn't exist; a large component's unproven cells have no interval at all.)
  const contradictory = result.failures.some((f) => f.exact && Number.isNaN(f.lower));
  return (
    `The ${result.audience} figures could not be protected: ${plural(cells.length, 'hidden cell')} ${result.failures.every((f) => f.exact) ? 'could still be narrowed down' : 'could not be shown to be safe'} ${who}` +
    `${examples.length > 0 ? ` (for example ${examples.join('; ')})` : ''}. Nothing from this release was published.` +
    (contradictory
      ? ' Some approved numbers contradict each other (a breakdown that does not add up to its total, for instance): check the approved reports, reopen and correct them, then publish again.'
      : '')
  );
}

/**
 * The relations the approved values break (a breakdown that does not add up to its total, new
 * survivors more than survivors served): undefined when every one holds. Protection proves nothing
 * about figures that contradict each other, so such a release fails closed, naming a few of them.
 */
export function contradictions(catalog: Catalog, cube: Cube): string | undefined {
  const byId = new Map(cube.cells.map((c) => [c.id, c]));
  const value = (id: string) => byId.get(id)?.value ?? 0;
  const broken = cube.relations.filter((r) =>
    r.kind === 'sum'
      ? r.parts.reduce((sum, p) => sum + value(p), 0) !== value(r.total)
      : value(r.cell) > value(r.bound),
  );
  if (broken.length === 0) return undefined;
  // Name the totals (or bounds) only: never a hidden value, and no value at all.
  const named = [...new Set(broken.map((r) => (r.kind === 'sum' ? r.total : r.bound)))]
    .slice(0, 3)
    .map((id) => byId.get(id))
    .filter((c): c is ReleaseCell => c !== undefined)
    .map((c) => describeCell(catalog, c));
  return `The approved numbers contradict each other in ${plural(broken.length, 'place')} (for example ${named.join('; ')}: a breakdown that does not add up to its total, or new survivors more than survivors served), so their protection can't be proven. Nothing from this release was published. Check the approved reports, reopen and correct them, then publish again.`;
}

/** A policy the protection engine refused (thresholds below its minimum). */
export const policyRefusal = (error: PolicyError) =>
  `${error.message} Nothing from this release was published.`;

export const unexpectedFailure =
  'Protection stopped with an unexpected error, so nothing from this release was published. Try again; if it fails again, report it.';

export const interruptedFailure =
  'The server stopped while this release was being computed, so nothing from it was published. Start it again.';
