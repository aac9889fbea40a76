import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { planEntryOf, tablesOf } from '../domain/reportTemplate';
import { readDefaultCatalog, readDefaultPlan } from '../queries/catalog';
import { defaultReportTemplatesDir, readReportTemplates } from './reportTemplates';

const catalog = readDefaultCatalog();
const plan = readDefaultPlan(catalog);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
/** A folder holding the shipped templates and the given files. */
function templatesDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'scope-reports-'));
  dirs.push(dir);
  for (const name of ['federal-semiannual.json', 'annual-coalition.json'])
    copyFileSync(join(defaultReportTemplatesDir, name), join(dir, name));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

/** A funder's own template, as a coalition would add it. */
const funderTemplate = {
  code: 'county_fund',
  name: 'County fund yearly report',
  version: 1,
  description: 'What the county fund asks for each state fiscal year.',
  audience: 'funder',
  periodKinds: ['sfy'],
  areas: ['coalition'],
  kinds: ['protected'],
  sections: [
    { kind: 'table', code: 'served', title: 'Survivors served', table: { element: 'survivors_served' } },
    {
      kind: 'chart',
      code: 'services',
      title: 'Services',
      chart: 'bar',
      table: { element: 'services_provided', breakdown: 'service' },
    },
    {
      kind: 'narrative',
      code: 'story',
      title: 'The year',
      prompt: 'What happened this year?',
      maxLength: 2000,
    },
  ],
};

describe('the shipped report templates', () => {
  const templates = readReportTemplates();

  test('all four load, each with its sections in order', () => {
    expect(templates.map((t) => [t.code, t.periodKinds, t.kinds])).toEqual([
      ['annual_coalition', ['year', 'fy', 'sfy'], ['protected']],
      ['federal_semiannual', ['half'], ['protected', 'confidential']],
      ['quarterly_funder', ['quarter'], ['protected', 'confidential']],
      ['workgroup_brief', ['quarter'], ['protected']],
    ]);
    const semiannual = templates.find((t) => t.code === 'federal_semiannual');
    expect(semiannual?.sections.map((s) => s.code)).toEqual([
      'survivors_served',
      'new_survivors',
      'minors_adults',
      'trafficking_type',
      'gender',
      'citizenship',
      'referral_sources',
      'services',
      'trainings',
      'people_trained',
      'agencies_reporting',
      'definitions',
      'accomplishments',
      'challenges',
      'next_period',
      'about_figures',
    ]);
  });

  test('every table they name is one the publication plan publishes', () => {
    for (const template of templates)
      for (const section of template.sections)
        for (const ref of tablesOf(section))
          expect(planEntryOf(plan, ref), `${template.code} ${section.code}`).toBeDefined();
  });

  test('the annual report shows every section for calendar and fiscal years, protected', () => {
    const annual = templates.find((t) => t.code === 'annual_coalition');
    expect(annual?.notes).toEqual([]);
    expect(annual?.publication.find((p) => p.section === 'venues')).toEqual({
      section: 'venues',
      needs: 'members',
      periodKinds: ['year', 'fy', 'sfy'],
      shownAt: { coalition: ['year', 'fy', 'sfy'] },
    });
  });

  test('a semiannual report says which breakdowns only a confidential report shows by half-year', () => {
    const semiannual = templates.find((t) => t.code === 'federal_semiannual');
    // The plan publishes every other breakdown it asks for by half-year too (plan.json's notes say why).
    expect(semiannual?.notes).toEqual([
      'Section “Referral sources”, coalition-wide: the plan does not publish it for half-years; only a confidential report shows it.',
    ]);
  });
});

describe('templates the coalition adds', () => {
  test('a funder’s own template just works beside the shipped ones', () => {
    const templates = readReportTemplates(templatesDir({ 'county-fund.json': funderTemplate }));
    expect(templates.map((t) => t.code)).toEqual(['annual_coalition', 'county_fund', 'federal_semiannual']);
    expect(templates.find((t) => t.code === 'county_fund')?.notes).toEqual([]);
  });

  test.each<[string, unknown, string]>([
    ['not JSON', '{ "code": ', 'Report template {file}: it is not valid JSON'],
    [
      'an unknown grouping',
      {
        ...funderTemplate,
        sections: [
          {
            kind: 'table',
            code: 'ages',
            title: 'Survivors by age',
            table: {
              element: 'survivors_served',
              breakdown: 'type_age',
              by: 'age_group',
              grouping: 'age_minor_adults',
            },
          },
        ],
      },
      'Report template {file}: it does not fit the catalog and plan:\n  Section 1 (“Survivors by age”) names grouping age_minor_adults, which the catalog does not have; it has age_minor_adult.',
    ],
    [
      'a missing name',
      { ...funderTemplate, name: undefined },
      'Report template {file}: it is not a valid report template:\n  name:',
    ],
    [
      'the code of another template',
      { ...funderTemplate, code: 'annual_coalition' },
      'Report template {file}: its code annual_coalition is also the code of annual-coalition.json',
    ],
  ])('a file with %s is refused, naming the file', (_, content, message) => {
    const dir = templatesDir({ 'x.json': content });
    expect(() => readReportTemplates(dir)).toThrow(message.replace('{file}', join(dir, 'x.json')));
  });

  test('a shipped template the catalog no longer fits is refused, named from the project folder', () => {
    const withoutGroupings = { ...catalog, groupings: [] };
    expect(() => readReportTemplates(defaultReportTemplatesDir, withoutGroupings, plan)).toThrow(
      'Report template data/reports/annual-coalition.json: it does not fit the catalog and plan:\n  Section 4 (“Minors and adults”) names grouping age_minor_adult, which the catalog does not have; it has no groupings.\n  Section 5 (“Gender”) names grouping gender_grouped',
    );
  });
});
