/**
 * Downloading a release's open-data cells as CSV. The server chooses CSV by the Accept header,
 * which a plain link can't send, so the file is fetched with that header and saved from memory.
 */
import { ApiError, networkErrorCode, parseApiError } from '../../api/client';
import { saveFile } from '../../lib/saveFile';
import type { Audience, Release } from './types';

/** `/api/releases/12/cells?audience=public`. */
export function cellsPath(releaseId: number, audience: Audience): string {
  return `/api/releases/${encodeURIComponent(String(releaseId))}/cells?${new URLSearchParams({ audience })}`;
}

/** "scope-release-2026Q3-2-public.csv": which quarter, which release and which audience. */
export function csvFileName(release: Pick<Release, 'period' | 'sequence'>, audience: Audience): string {
  return `scope-release-${release.period}-${release.sequence}-${audience}.csv`;
}

/**
 * The file name the server gave in `Content-Disposition`, if it is a plain, safe one; otherwise
 * `fallback`. Only letters, digits, dots, dashes and underscores are kept as they are.
 */
export function attachmentName(disposition: string | null, fallback: string): string {
  const name = /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1]?.trim();
  return name && /^[\w.-]+$/.test(name) ? name : fallback;
}

/**
 * Fetches one audience's cells as CSV and hands the file to the browser to save. Resolves with the
 * file's name; throws {@link ApiError} when the server refuses or can't be reached.
 */
export async function downloadCellsCsv(
  release: Pick<Release, 'id' | 'period' | 'sequence'>,
  audience: Audience,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(cellsPath(release.id, audience), {
      headers: { Accept: 'text/csv' },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(
      0,
      networkErrorCode,
      "Scope couldn't reach the server. Check your internet connection, then try again.",
    );
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw parseApiError(response.status, body);
  }
  const blob = await response.blob();
  const name = attachmentName(response.headers.get('Content-Disposition'), csvFileName(release, audience));
  saveFile(blob, name);
  return name;
}
