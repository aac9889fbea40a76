/**
 * The one way the web app talks to the API: same-origin requests carrying the session cookie,
 * JSON in and out, and a typed {@link ApiError} for anything that is not a success.
 */

/**
 * A failed API call, carrying the server's kebab-case `code`, its plain-language `message`, and any
 * structured `details` it sent (which problems, in which cells or rows).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  /** The HTTP status, or 0 when the request never reached the server. */
  readonly status: number;
  /** The server's `error.details`, unchecked: each caller narrows it to the shape its endpoint sends. */
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Thrown when the network fails before any response arrives (offline, server down, DNS). */
export const networkErrorCode = 'network-error';

const networkErrorMessage =
  "Scope couldn't reach the server. Check your internet connection, then try again.";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Turns a non-OK response's status and parsed body into an {@link ApiError}. The server always answers
 * `{ error: { code, message } }`, but a proxy or a crash can answer anything, so every other body
 * still becomes a readable error rather than an exception about JSON.
 */
export function parseApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && error.code !== '') {
    const message =
      typeof error.message === 'string' && error.message.trim() !== ''
        ? error.message
        : fallbackMessage(status);
    return new ApiError(status, error.code, message, error.details);
  }
  return new ApiError(status, `http-${status}`, fallbackMessage(status));
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return "Your account doesn't have access to this page.";
  if (status === 404) return "We couldn't find what you asked for.";
  if (status >= 500)
    return `Something went wrong on our side (error ${status}). Please try again in a moment.`;
  return `The request didn't work (error ${status}). Please try again.`;
}

/**
 * Request options for {@link apiFetch}: `json` is serialised as the body and labelled as JSON; a
 * raw `body` (a file, say) is sent as given, with whatever Content-Type the caller sets.
 */
export type ApiRequestInit = Omit<RequestInit, 'credentials'> & { json?: unknown };

/**
 * Calls the API and returns its parsed JSON, typed as `T`. Throws {@link ApiError} on any non-OK
 * response and on network failure, so callers (and TanStack Query) only ever see one error type.
 */
export async function apiFetch<T>(path: string, init: ApiRequestInit = {}): Promise<T> {
  const { json, headers: givenHeaders, body: rawBody, ...rest } = init;
  const headers = new Headers(givenHeaders);
  headers.set('Accept', 'application/json');
  let body: BodyInit | null | undefined = rawBody;
  if (json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(json);
  }

  let response: Response;
  try {
    // The session cookie is HttpOnly and same-origin; 'same-origin' sends it and never leaks it elsewhere.
    response = await fetch(path, { ...rest, headers, body, credentials: 'same-origin' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, networkErrorCode, networkErrorMessage);
  }

  if (!response.ok) {
    throw parseApiError(response.status, await readJson(response));
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** True for an {@link ApiError} with this code, so callers can branch on the server's meaning. */
export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
