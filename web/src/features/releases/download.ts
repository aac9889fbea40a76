/**
 * Downloading a release's open-data cells as CSV. The server chooses CSV by the Accept header,
 * which a plain link can't send, so the file is fetched with that header and saved from memory.
 */
import { api, okResponse, pathParams } from '../../api/client';
import { saveFile } from '../../lib/saveFile';
import type { Audience, Release } from './types';

/** One audience's cells of one release: `/api/releases/12/cells?audience=public`. */
function cellsRequest(releaseId: number, audience: Audience) {
  return { param: pathParams({ id: releaseId }), query: { audience } };
}

/**
 * "scope-release-2026Q3-2-public.csv": which quarter, which release and which audience, and
 * "-provisional" before the audience when it published a provisional period (as the server names it).
 */
export function csvFileName(
  release: Pick<Release, 'period' | 'sequence'> & { provisional?: boolean },
  audience: Audience,
): string {
  const provisional = release.provisional ? '-provisional' : '';
  return `scope-release-${release.period}-${release.sequence}${provisional}-${audience}.csv`;
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
 * file's name; throws `ApiError` when the server refuses or can't be reached.
 */
export async function downloadCellsCsv(
  release: Pick<Release, 'id' | 'period' | 'sequence' | 'provisional'>,
  audience: Audience,
): Promise<string> {
  // The answer is a file, not JSON, so the raw response is kept once it is known to be a success.
  const response = await okResponse(
    api.releases[':id'].cells.$get(cellsRequest(release.id, audience), { headers: { Accept: 'text/csv' } }),
  );
  const blob = await response.blob();
  const name = attachmentName(response.headers.get('Content-Disposition'), csvFileName(release, audience));
  saveFile(blob, name);
  return name;
}
