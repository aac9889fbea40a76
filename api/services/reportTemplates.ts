/**
 * The grant-report templates the coalition has: every `*.json` in `data/reports`, each checked by
 * its schema and against the default catalog and publication plan, with where the plan publishes each
 * section's figures. A coalition adds a funder's template by adding a file; a file that does not fit
 * is refused with its name and every problem in it. No HTTP here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../config';
import type { Catalog } from '../domain/catalog';
import type { PublicationPlan } from '../domain/plan';
import {
  publicationNotes,
  type ReportTemplate,
  type SectionPublication,
  templatePublication,
} from '../domain/reportTemplate';
import { parseReportTemplate } from '../domain/reportTemplateSchema';
import { readDefaultCatalog, readDefaultPlan } from '../queries/catalog';

export const defaultReportTemplatesDir = join(projectRoot, 'data/reports');

/** A template as the builder reads it: the file's contents, and where the plan publishes its figures. */
export type LoadedReportTemplate = ReportTemplate & {
  publication: SectionPublication[];
  /** The sections a protected report cannot show at some of the template's periods or areas, in words. */
  notes: string[];
};

/**
 * Reads every template in `dir`, in file-name order. Throws, naming the file, at the first that is not
 * JSON, does not fit its schema, the catalog or the plan, or repeats another's code.
 */
export function readReportTemplates(
  dir = defaultReportTemplatesDir,
  catalog: Catalog = readDefaultCatalog(),
  plan: PublicationPlan = readDefaultPlan(catalog),
): LoadedReportTemplate[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const byCode = new Map<string, string>();
  return files.map((name) => {
    const path = join(dir, name);
    const shown = relative(projectRoot, path).startsWith('..') ? path : relative(projectRoot, path);
    const refuse = (why: string) => new Error(`Report template ${shown}: ${why}`);
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw refuse(`it is not valid JSON (${(error as Error).message}).`);
    }
    let template: ReportTemplate;
    try {
      template = parseReportTemplate(input, catalog, plan);
    } catch (error) {
      throw refuse((error as Error).message);
    }
    const other = byCode.get(template.code);
    if (other)
      throw refuse(`its code ${template.code} is also the code of ${other}: give each template its own.`);
    byCode.set(template.code, name);
    const publication = templatePublication(template, plan);
    return { ...template, publication, notes: publicationNotes(template, publication) };
  });
}
