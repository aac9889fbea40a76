/** Builders for releases and previews in tests; each test says only what matters to it. */
import type { AudienceSummary, Release, ReleasePreview } from './types';

export function audienceSummary(overrides: Partial<AudienceSummary> = {}): AudienceSummary {
  return {
    status: 'passed',
    threshold: 5,
    cells: 412,
    hidden: 38,
    primary: 30,
    complementary: 8,
    lpsSolved: 1204,
    seconds: 3.21,
    hiddenShareOfCells: 38 / 412,
    hiddenShareOfCount: 0.021,
    ...overrides,
  };
}

export function release(overrides: Partial<Release> = {}): Release {
  return {
    id: 1,
    period: '2026Q3',
    sequence: 1,
    status: 'published',
    createdAt: '2026-11-03T14:00:00Z',
    publishedAt: '2026-11-03T14:05:00Z',
    createdBy: 'Dana Whitfield',
    catalogVersion: 1,
    periods: ['2026Q3', 'FY2026'],
    progress: null,
    failureReason: null,
    provisional: false,
    provisionalPeriods: [],
    audiences: {
      coalition: audienceSummary(),
      public: audienceSummary({ threshold: 11, cells: 120, hidden: 30, primary: 22, complementary: 8 }),
    },
    ...overrides,
  };
}

export function preview(overrides: Partial<ReleasePreview> = {}): ReleasePreview {
  return {
    period: '2026Q3',
    deadline: '2026-10-30',
    open: false,
    opensOn: '2026-10-01',
    openedEarly: false,
    expected: 14,
    approved: 12,
    awaitingReview: 1,
    returned: 0,
    draft: 0,
    notStarted: 1,
    approvedAgencies: [],
    missingAgencies: [
      { code: 'BIRCH', name: 'Birch Legal Aid', status: 'not_started' },
      { code: 'CEDAR', name: 'Cedar Clinic', status: 'submitted' },
    ],
    previousReleases: [],
    periods: ['2026Q3', 'FY2026'],
    provisionalShare: 0.8,
    provisionalPeriods: [],
    warnings: [],
    ...overrides,
  };
}
