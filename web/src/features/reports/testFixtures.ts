/**
 * Grant-report answers for tests, shaped as the API gives them. Each call builds fresh objects; a test
 * says only what matters to it through `overrides`.
 */
import type { ChoicePeriod, ReportChoices, ReportSummary, Template } from './types';

/** A funder's half-year template with two tables and one narrative, protected or confidential. */
export function template(overrides: Partial<Template> = {}): Template {
  return {
    code: 'federal_semiannual',
    name: 'Federal-style semiannual performance report',
    version: 1,
    description: 'For federal anti-trafficking grants that report by half-year.',
    audience: 'funder',
    periodKinds: ['half'],
    areas: ['coalition'],
    kinds: ['protected', 'confidential'],
    sections: [
      {
        kind: 'table',
        code: 'survivors_served',
        title: 'Survivors served',
        table: { element: 'survivors_served' },
      },
      {
        kind: 'narrative',
        code: 'accomplishments',
        title: 'Accomplishments',
        prompt: 'What did the project achieve this half-year?',
        maxLength: 4000,
      },
    ],
    publication: [],
    notes: ['Trainings by discipline: a protected report can’t show it for a half-year.'],
    ...overrides,
  };
}

/** A half-year a report can be made for: 2025H2, published and with approved counts. */
export function choicePeriod(overrides: Partial<ChoicePeriod> = {}): ChoicePeriod {
  return {
    code: '2025H2',
    label: 'July to December 2025',
    kind: 'half',
    protected: true,
    confidential: true,
    ...overrides,
  };
}

/** What `GET /api/reports/choices` answers an admin when confidential reports are allowed. */
export function choices(overrides: Partial<ReportChoices> = {}): ReportChoices {
  return {
    periods: [
      choicePeriod({ code: '2025H1', label: 'January to June 2025' }),
      choicePeriod(),
      choicePeriod({ code: '2026H1', label: 'January to June 2026', protected: false }),
    ],
    areas: [{ code: 'coalition', name: 'The whole coalition' }],
    confidential: { allowed: true, canMake: true },
    ...overrides,
  };
}

/** A kept protected report of 2025H2, ready, made by Dana. */
export function report(overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    id: 12,
    template: { code: 'federal_semiannual', name: 'Federal-style semiannual performance report', version: 1 },
    period: { code: '2025H2', label: 'July to December 2025' },
    area: { code: 'coalition', name: 'The whole coalition' },
    kind: 'protected',
    status: 'ready',
    progress: null,
    failure: null,
    createdBy: 'Dana Whitfield',
    createdAt: '2026-11-30T18:05:00Z',
    purpose: null,
    releases: [
      { id: 5, period: '2025Q3', sequence: 1 },
      { id: 6, period: '2025Q4', sequence: 1 },
    ],
    files: {
      pdf: { bytes: 48_213, sha256: 'a'.repeat(64), pages: 9 },
      xlsx: { bytes: 21_400, sha256: 'b'.repeat(64) },
      csv: { bytes: 3_120, sha256: 'c'.repeat(64) },
    },
    pages: 9,
    outdated: null,
    regenerationOf: null,
    regeneratedAs: null,
    withdrawn: null,
    ...overrides,
  };
}
