import { describe, expect, test } from 'vitest';
import {
  changedValueText,
  characterCount,
  confidentialUnavailable,
  defaultPeriod,
  fileSize,
  kindsOffered,
  newestFirst,
  outdatedNote,
  periodOptionLabel,
  progressText,
  shortHash,
} from './builder';
import { choicePeriod, choices, template } from './testFixtures';

describe('periods', () => {
  test('are offered newest first, whatever order they come in', () => {
    const periods = [
      choicePeriod({ code: '2024H2' }),
      choicePeriod({ code: '2025H2' }),
      choicePeriod({ code: '2025H1' }),
    ];
    expect(newestFirst(periods).map((period) => period.code)).toEqual(['2025H2', '2025H1', '2024H2']);
  });

  test.each([
    {
      protected: true,
      confidential: true,
      offered: true,
      says: 'July to December 2025 (2025H2) · protected or confidential',
    },
    {
      protected: true,
      confidential: false,
      offered: true,
      says: 'July to December 2025 (2025H2) · protected only',
    },
    {
      protected: false,
      confidential: true,
      offered: true,
      says: 'July to December 2025 (2025H2) · confidential only, not published yet',
    },
    {
      protected: false,
      confidential: false,
      offered: true,
      says: 'July to December 2025 (2025H2) · no approved reports yet',
    },
    { protected: true, confidential: true, offered: false, says: 'July to December 2025 (2025H2)' },
    {
      protected: false,
      confidential: true,
      offered: false,
      says: 'July to December 2025 (2025H2) · not published yet',
    },
  ])('protected $protected, confidential $confidential, offered $offered: "$says"', (row) => {
    expect(periodOptionLabel(choicePeriod(row), row.offered)).toBe(row.says);
  });

  test('start on the newest that can be made as the kind chosen', () => {
    const periods = choices().periods;
    expect(defaultPeriod(periods, 'protected')).toBe('2025H2');
    expect(defaultPeriod(periods, 'confidential')).toBe('2026H1');
    expect(defaultPeriod([], 'protected')).toBeUndefined();
  });
});

describe('kinds', () => {
  test('confidential is offered to an admin only when the coalition allows it', () => {
    expect(kindsOffered(template(), choices())).toEqual(['protected', 'confidential']);
    expect(kindsOffered(template(), choices({ confidential: { allowed: false, canMake: true } }))).toEqual([
      'protected',
    ]);
    expect(kindsOffered(template(), choices({ confidential: { allowed: true, canMake: false } }))).toEqual([
      'protected',
    ]);
    expect(kindsOffered(template({ kinds: ['protected'] }), choices())).toEqual(['protected']);
  });

  test.each([
    { name: 'offered', tpl: template(), allowed: true, canMake: true, says: null },
    {
      name: 'not an admin',
      tpl: template(),
      allowed: true,
      canMake: false,
      says: 'Confidential reports with exact counts are made by coalition admins.',
    },
    {
      name: 'switched off',
      tpl: template(),
      allowed: false,
      canMake: true,
      says: 'Confidential reports are switched off on the Settings page.',
    },
    {
      name: 'a shared report',
      tpl: template({ kinds: ['protected'], audience: 'members' }),
      allowed: true,
      canMake: true,
      says: 'This report is meant to be shared, so it is made with protected figures only.',
    },
  ])('says why confidential is not offered: $name', ({ tpl, allowed, canMake, says }) => {
    expect(confidentialUnavailable(tpl, choices({ confidential: { allowed, canMake } }))).toBe(says);
  });
});

describe('how a report’s parts read', () => {
  test.each([
    { text: '', max: 4000, says: '0 of 4,000 characters' },
    { text: 'Trained 40 officers.', max: 2000, says: '20 of 2,000 characters' },
  ])('counts "$text" against $max', ({ text, max, says }) => {
    expect(characterCount(text, max)).toBe(says);
  });

  test.each([
    { bytes: 0, says: '0 bytes' },
    { bytes: 850, says: '850 bytes' },
    { bytes: 48_213, says: '48 KB' },
    { bytes: 1_234_567, says: '1.2 MB' },
  ])('$bytes bytes read as "$says"', ({ bytes, says }) => {
    expect(fileSize(bytes)).toBe(says);
  });

  test('a SHA-256 is shortened to 12 characters', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
  });

  test.each([
    { outdated: null, says: null },
    { outdated: { replaced: [] }, says: null },
    {
      outdated: { replaced: [{ period: '2025Q4', sequence: 1, by: 9 }] },
      says: 'A correction replaced release 2025Q4-1, which this report used.',
    },
    {
      outdated: {
        replaced: [
          { period: '2025Q3', sequence: 1, by: 8 },
          { period: '2025Q4', sequence: 2, by: 9 },
        ],
      },
      says: 'Corrections replaced releases 2025Q3-1 and 2025Q4-2, which this report used.',
    },
  ])('an outdated report says which release was replaced: $says', ({ outdated, says }) => {
    expect(outdatedNote({ outdated })).toBe(says);
  });

  test.each([
    { value: 1234, says: '1,234' },
    { value: 0, says: '0' },
    { value: 'S' as const, says: 'S (hidden)' },
    { value: null, says: 'not shown' },
  ])('a changed figure $value reads "$says"', ({ value, says }) => {
    expect(changedValueText(value)).toBe(says);
  });

  test('progress names the stage and how far it has got', () => {
    expect(progressText({ progress: null })).toBe('Getting started…');
    expect(progressText({ progress: { stage: 'drawing the PDF', done: 2, total: 4 } })).toBe(
      'Drawing the PDF (2 of 4)',
    );
  });
});
