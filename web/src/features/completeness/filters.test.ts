import { describe, expect, test } from 'vitest';
import {
  agencyTypeOptions,
  type CompletenessFilters,
  completenessSearch,
  describeFilters,
  parseCompletenessFilters,
} from './filters';

describe('parseCompletenessFilters', () => {
  test.each<{ search: string; expected: CompletenessFilters }>([
    { search: '', expected: { county: null, type: null, quarters: 8 } },
    {
      search: 'county=SCL&type=shelter_housing&quarters=4',
      expected: { county: 'SCL', type: 'shelter_housing', quarters: 4 },
    },
    { search: 'county=sbn', expected: { county: 'SBN', type: null, quarters: 8 } },
    // Values that can't be right fall back to "all" rather than an error page.
    { search: 'county=&type=&quarters=', expected: { county: null, type: null, quarters: 8 } },
    { search: 'type=bakery&quarters=7', expected: { county: null, type: null, quarters: 8 } },
    { search: 'county=<script>&quarters=-4', expected: { county: null, type: null, quarters: 8 } },
    { search: 'quarters=12', expected: { county: null, type: null, quarters: 12 } },
  ])('?$search', ({ search, expected }) => {
    expect(parseCompletenessFilters(new URLSearchParams(search))).toEqual(expected);
  });
});

describe('completenessSearch', () => {
  test.each<{ filters: CompletenessFilters; expected: string }>([
    { filters: { county: null, type: null, quarters: 8 }, expected: '' },
    { filters: { county: 'SCL', type: null, quarters: 8 }, expected: 'county=SCL' },
    {
      filters: { county: 'SBN', type: 'law_enforcement', quarters: 12 },
      expected: 'county=SBN&type=law_enforcement&quarters=12',
    },
  ])('$expected', ({ filters, expected }) => {
    expect(completenessSearch(filters).toString()).toBe(expected);
  });

  test('round-trips through the address', () => {
    const filters: CompletenessFilters = { county: 'SCL', type: 'health_care', quarters: 4 };
    expect(parseCompletenessFilters(completenessSearch(filters))).toEqual(filters);
  });
});

describe('describeFilters', () => {
  const counties = [
    { code: 'SCL', name: 'Santa Clara County' },
    { code: 'SBN', name: 'San Benito County' },
  ];
  test.each<{ filters: CompletenessFilters; expected: string }>([
    {
      filters: { county: null, type: null, quarters: 8 },
      expected: 'the last 8 quarters · all agency types',
    },
    {
      filters: { county: 'SBN', type: 'shelter_housing', quarters: 4 },
      expected: 'the last 4 quarters · San Benito County · Shelter and housing agencies',
    },
    {
      filters: { county: 'XYZ', type: null, quarters: 12 },
      expected: 'the last 12 quarters · XYZ · all agency types',
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
