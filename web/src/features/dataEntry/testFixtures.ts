/**
 * Small catalogs and submissions for tests. Each call builds a fresh object, so no test can leave
 * anything behind for another.
 */
import type { Catalog } from '../../../../api/domain/catalog';
import { quarterDates } from '../../testing';
import { catalogKeys } from '../submissions/queries';
import type { SubmissionDetail } from '../submissions/types';

/**
 * A catalog with one of everything the form handles: a two-category grid (type × age), a plain
 * list (gender), a multi-select list (service), an element with no breakdown, a section only law
 * enforcement reports, and rules of both severities.
 */
export function makeCatalog(): Catalog {
  return {
    version: 1,
    label: 'Test catalog',
    groupings: [],
    categories: [
      {
        code: 'trafficking_type',
        name: 'Type of trafficking',
        multiSelect: false,
        options: [
          { code: 'sex', name: 'Sex trafficking' },
          { code: 'labor', name: 'Labor trafficking' },
        ],
      },
      {
        code: 'age_group',
        name: 'Age group',
        description: "The survivor's age when first served.",
        multiSelect: false,
        options: [
          { code: 'under_18', name: 'Under 18' },
          { code: '18_plus', name: '18 or older' },
          { code: 'unknown', name: 'Unknown' },
        ],
      },
      {
        code: 'gender',
        name: 'Gender identity',
        multiSelect: false,
        options: [
          { code: 'female', name: 'Female' },
          { code: 'male', name: 'Male' },
        ],
      },
      {
        code: 'service',
        name: 'Service',
        multiSelect: true,
        options: [
          { code: 'shelter', name: 'Emergency shelter' },
          { code: 'legal', name: 'Legal help' },
        ],
      },
    ],
    categoryCombos: [
      {
        code: 'type_age',
        name: 'Type of trafficking by age group',
        categories: ['trafficking_type', 'age_group'],
      },
      { code: 'gender', name: 'By gender identity', categories: ['gender'] },
      { code: 'service', name: 'By service', categories: ['service'] },
    ],
    sections: [
      {
        code: 'survivors',
        name: 'Survivors served',
        description: 'Survivors your agency served this quarter.',
        agencyTypes: ['victim_services'],
        elements: [
          {
            code: 'survivors_served',
            name: 'Survivors served',
            description: 'Each survivor counted once.',
            kind: 'people',
            periodAggregation: 'first_plus_new',
            agencyAggregation: 'sum',
            disaggregations: ['type_age', 'gender'],
          },
          {
            code: 'services_provided',
            name: 'Survivors receiving services',
            description: 'Survivors who received at least one service.',
            kind: 'people',
            periodAggregation: 'sum',
            agencyAggregation: 'sum',
            disaggregations: ['service'],
          },
          {
            code: 'survivors_shared',
            name: 'Survivors also served elsewhere',
            description: 'Of the survivors served, those another member also served.',
            kind: 'people',
            periodAggregation: 'sum',
            agencyAggregation: 'sum',
            disaggregations: [],
          },
        ],
      },
      {
        code: 'law_enforcement',
        name: 'Law enforcement',
        description: 'For law-enforcement agencies.',
        agencyTypes: ['law_enforcement'],
        elements: [
          {
            code: 'arrests',
            name: 'Arrests',
            description: 'Arrests this quarter.',
            kind: 'activity',
            periodAggregation: 'sum',
            agencyAggregation: 'sum',
            disaggregations: [],
          },
        ],
      },
    ],
    validationRules: [
      {
        code: 'gender_sum',
        description: 'The gender breakdown adds up to the total.',
        left: 'survivors_served.gender',
        operator: '==',
        right: 'survivors_served',
        severity: 'error',
        message: 'The gender breakdown must add up to survivors served.',
      },
      {
        code: 'services_covered',
        description: 'Each survivor receiving services is counted under at least one service.',
        left: 'services_provided.service',
        operator: '>=',
        right: 'services_provided',
        severity: 'warning',
        message: 'The services listed add up to fewer than the survivors receiving services.',
      },
      {
        code: 'shared_within_served',
        description: 'Survivors also served elsewhere are some of the survivors served.',
        left: 'survivors_shared',
        operator: '<=',
        right: 'survivors_served',
        severity: 'error',
        message: 'Survivors also served elsewhere cannot be more than survivors served.',
      },
    ],
  };
}

/** `makeCatalog` as `GET /api/catalog/1` answers, under its query key, for a test's cache. */
export function cachedCatalog() {
  return [catalogKeys.version(1), { id: 1, version: '1', label: 'Test', catalog: makeCatalog() }] as const;
}

/** A victim-services agency's draft for 2026Q4, editable by its reporter. */
export function makeDetail(overrides: Partial<SubmissionDetail> = {}): SubmissionDetail {
  return {
    agency: { code: 'ASH', name: 'Asian Women’s Shelter South Bay', type: 'victim_services' },
    period: { code: '2026Q4', ...quarterDates('2026Q4'), open: true, openedEarly: false },
    status: 'draft',
    revision: 0,
    late: false,
    submittedAt: null,
    updatedAt: '2026-11-20T22:05:00Z',
    returnComment: null,
    catalogVersionId: 1,
    values: {},
    explanations: {},
    reply: null,
    copiedFromPeriod: null,
    copyFrom: null,
    history: {},
    findings: [],
    permissions: { edit: true, submit: true, review: false, reopen: false, reply: false },
    ...overrides,
  };
}
