/**
 * Raw numbers: one agency's own reported values, before any protection — its working copy, its
 * submitted revisions, and its approved history. The agency's reporters enter and read them, and
 * admins review them; they are never served to anyone else. Only the data entry and review service
 * may import this (a lint rule in `biome.json` says so).
 */
import { type Db, statement } from '../../db';
import { cellKeySql } from '../catalog';
import type { DataValueRow } from '../dataValues';

/** Values by cell key from `data_values` (a draft) or `revision_values` (a submitted revision). */
function valuesByCellKey(
  db: Db,
  table: 'data_values' | 'revision_values',
  ownerColumn: string,
  ownerId: number,
) {
  const rows = statement(
    db,
    `SELECT ${cellKeySql} AS key, v.value FROM ${table} v
     JOIN data_elements e ON e.id = v.element_id
     JOIN category_option_combos coc ON coc.id = v.coc_id
     JOIN category_combos cc ON cc.id = coc.combo_id
     WHERE v.${ownerColumn} = ?`,
  )
    .raw()
    .all(ownerId) as Array<[string, number]>;
  return new Map(rows);
}

/** A submission's working values by cell key. */
export function getDraftValues(db: Db, submissionId: number): Map<string, number> {
  return valuesByCellKey(db, 'data_values', 'submission_id', submissionId);
}

/** One submitted revision's values by cell key, or undefined when there is no such revision. */
export function getRevisionValues(
  db: Db,
  submissionId: number,
  revision: number,
): Map<string, number> | undefined {
  const id = statement(db, 'SELECT id FROM submission_revisions WHERE submission_id = ? AND revision = ?')
    .pluck()
    .get(submissionId, revision) as number | undefined;
  return id === undefined ? undefined : valuesByCellKey(db, 'revision_values', 'revision_id', id);
}

/**
 * An agency's element totals in its approved reports before a period, oldest first, at most `limit`
 * quarters: the history outlier warnings compare against.
 */
export function getElementHistory(
  db: Db,
  agencyId: number,
  beforePeriod: string,
  limit = 8,
): Map<string, number[]> {
  const rows = statement(
    db,
    `WITH recent AS (
       SELECT s.id AS submission_id, s.latest_revision, p.code AS period FROM submissions s
       JOIN reporting_periods p ON p.id = s.period_id
       WHERE s.agency_id = ? AND p.code < ? AND s.status = 'approved'
       ORDER BY p.code DESC LIMIT ?)
     SELECT e.code, rv.value FROM recent
     JOIN submission_revisions r ON r.submission_id = recent.submission_id AND r.revision = recent.latest_revision
     JOIN revision_values rv ON rv.revision_id = r.id
     JOIN data_elements e ON e.id = rv.element_id
     JOIN category_option_combos coc ON coc.id = rv.coc_id
     WHERE coc.option_key = '' AND e.id IN (SELECT element_id FROM data_element_combos)
     ORDER BY recent.period`,
  )
    .raw()
    .all(agencyId, beforePeriod, limit) as Array<[string, number]>;
  const history = new Map<string, number[]>();
  for (const [element, value] of rows) {
    const list = history.get(element);
    if (list) list.push(value);
    else history.set(element, [value]);
  }
  return history;
}

/** A submission's working values as (element id, coc id, value). */
export function listDataValues(db: Db, submissionId: number): Array<Omit<DataValueRow, 'submissionId'>> {
  return statement(
    db,
    'SELECT element_id AS elementId, coc_id AS cocId, value FROM data_values WHERE submission_id = ? ORDER BY element_id, coc_id',
  ).all(submissionId) as Array<Omit<DataValueRow, 'submissionId'>>;
}
