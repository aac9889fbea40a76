import { describe, expect, test } from 'vitest';
import type { DocumentTable, DocumentTrend, ReportDocument } from './reportDocument';
import { documentChanges } from './reportChanges';

const table = (rows: Array<[string, number | null]>, total: number | null): DocumentTable => ({
  code: 'gender',
  title: 'Gender',
  kind: 'table',
  shown: true,
  element: { code: 'survivors_served', name: 'Survivors served', kind: 'people' },
  multiSelect: false,
  rows: rows.map(([code, figure]) => ({ code, label: code.toUpperCase(), figure })),
  total,
  coverage: { reported: 2, expected: 2 },
});

const trend = (figures: Array<number | null>): DocumentTrend => ({
  code: 'trend',
  title: 'Over time',
  kind: 'trend',
  periods: ['2026Q1', '2026Q2'],
  series: [{ element: 'survivors_served', name: 'Survivors served', kind: 'people', figures }],
});

const doc = (sections: ReportDocument['sections']) => ({ sections }) as ReportDocument;

describe('documentChanges', () => {
  test('lists only the figures that differ, hidden ones as S, rows one side lacks as null', () => {
    const before = doc([
      table(
        [
          ['female', 20],
          ['male', null],
          ['gone', 3],
        ],
        40,
      ),
      trend([10, 12]),
    ]);
    const after = doc([
      table(
        [
          ['female', 20],
          ['male', 14],
          ['new', null],
        ],
        45,
      ),
      trend([10, null]),
    ]);
    expect(documentChanges(before, after)).toEqual([
      { section: 'gender', sectionTitle: 'Gender', row: 'MALE', before: 'S', after: 14 },
      { section: 'gender', sectionTitle: 'Gender', row: 'NEW', before: null, after: 'S' },
      { section: 'gender', sectionTitle: 'Gender', row: 'Total', before: 40, after: 45 },
      { section: 'trend', sectionTitle: 'Over time', row: 'Survivors served, 2026 Q2', before: 12, after: 'S' },
      { section: 'gender', sectionTitle: 'Gender', row: 'GONE', before: 3, after: null },
    ]);
  });

  test('two identical documents have no changes', () => {
    const same = () => doc([table([['female', 2]], 2), trend([1, 2])]);
    expect(documentChanges(same(), same())).toEqual([]);
  });
});
