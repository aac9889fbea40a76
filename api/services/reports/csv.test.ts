import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../domain/csv';
import { confidentialMark } from '../../domain/reportDocument';
import { renderCsv } from './csv';
import { hiddenTruths, testReportDocument } from './testDocument';

function csvOf(kind: 'protected' | 'confidential') {
  const text = renderCsv(testReportDocument(kind));
  const rows = parseCsv(text).map((row) => row.cells);
  const header = rows.findIndex((cells) => cells.join(',') === 'section,title,row,value,hidden');
  return { text, about: rows.slice(0, header), figures: rows.slice(header + 1) };
}

describe('a report’s CSV', () => {
  test('lines about the report, then one line a figure with its section, title, row, value and whether hidden', () => {
    const { text, about, figures } = csvOf('protected');
    expect(text.startsWith('\ufeff')).toBe(true);
    const facts = new Map(about.map(([label, value]) => [label, value]));
    expect(facts.get('Report')).toBe('Federal-style semiannual performance report');
    expect(facts.get('Period')).toBe('July–December 2025 (2025H2)');
    expect(facts.get('Releases')).toContain('2025Q4 release 2');
    expect(facts.has(confidentialMark)).toBe(false);
    expect(figures).toContainEqual([
      'trafficking_type',
      'Type of trafficking',
      'Sex trafficking',
      '1102',
      'false',
    ]);
    expect(figures).toContainEqual([
      'trafficking_type',
      'Type of trafficking',
      'Labor trafficking',
      '',
      'true',
    ]);
    expect(figures).toContainEqual([
      'survivors_by_quarter',
      'Survivors served, quarter by quarter',
      'Survivors served, a year before 2025Q2',
      '',
      'true',
    ]);
    expect(figures.every((cells) => cells.length === 5)).toBe(true);
    // A section the report can't show has no figures, rather than empty ones.
    expect(figures.some(([section]) => section === 'trainings')).toBe(false);
  });

  test('a hidden figure is blank, and no hidden value is anywhere in the file', () => {
    const { text, figures } = csvOf('protected');
    const hidden = figures.filter((cells) => cells[4] === 'true');
    expect(hidden.length).toBeGreaterThanOrEqual(hiddenTruths.length);
    for (const cells of hidden) expect(cells[3]).toBe('');
    for (const truth of hiddenTruths) expect(text).not.toContain(String(truth));
  });

  test('a confidential CSV starts with its mark and holds the exact figures', () => {
    const { about, figures } = csvOf('confidential');
    expect(about[0]).toEqual([confidentialMark]);
    expect(figures.some((cells) => cells[4] === 'true')).toBe(false);
    const values = figures.map((cells) => cells[3]);
    for (const truth of hiddenTruths) expect(values).toContain(String(truth));
  });
});
