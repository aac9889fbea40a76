import { describe, expect, test } from 'vitest';
import { ApiError, parseApiError } from '../../api/client';
import { cellProblemsOf, explanationRefusalsOf, findingsOf, isTransient, uploadProblemsOf } from './problems';

function refusal(details: unknown) {
  return parseApiError(400, {
    error: { code: 'upload-refused', message: 'The file has 2 problems.', details },
  });
}

describe('ApiError details', () => {
  test("keeps the server's details", () => {
    const error = refusal([{ row: 7, column: 'value', message: 'Use a whole number.' }]);
    expect(error.details).toEqual([{ row: 7, column: 'value', message: 'Use a whole number.' }]);
  });

  test('has no details when the server sent none', () => {
    expect(parseApiError(404, { error: { code: 'not-found', message: 'Nope.' } }).details).toBeUndefined();
    expect(parseApiError(502, '<html>').details).toBeUndefined();
  });
});

describe('uploadProblemsOf', () => {
  test.each([
    { name: 'no details', details: undefined, expected: [] },
    { name: 'details that are not a list', details: { row: 1 }, expected: [] },
    {
      name: 'row and column',
      details: [{ row: 7, column: 'value', message: 'Use a whole number.' }],
      expected: [{ row: 7, column: 'value', message: 'Use a whole number.' }],
    },
    {
      name: 'a whole-file problem',
      details: [{ row: null, column: null, message: 'The file is empty.' }],
      expected: [{ row: null, column: null, message: 'The file is empty.' }],
    },
    {
      name: 'malformed entries are dropped, missing parts become null',
      details: [{ row: 'seven', message: 'Odd row.' }, { column: 'value' }, 'text', null],
      expected: [{ row: null, column: null, message: 'Odd row.' }],
    },
  ])('$name', ({ details, expected }) => {
    expect(uploadProblemsOf(refusal(details))).toEqual(expected);
  });

  test('anything that is not an ApiError has no problems to list', () => {
    expect(uploadProblemsOf(new Error('boom'))).toEqual([]);
  });
});

describe('cellProblemsOf', () => {
  test.each([
    { details: undefined, expected: [] },
    {
      details: [
        { cell: 'survivors_served', message: 'Use a whole number of 0 or more.' },
        { cell: 3, message: 'x' },
      ],
      expected: [{ cell: 'survivors_served', message: 'Use a whole number of 0 or more.' }],
    },
  ])('$details', ({ details, expected }) => {
    expect(cellProblemsOf(refusal(details))).toEqual(expected);
  });
});

describe('findingsOf', () => {
  test('reads findings and fills in what is missing', () => {
    const error = parseApiError(422, {
      error: {
        code: 'validation-failed',
        message: 'The report has problems.',
        details: [
          {
            code: 'gender_sum',
            kind: 'rule',
            severity: 'error',
            message: 'Must add up.',
            detail: '21 vs 23',
            cells: ['survivors_served', 4],
            section: 'survivors',
          },
          {
            code: 'outlier.arrests',
            kind: 'outlier',
            severity: 'warning',
            message: 'Much higher than usual.',
          },
          { message: 'no code' },
        ],
      },
    });
    expect(findingsOf(error)).toEqual([
      {
        code: 'gender_sum',
        kind: 'rule',
        severity: 'error',
        message: 'Must add up.',
        detail: '21 vs 23',
        cells: ['survivors_served'],
        section: 'survivors',
      },
      {
        code: 'outlier.arrests',
        kind: 'outlier',
        severity: 'warning',
        message: 'Much higher than usual.',
        detail: '',
        cells: [],
        section: '',
      },
    ]);
  });
});

describe('isTransient', () => {
  test.each([
    { error: new ApiError(0, 'network-error', 'offline'), expected: true },
    { error: new ApiError(503, 'http-503', 'down'), expected: true },
    { error: new ApiError(429, 'too-many', 'slow down'), expected: true },
    { error: new ApiError(400, 'invalid-request', 'bad'), expected: false },
    { error: new ApiError(400, 'personal-data', 'looks like a name'), expected: false },
    { error: new ApiError(409, 'submission-locked', 'locked'), expected: false },
    { error: new ApiError(403, 'period-closed', 'closed'), expected: false },
    { error: new Error('unexpected'), expected: true },
  ])('$error.code → $expected', ({ error, expected }) => {
    expect(isTransient(error)).toBe(expected);
  });
});

describe('explanationRefusalsOf', () => {
  const personalData = (details: unknown) =>
    parseApiError(400, {
      error: {
        code: 'personal-data',
        message: 'This explanation looks like it contains a phone number.',
        details,
      },
    });

  test.each([
    {
      name: 'the refused explanations, by warning code',
      error: personalData([
        {
          field: 'outlier.survivors_served',
          message: 'This explanation looks like it contains a phone number. Remove it.',
        },
        { field: 'not_sent', message: 'This explanation looks like it contains an email address.' },
      ]),
      sent: ['outlier.survivors_served', 'services_covered'],
      expected: {
        'outlier.survivors_served': 'This explanation looks like it contains a phone number. Remove it.',
      },
    },
    {
      name: 'no usable details: every explanation sent is held back',
      error: personalData(undefined),
      sent: ['w1', 'w2'],
      expected: {
        w1: 'This explanation looks like it contains a phone number.',
        w2: 'This explanation looks like it contains a phone number.',
      },
    },
    { name: 'nothing sent, nothing held back', error: personalData(undefined), sent: [], expected: {} },
    {
      name: 'another refusal is not about explanations',
      error: parseApiError(400, { error: { code: 'invalid-request', message: 'Bad cell.' } }),
      sent: ['w1'],
      expected: {},
    },
  ])('$name', ({ error, sent, expected }) => {
    expect(explanationRefusalsOf(error, sent)).toEqual(expected);
  });
});
