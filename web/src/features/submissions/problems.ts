/**
 * Narrowing an {@link ApiError}'s `details` to the shape each endpoint documents. The server is
 * trusted to send them, but a proxy or an older server might not, so anything unexpected is dropped
 * rather than shown half-read.
 */
import type { Finding } from '../../../../api/domain/validation';
import { ApiError } from '../../api/client';
import type { UploadProblem } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function detailsOf(error: unknown): unknown[] {
  return error instanceof ApiError && Array.isArray(error.details) ? error.details : [];
}

/** A refused upload's problems, by row and column of the file. */
export function uploadProblemsOf(error: unknown): UploadProblem[] {
  return detailsOf(error).flatMap((item) => {
    if (!isRecord(item) || typeof item.message !== 'string') return [];
    const row = typeof item.row === 'number' && Number.isFinite(item.row) ? item.row : null;
    const column = typeof item.column === 'string' ? item.column : null;
    return [{ row, column, message: item.message }];
  });
}

/** A refused save's problems, by cell key (`400 invalid-request` on `PUT …/values`). */
export function cellProblemsOf(error: unknown): Array<{ cell: string; message: string }> {
  return detailsOf(error).flatMap((item) =>
    isRecord(item) && typeof item.cell === 'string' && typeof item.message === 'string'
      ? [{ cell: item.cell, message: item.message }]
      : [],
  );
}

/** The findings behind a `422 validation-failed` submit. */
export function findingsOf(error: unknown): Finding[] {
  return detailsOf(error).flatMap((item) => {
    if (!isRecord(item)) return [];
    const { code, kind, severity, message, detail, cells, section } = item;
    if (typeof code !== 'string' || typeof message !== 'string') return [];
    return [
      {
        code,
        kind: kind === 'outlier' ? 'outlier' : 'rule',
        severity: severity === 'warning' ? 'warning' : 'error',
        message,
        detail: typeof detail === 'string' ? detail : '',
        cells: Array.isArray(cells) ? cells.filter((c): c is string => typeof c === 'string') : [],
        section: typeof section === 'string' ? section : '',
      } satisfies Finding,
    ];
  });
}

/**
 * Whether an error is worth trying again by itself: the network or the server failed. A refusal
 * (a 4xx) will be refused again until the reporter changes something.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * Which explanations a `personal-data` refusal was about, by finding code, each with a message that
 * says what kind of detail was found (never the detail itself). The server names each refused
 * explanation by its warning's code (`field`), with a message written to sit beside the box. A
 * refusal without usable details is put against every explanation that was sent.
 */
export function explanationRefusalsOf(error: unknown, sentCodes: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'personal-data') return {};
  const refusals: Record<string, string> = {};
  for (const item of detailsOf(error)) {
    if (!isRecord(item) || typeof item.field !== 'string' || typeof item.message !== 'string') continue;
    if (sentCodes.includes(item.field)) refusals[item.field] = item.message;
  }
  if (Object.keys(refusals).length === 0) for (const code of sentCodes) refusals[code] = error.message;
  return refusals;
}
