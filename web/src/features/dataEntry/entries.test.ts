import { describe, expect, test } from 'vitest';
import {
  changedExplanations,
  changedValues,
  displayedText,
  effectiveValues,
  invalidEntries,
  isEmptyChange,
  parseEntry,
  withoutRefused,
} from './entries';

describe('parseEntry', () => {
  test.each([
    { text: '', expected: { kind: 'blank' } },
    { text: '   ', expected: { kind: 'blank' } },
    { text: '0', expected: { kind: 'count', value: 0 } },
    { text: ' 12 ', expected: { kind: 'count', value: 12 } },
    { text: '007', expected: { kind: 'count', value: 7 } },
    { text: '1,204', expected: { kind: 'count', value: 1204 } },
    { text: '1 000 000', expected: { kind: 'count', value: 1000000 } },
    { text: '-3', expected: { kind: 'invalid', message: "A count can't be negative." } },
    {
      text: '2.5',
      expected: {
        kind: 'invalid',
        message: 'Use a whole number, like 12. Counts of people have no decimals.',
      },
    },
    {
      text: '.5',
      expected: {
        kind: 'invalid',
        message: 'Use a whole number, like 12. Counts of people have no decimals.',
      },
    },
    {
      text: 'twelve',
      expected: { kind: 'invalid', message: 'Use digits only, like 12, or leave the box blank.' },
    },
    {
      text: '1e3',
      expected: { kind: 'invalid', message: 'Use digits only, like 12, or leave the box blank.' },
    },
    {
      text: '+4',
      expected: { kind: 'invalid', message: 'Use digits only, like 12, or leave the box blank.' },
    },
    {
      text: '1000001',
      expected: { kind: 'invalid', message: 'That is more than 1,000,000. Please check the number.' },
    },
  ])('"$text"', ({ text, expected }) => {
    expect(parseEntry(text)).toEqual(expected);
  });
});

describe('effectiveValues', () => {
  test.each<{
    name: string;
    saved: Record<string, number>;
    entries: Record<string, string>;
    expected: Record<string, number>;
  }>([
    { name: 'nothing saved or typed', saved: {}, entries: {}, expected: {} },
    {
      name: 'saved values stand when nothing is typed',
      saved: { a: 1, b: 0 },
      entries: {},
      expected: { a: 1, b: 0 },
    },
    {
      name: 'a typed count replaces the saved one',
      saved: { a: 1 },
      entries: { a: '5' },
      expected: { a: 5 },
    },
    { name: 'a typed 0 is a count', saved: {}, entries: { a: '0' }, expected: { a: 0 } },
    {
      name: 'clearing a box makes the cell blank',
      saved: { a: 1, b: 2 },
      entries: { a: '' },
      expected: { b: 2 },
    },
    {
      name: 'an invalid entry leaves the saved value',
      saved: { a: 1 },
      entries: { a: '1.5' },
      expected: { a: 1 },
    },
    { name: 'an invalid entry in a blank cell stays blank', saved: {}, entries: { a: 'x' }, expected: {} },
  ])('$name', ({ saved, entries, expected }) => {
    expect(Object.fromEntries(effectiveValues(saved, entries))).toEqual(expected);
  });
});

describe('changedValues', () => {
  test.each<{
    name: string;
    saved: Record<string, number>;
    entries: Record<string, string>;
    expected: Record<string, number | null>;
  }>([
    { name: 'nothing typed', saved: { a: 1 }, entries: {}, expected: {} },
    { name: 'typed the same as saved', saved: { a: 1 }, entries: { a: '1' }, expected: {} },
    { name: 'typed the same with a separator', saved: { a: 1204 }, entries: { a: '1,204' }, expected: {} },
    { name: 'a new count', saved: {}, entries: { a: '3' }, expected: { a: 3 } },
    { name: 'a new zero', saved: {}, entries: { a: '0' }, expected: { a: 0 } },
    { name: 'a changed count', saved: { a: 1 }, entries: { a: '2' }, expected: { a: 2 } },
    { name: 'a cleared cell is sent as null', saved: { a: 1 }, entries: { a: ' ' }, expected: { a: null } },
    { name: 'clearing an already blank cell sends nothing', saved: {}, entries: { a: '' }, expected: {} },
    {
      name: 'an invalid entry is never sent',
      saved: { a: 1 },
      entries: { a: '-1', b: '4' },
      expected: { b: 4 },
    },
  ])('$name', ({ saved, entries, expected }) => {
    expect(changedValues(saved, entries)).toEqual(expected);
  });
});

describe('changedExplanations', () => {
  test.each<{
    name: string;
    saved: Record<string, string>;
    drafts: Record<string, string>;
    expected: Record<string, string | null>;
  }>([
    { name: 'nothing typed', saved: { w: 'New program' }, drafts: {}, expected: {} },
    {
      name: 'typed the same, with spaces',
      saved: { w: 'New program' },
      drafts: { w: ' New program ' },
      expected: {},
    },
    {
      name: 'a new explanation is trimmed',
      saved: {},
      drafts: { w: ' New program. ' },
      expected: { w: 'New program.' },
    },
    { name: 'an edited explanation', saved: { w: 'A' }, drafts: { w: 'B' }, expected: { w: 'B' } },
    {
      name: 'an emptied explanation is removed',
      saved: { w: 'A' },
      drafts: { w: '  ' },
      expected: { w: null },
    },
    {
      name: 'an empty box for an unexplained warning sends nothing',
      saved: {},
      drafts: { w: '' },
      expected: {},
    },
  ])('$name', ({ saved, drafts, expected }) => {
    expect(changedExplanations(saved, drafts)).toEqual(expected);
  });
});

describe('invalidEntries', () => {
  test('lists only the boxes that are not counts', () => {
    expect(Object.fromEntries(invalidEntries({ a: '1', b: '', c: 'x', d: '-2' }))).toEqual({
      c: 'Use digits only, like 12, or leave the box blank.',
      d: "A count can't be negative.",
    });
  });
});

describe('displayedText', () => {
  test.each<{
    name: string;
    saved: Record<string, number>;
    entries: Record<string, string>;
    expected: string;
  }>([
    { name: 'blank and untouched', saved: {}, entries: {}, expected: '' },
    { name: 'saved zero shows 0, not blank', saved: { a: 0 }, entries: {}, expected: '0' },
    { name: 'typed text wins, even if invalid', saved: { a: 3 }, entries: { a: '3.5' }, expected: '3.5' },
    { name: 'a cleared box stays empty', saved: { a: 3 }, entries: { a: '' }, expected: '' },
  ])('$name', ({ saved, entries, expected }) => {
    expect(displayedText('a', saved, entries)).toBe(expected);
  });
});

describe('isEmptyChange', () => {
  test.each([
    { values: {}, explanations: {}, expected: true },
    { values: { a: null }, explanations: {}, expected: false },
    { values: {}, explanations: { w: null }, expected: false },
  ])('$values / $explanations → $expected', ({ values, explanations, expected }) => {
    expect(isEmptyChange({ values, explanations })).toBe(expected);
  });
});

describe('withoutRefused', () => {
  test.each<{
    name: string;
    changes: Record<string, string | null>;
    refused: Record<string, string>;
    expected: Record<string, string | null>;
  }>([
    { name: 'nothing refused', changes: { w: 'A' }, refused: {}, expected: { w: 'A' } },
    {
      name: 'still reads as refused',
      changes: { w: 'Call 408-555-0199', v: 'ok' },
      refused: { w: 'Call 408-555-0199' },
      expected: { v: 'ok' },
    },
    {
      name: 'edited since the refusal',
      changes: { w: 'Call the office' },
      refused: { w: 'Call 408-555-0199' },
      expected: { w: 'Call the office' },
    },
    {
      name: 'removing a refused explanation is sent',
      changes: { w: null },
      refused: { w: 'Call 408-555-0199' },
      expected: { w: null },
    },
  ])('$name', ({ changes, refused, expected }) => {
    expect(withoutRefused(changes, refused)).toEqual(expected);
  });
});
