import { describe, expect, test } from 'vitest';
import type { CellChange } from '../submissions/types';
import { changeKind, describeChange, describeUploadProblem, summarizeChanges } from './upload';

describe('describeUploadProblem', () => {
  test.each([
    {
      problem: { row: 7, column: 'value', message: 'Use a whole number, like 12.' },
      expected: 'Row 7, column value: Use a whole number, like 12.',
    },
    {
      problem: { row: 3, column: null, message: 'This row has 5 columns; the header has 6.' },
      expected: 'Row 3: This row has 5 columns; the header has 6.',
    },
    {
      problem: { row: null, column: 'age_group', message: 'This column is missing.' },
      expected: 'Column age_group: This column is missing.',
    },
    { problem: { row: null, column: null, message: 'The file is empty.' }, expected: 'The file is empty.' },
    { problem: { row: 1, column: '', message: ' Unknown column. ' }, expected: 'Row 1: Unknown column.' },
    {
      problem: { row: 9, column: 'value', message: '' },
      expected: 'Row 9, column value: This could not be read.',
    },
  ])('$expected', ({ problem, expected }) => {
    expect(describeUploadProblem(problem)).toBe(expected);
  });
});

describe('describeChange and changeKind', () => {
  test.each([
    { from: null, to: 12, text: 'blank → 12', kind: 'added' },
    { from: 12, to: 14, text: '12 → 14', kind: 'changed' },
    { from: 12, to: null, text: '12 → blank', kind: 'cleared' },
    { from: 0, to: 1200, text: '0 → 1,200', kind: 'changed' },
  ])('$from → $to', ({ from, to, text, kind }) => {
    expect(describeChange({ from, to })).toBe(text);
    expect(changeKind({ from, to })).toBe(kind);
  });
});

describe('summarizeChanges', () => {
  const change = (from: number | null, to: number | null): CellChange => ({
    cell: 'x',
    label: 'X',
    from,
    to,
  });

  test.each([
    {
      changes: [],
      unchanged: 0,
      applied: false,
      expected: 'Nothing would change: the file matches your report. 0 counts stay the same.',
    },
    {
      changes: [],
      unchanged: 1,
      applied: true,
      expected: 'Nothing changed: the file matches your report. 1 count stays the same.',
    },
    {
      changes: [change(null, 3)],
      unchanged: 40,
      applied: false,
      expected: '1 count would change (1 new); 40 counts stay the same.',
    },
    {
      changes: [change(null, 3), change(2, 0), change(5, 6), change(1, null)],
      unchanged: 1,
      applied: true,
      expected: '4 counts changed (1 new, 2 corrected, 1 cleared); 1 count stays the same.',
    },
  ])('$expected', ({ changes, unchanged, applied, expected }) => {
    expect(summarizeChanges(changes, unchanged, applied)).toBe(expected);
  });
});
