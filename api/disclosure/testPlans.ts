/**
 * Publication plans for tests: everything the catalog could publish, everywhere, to members and
 * the public — so a test of the cube sees every table, grouping and relation — and the default plan.
 */
import type { Catalog } from '../domain/catalog';
import { periodKinds } from '../domain/periods';
import type { PlanTable, PublicationPlan } from '../domain/plan';

/**
 * Every element, breakdown and grouping at every grain, to members for the coalition and each
 * county; the public's part is what `public` says: the same, or coalition-wide one-way tables only.
 */
export function everythingPlan(
  catalog: Catalog,
  publicTables: 'everything' | 'one-way' = 'everything',
): PublicationPlan {
  const everywhere = { coalition: [...periodKinds], county: [...periodKinds] };
  const coalitionWide = { coalition: [...periodKinds] };
  const oneWay = publicTables === 'one-way';
  const tables: PlanTable[] = [];
  for (const element of catalog.sections.flatMap((s) => s.elements)) {
    tables.push({ element: element.code, members: everywhere, public: coalitionWide });
    for (const comboCode of element.disaggregations) {
      const combo = catalog.categoryCombos.find((c) => c.code === comboCode);
      const twoWay = (combo?.categories.length ?? 0) > 1;
      tables.push({
        element: element.code,
        breakdown: comboCode,
        members: everywhere,
        ...(oneWay && twoWay ? {} : { public: coalitionWide }),
      });
      for (const category of combo?.categories ?? [])
        for (const grouping of catalog.groupings.filter((g) => g.category === category))
          tables.push({
            element: element.code,
            breakdown: comboCode,
            ...(twoWay ? { by: category } : {}),
            grouping: grouping.code,
            members: everywhere,
            ...(oneWay ? {} : { public: coalitionWide }),
          });
    }
  }
  return { version: 1, label: 'Everything, everywhere', tables };
}
