/**
 * Calls to `/api/reports`, until its routes are part of `AppType` and the typed client can make them:
 * same-origin with the session cookie, JSON in and out, and anything but a success thrown as the one
 * `ApiError` the rest of the app handles.
 */
import { ApiError, apiPath, networkErrorCode, parseApiError } from '../../api/client';

const networkMessage = "Scope couldn't reach the server. Check your internet connection, then try again.";

/** The response of a call under `/api/reports`, once it is known to be a success. */
export async function reportsResponse(
  path: string,
  init: { method?: 'GET' | 'POST' | 'PUT'; body?: unknown; signal?: AbortSignal; accept?: string } = {},
): Promise<Response> {
  const headers = new Headers({ Accept: init.accept ?? 'application/json' });
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(apiPath(`/reports${path}`), {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, networkErrorCode, networkMessage);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw parseApiError(response.status, body);
  }
  return response;
}

/** The parsed JSON answer of a call under `/api/reports`. */
export async function reportsJson<T>(path: string, init?: Parameters<typeof reportsResponse>[1]): Promise<T> {
  return (await (await reportsResponse(path, init)).json()) as T;
}

/** Where one of a report's kept files downloads from. */
export function reportFilePath(id: number, format: string): string {
  return apiPath(`/reports/${encodeURIComponent(String(id))}/file/${format}`);
}
