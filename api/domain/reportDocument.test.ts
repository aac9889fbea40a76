import { describe, expect, test } from 'vitest';
import { testReportDocument } from '../services/reports/testDocument';
import { documentHeading } from './reportDocument';

describe('the heading on every page of a report', () => {
  test('names the coalition, report, period, area, kind and the releases its figures come from', () => {
    expect(documentHeading(testReportDocument('protected'))).toBe(
      'Bay & Valley Anti-Trafficking Coalition · Federal-style semiannual performance report · July–December 2025 · Whole coalition · Protected · Releases 2025Q3-1, 2025Q4-2',
    );
    expect(documentHeading(testReportDocument('confidential'))).toMatch(
      /· Confidential · Exact approved counts$/,
    );
  });

  test('a protected report with nothing published at its period and area does not claim exact counts', () => {
    const doc = { ...testReportDocument('protected'), releases: [] };
    expect(documentHeading(doc)).toMatch(/· Protected · No published release$/);
  });
});
