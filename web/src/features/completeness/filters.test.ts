import { describe, expect, test } from 'vitest';
import {
  agenciesInStatePath,
  agencyTypeOptions,
  type CompletenessFilters,
  completenessSearch,
  describeFilters,
  parseCompletenessFilters,
} from './filters';

describe('parseCompletenessFilters', () => {
  test.each<{ search: string; expected: CompletenessFilters }>([
    { search: '', expected: { county: null, type: null, quarters: 8, status: null } },
    {
      search: 'county=SCL&type=shelter_housing&quarters=4',
      expected: { county: 'SCL', type: 'shelter_housing', quarters: 4, status: null },
    },
    { search: 'county=sbn', expected: { county: 'SBN', type: null, quarters: 8, status: null } },
    // Values that can't be right fall back to "all" rather than an error page.
    { search: 'county=&type=&quarters=', expected: { county: null, type: null, quarters: 8, status: null } },
    { search: 'type=bakery&quarters=7', expected: { county: null, type: null, quarters: 8, status: null } },
    {
      search: 'county=<script>&quarters=-4',
      expected: { county: null, type: null, quarters: 8, status: null },
    },
    { search: 'quarters=12', expected: { county: null, type: null, quarters: 12, status: null } },
    {
      search: 'period=2026q3&status=not_started',
      expected: {
        county: null,
        type: null,
        quarters: 8,
        status: { period: '2026Q3', status: 'not_started' },
      },
    },
    // A state without its quarter, or a quarter without a state, filters nothing.
    { search: 'status=draft', expected: { county: null, type: null, quarters: 8, status: null } },
    {
      search: 'period=2026Q3&status=lost',
      expected: { county: null, type: null, quarters: 8, status: null },
    },
  ])('?$search', ({ search, expected }) => {
    expect(parseCompletenessFilters(new URLSearchParams(search))).toEqual(expected);
  });
});

describe('completenessSearch', () => {
  test.each<{ filters: CompletenessFilters; expected: string }>([
    { filters: { county: null, type: null, quarters: 8, status: null }, expected: '' },
    { filters: { county: 'SCL', type: null, quarters: 8, status: null }, expected: 'county=SCL' },
    {
      filters: { county: 'SBN', type: 'law_enforcement', quarters: 12, status: null },
      expected: 'county=SBN&type=law_enforcement&quarters=12',
    },
  ])('$expected', ({ filters, expected }) => {
    expect(completenessSearch(filters).toString()).toBe(expected);
  });

  test.each<CompletenessFilters>([
    { county: 'SCL', type: 'health_care', quarters: 4, status: null },
    { county: null, type: null, quarters: 8, status: { period: '2026Q3', status: 'returned' } },
  ])('round-trips through the address: %o', (filters) => {
    expect(parseCompletenessFilters(completenessSearch(filters))).toEqual(filters);
  });

  test("the admin home's counts link to the agencies they count", () => {
    expect(agenciesInStatePath('2026Q3', 'not_started')).toBe(
      '/completeness?period=2026Q3&status=not_started',
    );
  });
});

describe('describeFilters', () => {
  const counties = [
    { code: 'SCL', name: 'Santa Clara County' },
    { code: 'SBN', name: 'San Benito County' },
  ];
  test.each<{ filters: CompletenessFilters; expected: string }>([
    {
      filters: { county: null, type: null, quarters: 8, status: null },
      expected: 'the last 8 quarters · all agency types',
    },
    {
      filters: { county: 'SBN', type: 'shelter_housing', quarters: 4, status: null },
      expected: 'the last 4 quarters · San Benito County · Shelter and housing agencies',
    },
    {
      filters: { county: 'XYZ', type: null, quarters: 12, status: null },
      expected: 'the last 12 quarters · XYZ · all agency types',
    },
    {
      filters: { county: null, type: null, quarters: 8, status: { period: '2026Q3', status: 'draft' } },
      expected: 'the last 8 quarters · all agency types · 2026Q3: draft only',
    },
  ])('$expected', ({ filters, expected }) => {
    expect(describeFilters(filters, counties)).toBe(expected);
  });
});

test('every agency type has a readable label', () => {
  const options = agencyTypeOptions();
  expect(options.length).toBeGreaterThan(0);
  for (const option of options) expect(option.label).not.toMatch(/_/);
  expect(options).toContainEqual({ value: 'victim_services', label: 'Victim services' });
});
