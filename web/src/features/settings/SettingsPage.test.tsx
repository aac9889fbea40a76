import { describe, expect, test } from 'vitest';
import { renderCached } from '../../testing';
import { ConfidentialSettingView } from './ConfidentialSetting';
import { settingsKeys } from './queries';
import { countyInUse, SettingsPage } from './SettingsPage';
import type { CoalitionSettings, ServedCounty } from './types';

// Renders the page to HTML as it looks once the API has answered. The environment is node (no DOM),
// so assertions read the markup and its visible text.

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function county(overrides: Partial<ServedCounty> = {}): ServedCounty {
  return {
    code: 'SCL',
    name: 'Santa Clara County',
    fips: '06085',
    state: 'CA',
    basedHere: [],
    servingHere: [],
    ...overrides,
  };
}

function settings(overrides: Partial<CoalitionSettings> = {}): CoalitionSettings {
  return {
    profile: {
      name: 'South Bay Coalition to End Human Trafficking',
      shortName: 'South Bay',
      timeZone: 'America/Los_Angeles',
      deadlineDays: 30,
      firstPeriod: '2025Q1',
      adminTwoFactor: 'required',
    },
    firstPeriodFixed: false,
    counties: [
      county({ code: 'SBN', name: 'San Benito County', fips: '06069' }),
      county({ basedHere: ['Quailcrest Survivor Advocacy Center'], servingHere: ['Hills Family Clinic'] }),
    ],
    states: [
      {
        code: 'CA',
        name: 'California',
        counties: [
          { fips: '06001', name: 'Alameda County', code: 'ALA' },
          { fips: '06069', name: 'San Benito County', code: 'SBN' },
          { fips: '06085', name: 'Santa Clara County', code: 'SCL' },
        ],
      },
    ],
    thresholds: { policy: { coalition: 5, public: 11 }, minimums: { coalition: 3, public: 5 } },
    publication: {
      settings: { provisionalShare: 0.8, countyBreakdownAgencies: 3 },
      ranges: {
        provisionalShare: { min: 0.5, max: 1, default: 0.8, words: '' },
        countyBreakdownAgencies: { min: 1, max: 20, default: 3, words: '' },
      },
    },
    reports: { confidentialReports: true },
    ...overrides,
  };
}

const renderPage = (answer: CoalitionSettings = settings()) =>
  renderCached(<SettingsPage />, [[settingsKeys.detail(), { settings: answer }]]);

describe('SettingsPage', () => {
  test('has a section with its own Save for each subject, in order', () => {
    const html = renderPage();
    const headings = [...html.matchAll(/<h2 id="([^"]+)">([^<]+)<\/h2>/g)].map(([, , words]) => words);
    expect(headings).toEqual([
      'The coalition',
      'Counties served',
      'Reporting',
      'Protection',
      'Grant reports',
      'Sign-in',
    ]);
    const buttons = [...html.matchAll(/<button type="submit"[^>]*>([^<]+)<\/button>/g)].map(
      ([, words]) => words,
    );
    expect(buttons).toEqual([
      'Save names',
      'Add county',
      'Save reporting',
      'Save protection',
      'Save sign-in',
    ]);
    // Every section says its outcome beside its own button.
    expect(html.match(/role="status"/g)).toHaveLength(6);
  });

  test('shows what is in force, with each field labelled', () => {
    const html = renderPage();
    const text = textOf(html);
    expect(html).toContain('value="South Bay Coalition to End Human Trafficking"');
    expect(html).toContain('value="30"');
    expect(html).toContain('value="80"');
    expect(text).toContain('Provisional share, as a percentage');
    expect(text).toContain('Public figures: hide counts of people below At least 5');
    expect(text).toContain('ended quarters keep the deadline they had');
    expect(html).toMatch(
      /<option value="America\/Los_Angeles" selected="">Pacific \(Los Angeles\)<\/option>/,
    );
    expect(html).toMatch(/<input type="radio" name="[^"]+" checked="" value="required"\/>/);
    for (const id of [...html.matchAll(/<input id="([^"]+)"/g)].map(([, id]) => id))
      expect(html, `a label for ${id}`).toContain(`for="${id}"`);
  });

  test('lists the counties served with their FIPS codes, and offers only the others to add', () => {
    const html = renderPage();
    const text = textOf(html);
    expect(text).toContain('San Benito County FIPS 06069');
    expect(text).toContain('Santa Clara County FIPS 06085');
    expect(html).toContain('aria-label="Remove San Benito County"');
    // A county with agencies can't be removed, and says why instead.
    expect(html).not.toContain('aria-label="Remove Santa Clara County"');
    expect(text).toContain(
      'Can’t be removed while Quailcrest Survivor Advocacy Center and Hills Family Clinic are based in it or serve it.',
    );
    const options = [...html.matchAll(/<option value="(\d{5})"[^>]*>([^<]+)<\/option>/g)].map(
      ([, , words]) => words,
    );
    expect(options).toEqual(['Alameda County, California (06001)']);
  });

  test('shows the first quarter read-only once agencies have reported', () => {
    const html = renderPage(settings({ firstPeriodFixed: true }));
    expect(textOf(html)).toContain(
      'First quarter collected: 2025Q1 It can’t change now: agencies have already reported from it.',
    );
    expect(html).not.toContain('value="2025Q1"');
  });

  test('keeps a time zone outside the usual list', () => {
    const html = renderPage(settings({ profile: { ...settings().profile, timeZone: 'Pacific/Guam' } }));
    expect(html).toMatch(/<option value="Pacific\/Guam" selected="">Pacific\/Guam<\/option>/);
  });
});

test.each([
  [county(), null],
  [
    county({ basedHere: ['River Street Advocates'] }),
    'Can’t be removed while River Street Advocates is based in it or serves it.',
  ],
  [
    county({ basedHere: ['A'], servingHere: ['B', 'C'] }),
    'Can’t be removed while A, B and C are based in it or serve it.',
  ],
])('countyInUse(%j) is %j', (served, words) => {
  expect(countyInUse(served)).toBe(words);
});

describe('ConfidentialSettingView', () => {
  test('is a switch described by what confidential reports are', () => {
    const html = renderCached(
      <ConfidentialSettingView on saving={false} error={null} saved={false} onChange={() => {}} />,
    );
    expect(html).toContain('role="switch"');
    expect(html).toContain('aria-checked="true"');
    expect(html).toContain('aria-describedby="setting-about"');
    expect(textOf(html)).toContain('Admins may make confidential reports with exact counts');
  });

  test('says it saved, and what is now true', () => {
    const html = renderCached(
      <ConfidentialSettingView on={false} saving={false} error={null} saved onChange={() => {}} />,
    );
    expect(textOf(html)).toContain('Saved: confidential reports are switched off.');
  });
});
