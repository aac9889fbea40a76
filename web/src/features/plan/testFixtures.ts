/** A small publication plan as `GET /api/publication-plan` answers it. */
import type { PublicationPlan } from './types';

const years = ['year', 'fy', 'sfy'] as const;
const every = ['quarter', 'half', 'year', 'fy', 'sfy'] as const;

export function testPlan(): PublicationPlan {
  return {
    version: 2,
    label: 'Plan for a small coalition',
    catalog: { version: 3, label: 'Trafficking catalog' },
    countyBreakdownAgencies: 3,
    tables: [
      {
        table: 'survivors_served',
        element: 'Survivors served',
        breakdown: null,
        note: 'A county’s quarter can hold a handful of survivors.',
        members: { coalition: [...every], county: [...years] },
        public: { coalition: [...every] },
      },
      {
        table: 'survivors_served.type_age',
        element: 'Survivors served',
        breakdown: 'Type of trafficking',
        note: null,
        members: { coalition: [...years] },
        public: { coalition: ['year', 'fy'] },
      },
      {
        table: 'survivors_served.type_age',
        element: 'Survivors served',
        breakdown: 'Age group',
        note: null,
        members: { coalition: [...years] },
        public: null,
      },
      {
        table: 'professionals_trained.discipline',
        element: 'Professionals trained',
        breakdown: 'By discipline',
        note: 'Activity counts, not people.',
        members: { coalition: [...every], county: [...every] },
        public: { coalition: [...every] },
      },
    ],
  };
}
