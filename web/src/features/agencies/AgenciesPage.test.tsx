import { describe, expect, test } from 'vitest';
import { renderCached } from '../../testing';
import { AgenciesPage, AgencyForm, ConfirmDeactivate } from './AgenciesPage';
import { agencyKeys } from './queries';
import type { AgencyDirectory, AgencyRow } from './types';

// Renders to HTML with the API's answer already in the cache, as the page looks once loaded.

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const river: AgencyRow = {
  code: 'RIVER',
  name: 'River Street Advocates',
  type: 'victim_services',
  homeCounty: 'SCL',
  countiesServed: ['SBN', 'SCL'],
  firstPeriod: null,
  active: true,
  reporters: [
    { name: 'Marisol Tran-Ibarra', email: 'marisol@river.example' },
    { name: 'Ken Oduya', email: 'ken@river.example' },
  ],
  hasReported: true,
  firstReport: '2026Q1',
  latestReport: '2026Q3',
};

const valley: AgencyRow = {
  code: 'VALLEY',
  name: 'Valley Legal Aid',
  type: 'legal_services',
  homeCounty: 'SBN',
  countiesServed: ['SBN'],
  firstPeriod: '2026Q4',
  active: false,
  reporters: [],
  hasReported: false,
  firstReport: null,
  latestReport: null,
};

const directory: AgencyDirectory = {
  agencies: [river, valley],
  counties: [
    { code: 'SBN', name: 'San Benito County' },
    { code: 'SCL', name: 'Santa Clara County' },
  ],
  quarters: ['2026Q1', '2026Q2', '2026Q3', '2026Q4'],
};

const page = (data: AgencyDirectory = directory) =>
  renderCached(<AgenciesPage />, [[agencyKeys.directory(), data]], '/agencies');

describe('the agencies page', () => {
  test('lists every agency with its type, counties, first quarter, reporters and status', () => {
    const text = textOf(page());
    expect(text).toContain(
      'River Street Advocates (RIVER) Victim services Santa Clara County San Benito County and Santa Clara County From the start 2 reporters of River Street Advocates',
    );
    expect(text).toContain(
      'Valley Legal Aid (VALLEY) Legal services San Benito County San Benito County 2026Q4',
    );
    expect(text).toContain('Inactive: not expected to report');
    expect(text).toContain('Add an agency');
  });

  test('links each agency to its people and its API tokens', () => {
    const html = page();
    expect(html).toContain('href="/people?agency=RIVER"');
    expect(html).toContain('href="/agencies/RIVER/tokens"');
  });

  test('offers Delete only for an agency that never reported, and Reactivate for an inactive one', () => {
    const text = textOf(page());
    expect(text).toContain('Deactivate River Street Advocates');
    expect(text).not.toContain('Delete River Street Advocates');
    expect(text).toContain('Reactivate Valley Legal Aid');
    expect(text).toContain('Delete Valley Legal Aid');
  });

  test('with no agencies yet, says how to start', () => {
    expect(textOf(page({ ...directory, agencies: [] }))).toContain(
      'No agencies yet. Add the first one above.',
    );
  });
});

describe('deactivating', () => {
  test('the confirmation names the people who lose access', () => {
    const text = textOf(
      renderCached(<ConfirmDeactivate agency={river} onDone={() => {}} onCancel={() => {}} />),
    );
    expect(text).toContain('Deactivate River Street Advocates?');
    expect(text).toContain('These people lose access now');
    expect(text).toContain('Marisol Tran-Ibarra (marisol@river.example)');
    expect(text).toContain('Ken Oduya (ken@river.example)');
    expect(text).toContain('Reactivating the agency does not bring them back.');
  });

  test('an agency without reporters: nobody loses access', () => {
    const text = textOf(
      renderCached(<ConfirmDeactivate agency={valley} onDone={() => {}} onCancel={() => {}} />),
    );
    expect(text).toContain('Nobody loses access');
  });
});

describe('the form', () => {
  test('adding: every field is labelled, counties are checkboxes, first quarters are listed', () => {
    const html = renderCached(
      <AgencyForm directory={directory} agency={undefined} onDone={() => {}} onCancel={() => {}} />,
    );
    for (const label of ['Name', 'Short code', 'Type', 'Home county', 'First quarter it reports for'])
      expect(html).toContain(`>${label}</label>`);
    expect(html).toContain('<legend>Counties served</legend>');
    expect(html.match(/type="checkbox"/g)).toHaveLength(2);
    expect(textOf(html)).toContain('From the coalition’s first quarter 2026Q1 2026Q2 2026Q3 2026Q4');
  });

  test("editing an agency that reported: its code stays, and its first quarter can't pass its first report", () => {
    const text = textOf(
      renderCached(<AgencyForm directory={directory} agency={river} onDone={() => {}} onCancel={() => {}} />),
    );
    expect(text).toContain('Edit River Street Advocates');
    expect(text).toContain('It has reported with this code');
    expect(text).toContain("It first reported for 2026Q1, so it can't be later.");
  });
});
