/**
 * The publication plan in words, as admins read it on the releases page: each table the current
 * catalog version's plan publishes, to whom, where and how often, with the coalition's minimum of
 * reporting agencies for county breakdowns. No HTTP here.
 */
import type { Db } from '../db';
import { type PlanAudience, planAudiences, planGeographies, resolvePlanTable } from '../domain/plan';
import { catalogVersion, currentCatalogVersionIdOrFail } from './catalog';
import { publicationSettings } from './releases/policy';

export function publicationPlanView(db: Db) {
  const versionId = currentCatalogVersionIdOrFail(db);
  const { catalog, plan } = catalogVersion(db, versionId);
  const tables = plan.tables.flatMap((entry) => {
    const resolved = resolvePlanTable(catalog, entry);
    if (typeof resolved === 'string') return [];
    const by =
      resolved.combo && resolved.shown.length < resolved.categories.length ? resolved.shown[0] : undefined;
    const breakdown = resolved.grouping?.name ?? by?.name ?? resolved.combo?.name ?? null;
    const reach = (audience: PlanAudience) => {
      const r = entry[audience];
      return r ? Object.fromEntries(planGeographies.flatMap((g) => (r[g] ? [[g, r[g]]] : []))) : null;
    };
    return [
      {
        table: resolved.code,
        element: resolved.element.name,
        breakdown,
        note: entry.note ?? null,
        ...Object.fromEntries(planAudiences.map((a) => [a, reach(a)])),
      } as {
        table: string;
        element: string;
        breakdown: string | null;
        note: string | null;
        members: Record<string, string[]> | null;
        public: Record<string, string[]> | null;
      },
    ];
  });
  return {
    version: plan.version,
    label: plan.label,
    catalog: { version: catalog.version, label: catalog.label },
    countyBreakdownAgencies: publicationSettings(db).countyBreakdownAgencies,
    tables,
  };
}
