/**
 * The one way the web app talks to the API: `api`, Hono's typed client over the server's own routes
 * (`AppType`), so a changed path, parameter or answer breaks the build rather than the page. Every
 * request is same-origin and carries the session cookie; {@link json} and {@link okResponse} turn
 * anything that is not a success into one typed {@link ApiError}.
 *
 * Only types come from the server: none of its code reaches the browser bundle.
 */
import { type ClientResponse, hc } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../../api/app';

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
 * `fetch` as every API call makes it: JSON asked for unless the caller asks for something else (a
 * CSV download), the session cookie sent, and a failed network as an {@link ApiError}. It reads the
 * global `fetch` on each call, so tests can stub it at the boundary.
 */
async function sameOriginFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  try {
    // The session cookie is HttpOnly and same-origin; 'same-origin' sends it and never leaks it elsewhere.
    return await fetch(input, { ...init, headers, credentials: 'same-origin' });
  } catch (cause) {
    // A cancelled request stays a cancellation, so TanStack Query can ignore it.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, networkErrorCode, networkErrorMessage);
  }
}

/** Where the API is mounted; `AppType`'s paths start after it. */
const apiBase = '/api';

/**
 * The API, typed by the server's routes: `api.submissions[':agency'][':period'].$get({ param })`.
 * Pass a query's `signal` as `{ init: { signal } }`. Path parameters go in as given, so escape any
 * that come from the address bar with {@link pathParams}.
 */
export const api = hc<AppType>(apiBase, { fetch: sameOriginFetch });

/** The typed client's shape, for naming a route's request or answer in a type. */
export type Api = typeof api;

/**
 * Path parameters escaped for the URL. `hc` puts them into the path as given, and an agency code or
 * period typed into the address bar must not be able to point a request somewhere else.
 */
export function pathParams<const P extends Record<string, string | number>>(
  params: P,
): { [K in keyof P]: string } {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, encodeURIComponent(String(value))]),
  ) as { [K in keyof P]: string };
}

/**
 * The address of an API call, for a link, a test or the benchmark: `apiPath(api.me.$path())` is
 * `/api/me`. (`$path` gives the path after the client's base.)
 */
export function apiPath(path: string): string {
  return `${apiBase}${path}`;
}

/**
 * What {@link json} resolves to for one route's response: the JSON of its success answers, and
 * `undefined` for 204 No Content. Error answers are not part of it: they are thrown.
 */
export type ApiAnswer<R> =
  R extends ClientResponse<infer Body, infer Status, infer Format>
    ? Status extends 204
      ? undefined
      : Status extends SuccessStatusCode
        ? Format extends 'json'
          ? Body
          : never
        : never
    : never;

/** The answer of a client method, as {@link json} gives it: `AnswerOf<Api['me']['$get']>`. */
export type AnswerOf<Call extends (...args: never[]) => Promise<unknown>> = ApiAnswer<
  Awaited<ReturnType<Call>>
>;

/**
 * The response of an API call once it is known to be a success; throws {@link ApiError} otherwise.
 * For answers that are not JSON (a CSV file); use {@link json} for everything else. (A request
 * whose body is not JSON, such as an uploaded CSV, still uses `json`: the file goes in as
 * `init.body` with its own Content-Type, and the answer is JSON.)
 */
export async function okResponse<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
): Promise<R> {
  const response = await request;
  if (!response.ok) throw parseApiError(response.status, await readJson(response));
  return response;
}

/**
 * The parsed JSON of an API call, typed by its route: `await json(api.me.$get())`. Throws
 * {@link ApiError} on any non-OK response and on network failure, so callers (and TanStack Query)
 * only ever see one error type. A 204 No Content resolves to `undefined`.
 */
export async function json<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
): Promise<ApiAnswer<R>> {
  const response = await okResponse(request);
  if (response.status === 204) return undefined as ApiAnswer<R>;
  return (await response.json()) as ApiAnswer<R>;
}

async function readJson(response: { json(): Promise<unknown> }): Promise<unknown> {
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
