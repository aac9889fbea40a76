/**
 * A hand-made report document for the renderers' tests: every section kind, hidden figures, a table
 * longer than a page, a section the report can't show, and both kinds. The confidential document holds
 * the exact figures; the protected one the same report as published, its hidden figures `null`.
 * Each hidden figure's exact value is one that appears nowhere else in either document, so a test can
 * look for it in a protected output and know that finding it means a leak.
 */

import {
  type DocumentRow,
  type DocumentSection,
  type Figure,
  hiddenFootnote,
  type ReportDocument,
} from '../../domain/reportDocument';
import type { ReportKind } from '../../domain/reportTemplate';

/** The exact values of the figures the protected document hides: none appears anywhere else. */
export const hiddenTruths = [7193, 6827, 5941, 8462, 9376, 4718, 3659] as const;

/** The long table's rows: more than a Letter page holds. */
export const longTableRows = 64;

/** The long table's column heading: it must be repeated on every page the table spans. */
export const longTableHeading = 'Service received';

/** A figure the protected document hides: its exact value in the confidential one, null otherwise. */
const hidden = (kind: ReportKind, truth: number): Figure => (kind === 'confidential' ? truth : null);

const [typeHidden, typeOtherHidden, stackHidden, longHidden, trendHidden, trendPreviousHidden, countyHidden] =
  hiddenTruths;

const row = (code: string, label: string, figure: Figure): DocumentRow => ({ code, label, figure });

function sections(kind: ReportKind): DocumentSection[] {
  return [
    {
      kind: 'narrative',
      code: 'year_in_review',
      title: 'The year in review',
      prompt: 'What did the coalition and its members do together this period?',
      text: 'Members opened two new shelters & a drop-in centre <for youth>.\n\nA second paragraph: "quoted" words stay as written.',
    },
    {
      kind: 'table',
      code: 'survivors_served',
      title: 'Survivors served',
      shown: true,
      element: { code: 'survivors_served', name: 'Survivors served', kind: 'people' },
      multiSelect: false,
      rows: [],
      total: 1234,
      unduplicated: { lower: 1010, upper: 1234 },
      coverage: { reported: 11, expected: 12 },
      note: 'Continuing survivors are the survivors served less the new ones.',
    },
    {
      kind: 'chart',
      chart: 'bar',
      code: 'trafficking_type',
      title: 'Type of trafficking',
      shown: true,
      element: { code: 'survivors_served', name: 'Survivors served', kind: 'people' },
      dimension: 'Trafficking type',
      multiSelect: false,
      rows: [
        row('sex', 'Sex trafficking', 1102),
        row('labor', 'Labor trafficking', hidden(kind, typeHidden)),
        row('sex_and_labor', 'Both sex and labor', hidden(kind, typeOtherHidden)),
        row('unknown', 'Unknown', 45),
      ],
      total: 1234,
      unduplicated: kind === 'confidential' ? { lower: 1010, upper: 1234 } : { hidden: true },
      coverage: { reported: 11, expected: 12 },
    },
    {
      kind: 'chart',
      chart: 'stacked',
      code: 'minors_adults',
      title: 'Minors and adults',
      shown: true,
      element: { code: 'survivors_served', name: 'Survivors served', kind: 'people' },
      dimension: 'Age: minor or adult',
      multiSelect: false,
      rows: [
        row('minor', 'Minors', hidden(kind, stackHidden)),
        row('adult', 'Adults', 1013),
        row('unknown', 'Unknown', 88),
      ],
      total: 1234,
      coverage: { reported: 11, expected: 12 },
    },
    {
      kind: 'table',
      code: 'services',
      title: 'Services received',
      shown: true,
      element: { code: 'services_received', name: 'Survivors receiving the service', kind: 'people' },
      dimension: longTableHeading,
      multiSelect: true,
      rows: Array.from({ length: longTableRows }, (_, i) => {
        const number = String(i + 1).padStart(2, '0');
        return row(`service_${number}`, `Service ${number}`, i === 40 ? hidden(kind, longHidden) : 1300 + i);
      }),
      total: 1234,
      coverage: { reported: 10, expected: 12 },
    },
    {
      kind: 'table',
      code: 'trainings',
      title: 'Trainings by discipline',
      shown: false,
      notShown:
        'The coalition does not publish this table for half-years; only a confidential report shows it.',
      element: { code: 'trainings', name: 'Trainings', kind: 'activity' },
      dimension: 'Discipline',
      multiSelect: false,
      rows: [],
      total: null,
      coverage: { reported: 11, expected: 12 },
    },
    {
      kind: 'trend',
      code: 'survivors_by_quarter',
      title: 'Survivors served, quarter by quarter',
      periods: ['2025Q1', '2025Q2', '2025Q3', '2025Q4'],
      series: [
        {
          element: 'survivors_served',
          name: 'Survivors served',
          kind: 'people',
          figures: [612, 640, hidden(kind, trendHidden), 702],
          previousYear: [555, hidden(kind, trendPreviousHidden), 590, 601],
        },
        {
          element: 'new_survivors',
          name: 'New survivors',
          kind: 'people',
          figures: [210, 233, 251, 266],
          previousYear: [180, 192, 204, 215],
        },
      ],
    },
    {
      kind: 'completeness',
      code: 'completeness',
      title: 'Which agencies reported',
      coverage: { reported: 11, expected: 12 },
      agencies: Array.from({ length: 12 }, (_, i) => ({
        code: `agency_${i + 1}`,
        name: `Agency ${String.fromCharCode(65 + i)} Services`,
        county: i % 2 ? 'Alameda' : 'Fresno',
        quartersReported: i === 5 ? ['2025Q3'] : ['2025Q3', '2025Q4'],
        quartersMissing: i === 5 ? ['2025Q4'] : [],
      })),
    },
    {
      kind: 'table',
      code: 'by_county',
      title: 'Survivors served by county',
      shown: true,
      element: { code: 'survivors_served', name: 'Survivors served', kind: 'people' },
      dimension: 'County',
      multiSelect: false,
      rows: [row('alameda', 'Alameda', 680), row('fresno', 'Fresno', hidden(kind, countyHidden))],
      total: kind === 'confidential' ? 1234 : null,
      coverage: { reported: 11, expected: 12 },
    },
    {
      kind: 'definitions',
      code: 'definitions',
      title: 'Definitions',
      items: [
        {
          element: 'survivors_served',
          name: 'Survivors served',
          definition: 'People an agency served during the period who experienced trafficking.',
        },
        {
          element: 'new_survivors',
          name: 'New survivors',
          definition: 'Survivors served whose first service with the agency fell in the period.',
        },
      ],
    },
    {
      kind: 'disclaimer',
      code: 'disclaimer',
      title: 'About these figures',
      text: 'Figures are counts agencies reported; a survivor served by two agencies is counted by each.',
    },
  ];
}

/** The fixture's document of either kind. */
export function testReportDocument(kind: ReportKind): ReportDocument {
  const confidential = kind === 'confidential';
  return {
    request: { template: 'federal_semiannual', period: '2025H2', area: 'coalition', kind },
    template: {
      code: 'federal_semiannual',
      name: 'Federal-style semiannual performance report',
      version: 3,
      description: 'For federal anti-trafficking grants that report by half-year.',
    },
    catalogVersion: '2025.2',
    coalition: { name: 'Bay & Valley Anti-Trafficking Coalition' },
    kind,
    audience: confidential ? null : 'coalition',
    period: { code: '2025H2', label: 'July–December 2025', months: 'July to December 2025' },
    area: { code: 'coalition', name: 'Whole coalition' },
    releases: confidential
      ? []
      : [
          { id: 21, period: '2025Q3', sequence: 1, publishedAt: '2025-11-04T17:00:00.000Z' },
          { id: 24, period: '2025Q4', sequence: 2, publishedAt: '2026-02-10T18:30:00.000Z' },
        ],
    provisionalPeriods: confidential ? [] : ['2025Q4'],
    generatedAt: '2026-03-02T16:45:00.000Z',
    generatedBy: 'Dana Reyes',
    ...(confidential ? { purpose: 'Semiannual report owed to the state grant office, grant 24-117.' } : {}),
    footnotes: confidential ? ['Counts are as approved on 2 March 2026.'] : [hiddenFootnote],
    sections: sections(kind),
  };
}
