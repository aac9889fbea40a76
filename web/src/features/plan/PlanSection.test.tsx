import { expect, test } from 'vitest';
import { renderCached } from '../../testing';
import { PlanSection } from './PlanSection';
import { planKeys } from './queries';
import { testPlan } from './testFixtures';

/** The rows of the plan's table as text, cell by cell. */
function rows(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
    [...(row ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map(([, cell]) =>
      (cell ?? '').replace(/<\/li><li>/g, ' · ').replace(/<[^>]+>/g, ''),
    ),
  );
}

test('the releases page lists the plan: its versions, the county minimum and every table in words', () => {
  const html = renderCached(<PlanSection />, [[planKeys.current(), testPlan()]]);
  expect(html).toContain('<h2 id="plan-heading">Publication plan</h2>');
  expect(html).toContain('<dd>Plan for a small coalition (version 2)</dd>');
  expect(html).toContain('<dd>Trafficking catalog (version 3)</dd>');
  expect(html).toContain('Published only where every county has at least 3 reporting agencies');
  // Collapsed until asked for, and a table with a caption when opened.
  expect(html).toMatch(/<details class="plan-details"><summary>Show the plan’s 4 tables/);
  expect(html).toContain(
    '<caption id="plan-caption">Plan for a small coalition, version 2: what is published, to whom, where and how often</caption>',
  );
  expect(rows(html)).toEqual([
    [
      'Survivors served',
      'Total',
      'Whole coalition: every period · Each county: calendar years, federal and California fiscal years',
      'Whole coalition: every period',
      'A county’s quarter can hold a handful of survivors.',
    ],
    [
      'Survivors served',
      'Type of trafficking',
      'Whole coalition: calendar years, federal and California fiscal years',
      'Whole coalition: calendar years and federal fiscal years',
      '',
    ],
    [
      'Survivors served',
      'Age group',
      'Whole coalition: calendar years, federal and California fiscal years',
      'Not published',
      '',
    ],
    [
      'Professionals trained',
      'By discipline',
      'Whole coalition: every period · Each county: every period',
      'Whole coalition: every period',
      'Activity counts, not people.',
    ],
  ]);
});
