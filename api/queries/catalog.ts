import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config';
import { type Db, statement } from '../db';
import { type Catalog, cellKey, optionKeysOf } from '../domain/catalog';
import { parseCatalog } from '../domain/catalogSchema';
import type { PublicationPlan } from '../domain/plan';
import { parsePlan } from '../domain/planSchema';

export const defaultCatalogPath = join(projectRoot, 'data/catalog/default.json');
export const defaultPlanPath = join(projectRoot, 'data/catalog/plan.json');

/** Reads and checks the default catalog shipped in `data/catalog/`. */
export function readDefaultCatalog(path = defaultCatalogPath): Catalog {
  return parseCatalog(JSON.parse(readFileSync(path, 'utf8')));
}

/** Reads the default publication plan shipped beside the catalog, checked against it. */
export function readDefaultPlan(catalog: Catalog, path = defaultPlanPath): PublicationPlan {
  return parsePlan(JSON.parse(readFileSync(path, 'utf8')), catalog);
}

/**
 * Stores a catalog as a new version, with a cell (category option combination) for every
 * disaggregation and its publication plan (the default plan unless given), and makes it the current
 * version. All or nothing.
 */
export function installCatalog(
  db: Db,
  catalog: Catalog,
  createdBy: number | null = null,
  plan: PublicationPlan = readDefaultPlan(catalog),
): number {
  return db.transaction(() => {
    const versionId = Number(
      statement(
        db,
        'INSERT INTO catalog_versions (version, label, created_by, groupings, publication_plan) VALUES (?, ?, ?, ?, ?)',
      ).run(
        catalog.version,
        catalog.label,
        createdBy,
        JSON.stringify(catalog.groupings),
        JSON.stringify(plan),
      ).lastInsertRowid,
    );
    const insertCategory = statement(
      db,
      'INSERT INTO categories (catalog_version_id, code, name, description, multi_select) VALUES (?, ?, ?, ?, ?)',
    );
    const insertOption = statement(
      db,
      'INSERT INTO category_options (category_id, code, name, description, sort_order) VALUES (?, ?, ?, ?, ?)',
    );
    const insertCombo = statement(
      db,
      'INSERT INTO category_combos (catalog_version_id, code, name) VALUES (?, ?, ?)',
    );
    const insertComboCategory = statement(
      db,
      'INSERT INTO category_combo_categories (combo_id, category_id, position) VALUES (?, ?, ?)',
    );
    const insertCoc = statement(
      db,
      'INSERT INTO category_option_combos (combo_id, option_key) VALUES (?, ?)',
    );
    const insertSection = statement(
      db,
      'INSERT INTO sections (catalog_version_id, code, name, description, agency_types, sort_order) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertElement = statement(
      db,
      `INSERT INTO data_elements
      (catalog_version_id, section_id, code, name, description, kind, period_aggregation, agency_aggregation, sort_order)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const setNewElement = statement(
      db,
      'UPDATE data_elements SET new_element_id = ?, period_aggregation = ? WHERE id = ?',
    );
    const insertElementCombo = statement(
      db,
      'INSERT INTO data_element_combos (element_id, combo_id, position) VALUES (?, ?, ?)',
    );
    const insertRule = statement(
      db,
      `INSERT INTO validation_rules
      (catalog_version_id, code, description, left_expression, operator, right_expression, severity, message)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    const categoryIds = new Map<string, number>();
    for (const category of catalog.categories) {
      const id = Number(
        insertCategory.run(
          versionId,
          category.code,
          category.name,
          category.description ?? null,
          category.multiSelect ? 1 : 0,
        ).lastInsertRowid,
      );
      categoryIds.set(category.code, id);
      category.options.forEach((o, i) => {
        insertOption.run(id, o.code, o.name, o.description ?? null, i);
      });
    }

    // The combination with no categories holds each element's total.
    const totalComboId = Number(insertCombo.run(versionId, '', 'Total').lastInsertRowid);
    insertCoc.run(totalComboId, '');
    const comboIds = new Map<string, number>();
    for (const combo of catalog.categoryCombos) {
      const id = Number(insertCombo.run(versionId, combo.code, combo.name).lastInsertRowid);
      comboIds.set(combo.code, id);
      combo.categories.forEach((c, i) => {
        insertComboCategory.run(id, categoryIds.get(c), i);
      });
      for (const key of optionKeysOf(catalog, combo)) insertCoc.run(id, key);
    }

    const elementIds = new Map<string, number>();
    let elementOrder = 0;
    catalog.sections.forEach((section, sectionOrder) => {
      const sectionId = Number(
        insertSection.run(
          versionId,
          section.code,
          section.name,
          section.description,
          JSON.stringify(section.agencyTypes),
          sectionOrder,
        ).lastInsertRowid,
      );
      for (const element of section.elements) {
        // Inserted as 'sum' first: the new element it points at may not exist yet.
        const id = Number(
          insertElement.run(
            versionId,
            sectionId,
            element.code,
            element.name,
            element.description,
            element.kind,
            'sum',
            element.agencyAggregation,
            elementOrder++,
          ).lastInsertRowid,
        );
        elementIds.set(element.code, id);
        insertElementCombo.run(id, totalComboId, 0);
        element.disaggregations.forEach((c, i) => {
          insertElementCombo.run(id, comboIds.get(c), i + 1);
        });
      }
    });
    for (const element of catalog.sections.flatMap((s) => s.elements)) {
      if (element.periodAggregation === 'first_plus_new' && element.newElement)
        setNewElement.run(elementIds.get(element.newElement), 'first_plus_new', elementIds.get(element.code));
    }

    for (const r of catalog.validationRules)
      insertRule.run(versionId, r.code, r.description, r.left, r.operator, r.right, r.severity, r.message);

    statement(
      db,
      "INSERT INTO settings (key, value) VALUES ('current_catalog_version_id', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(String(versionId));
    return versionId;
  })();
}

/** The id of the catalog version new submissions use. */
export function currentCatalogVersionId(db: Db): number | undefined {
  const value = statement(db, "SELECT value FROM settings WHERE key = 'current_catalog_version_id'")
    .pluck()
    .get();
  return value === undefined ? undefined : Number(value);
}

type Row = Record<string, unknown>;

/** Rebuilds a stored catalog version in the shape of the catalog file. */
export function getCatalog(db: Db, versionId: number): Catalog {
  const version = statement(db, 'SELECT version, label, groupings FROM catalog_versions WHERE id = ?').get(
    versionId,
  ) as { version: number; label: string; groupings: string } | undefined;
  if (!version) throw new Error(`no catalog version ${versionId}`);
  const categories = statement(
    db,
    'SELECT id, code, name, description, multi_select FROM categories WHERE catalog_version_id = ? ORDER BY id',
  ).all(versionId) as Row[];
  const options = statement(
    db,
    `SELECT o.category_id, o.code, o.name, o.description FROM category_options o
     JOIN categories c ON c.id = o.category_id WHERE c.catalog_version_id = ? ORDER BY o.category_id, o.sort_order`,
  ).all(versionId) as Row[];
  const combos = statement(
    db,
    "SELECT id, code, name FROM category_combos WHERE catalog_version_id = ? AND code <> '' ORDER BY id",
  ).all(versionId) as Row[];
  const comboCategories = statement(
    db,
    `SELECT cc.combo_id, c.code FROM category_combo_categories cc JOIN categories c ON c.id = cc.category_id
     WHERE c.catalog_version_id = ? ORDER BY cc.combo_id, cc.position`,
  ).all(versionId) as Row[];
  const sections = statement(
    db,
    'SELECT id, code, name, description, agency_types FROM sections WHERE catalog_version_id = ? ORDER BY sort_order',
  ).all(versionId) as Row[];
  const elements = statement(
    db,
    `SELECT e.id, e.section_id, e.code, e.name, e.description, e.kind, e.period_aggregation, e.agency_aggregation,
            n.code AS new_element
     FROM data_elements e LEFT JOIN data_elements n ON n.id = e.new_element_id
     WHERE e.catalog_version_id = ? ORDER BY e.sort_order`,
  ).all(versionId) as Row[];
  const elementCombos = statement(
    db,
    `SELECT ec.element_id, cc.code FROM data_element_combos ec JOIN category_combos cc ON cc.id = ec.combo_id
     WHERE cc.catalog_version_id = ? AND cc.code <> '' ORDER BY ec.element_id, ec.position`,
  ).all(versionId) as Row[];
  const rules = statement(
    db,
    `SELECT code, description, left_expression, operator, right_expression, severity, message
     FROM validation_rules WHERE catalog_version_id = ? ORDER BY id`,
  ).all(versionId) as Row[];

  const optional = (v: unknown) => (v === null ? undefined : (v as string));
  return {
    version: version.version,
    label: version.label,
    categories: categories.map((c) => ({
      code: c.code as string,
      name: c.name as string,
      description: optional(c.description),
      multiSelect: c.multi_select === 1,
      options: options
        .filter((o) => o.category_id === c.id)
        .map((o) => ({
          code: o.code as string,
          name: o.name as string,
          description: optional(o.description),
        })),
    })),
    categoryCombos: combos.map((cc) => ({
      code: cc.code as string,
      name: cc.name as string,
      categories: comboCategories.filter((x) => x.combo_id === cc.id).map((x) => x.code as string),
    })),
    sections: sections.map((s) => ({
      code: s.code as string,
      name: s.name as string,
      description: s.description as string,
      agencyTypes: JSON.parse(s.agency_types as string),
      elements: elements
        .filter((e) => e.section_id === s.id)
        .map((e) => ({
          code: e.code as string,
          name: e.name as string,
          description: e.description as string,
          kind: e.kind as 'people' | 'activity',
          periodAggregation: e.period_aggregation as 'sum' | 'first_plus_new',
          newElement: optional(e.new_element),
          agencyAggregation: 'sum' as const,
          disaggregations: elementCombos.filter((x) => x.element_id === e.id).map((x) => x.code as string),
        })),
    })),
    validationRules: rules.map((r) => ({
      code: r.code as string,
      description: r.description as string,
      left: r.left_expression as string,
      operator: r.operator as Catalog['validationRules'][number]['operator'],
      right: r.right_expression as string,
      severity: r.severity as 'error' | 'warning',
      message: r.message as string,
    })),
    groupings: JSON.parse(version.groupings) as Catalog['groupings'],
  };
}

/** A stored catalog version's publication plan: the default plan for a version stored before plans. */
export function getPublicationPlan(db: Db, versionId: number, catalog: Catalog): PublicationPlan {
  const row = statement(db, 'SELECT publication_plan FROM catalog_versions WHERE id = ?').get(versionId) as
    | { publication_plan: string | null }
    | undefined;
  if (!row) throw new Error(`no catalog version ${versionId}`);
  return row.publication_plan === null
    ? readDefaultPlan(catalog)
    : (JSON.parse(row.publication_plan) as PublicationPlan);
}

/**
 * `cellKey` in SQL, over a value row joined to its element `e`, category option combination `coc` and
 * that combination's combo `cc`.
 */
export const cellKeySql = `CASE WHEN cc.code = '' THEN e.code ELSE e.code || '.' || cc.code || '.' || coc.option_key END`;

/** Database ids for a catalog version's cells, keyed by `cellKey`. */
export type CellIndex = ReadonlyMap<string, { elementId: number; cocId: number }>;

/** Maps every cell key of a catalog version to its element and category option combination ids. */
export function getCellIndex(db: Db, versionId: number): CellIndex {
  const rows = statement(
    db,
    `SELECT e.id AS element_id, e.code AS element, cc.code AS combo, coc.id AS coc_id, coc.option_key
     FROM data_elements e
     JOIN data_element_combos ec ON ec.element_id = e.id
     JOIN category_combos cc ON cc.id = ec.combo_id
     JOIN category_option_combos coc ON coc.combo_id = cc.id
     WHERE e.catalog_version_id = ?`,
  ).all(versionId) as Array<{
    element_id: number;
    element: string;
    combo: string;
    coc_id: number;
    option_key: string;
  }>;
  return new Map(
    rows.map((r) => [
      cellKey({ element: r.element, combo: r.combo, optionKey: r.option_key }),
      { elementId: r.element_id, cocId: r.coc_id },
    ]),
  );
}

/** A catalog version's number and label. */
export function getCatalogVersionInfo(db: Db, versionId: number) {
  return statement(db, 'SELECT id, version, label FROM catalog_versions WHERE id = ?').get(versionId) as
    | { id: number; version: number; label: string }
    | undefined;
}
