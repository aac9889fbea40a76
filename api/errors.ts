import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one way an API request fails: a kebab-case `code` a program can branch on and a `message` a
 * person can act on. Rendered as `{ "error": { "code", "message" } }` by `handleError`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Structured particulars a client can show: the problems of an upload, the findings that block a submit. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'invalid-request') => new ApiError(400, code, message);
export const notSignedIn = () => new ApiError(401, 'not-signed-in', 'Please sign in to continue.');
export const forbidden = (message = "Your account doesn't have access to this.") =>
  new ApiError(403, 'forbidden', message);
export const notFound = (message = 'There is nothing at this address.') =>
  new ApiError(404, 'not-found', message);
export const tooLarge = (message: string) => new ApiError(413, 'too-large', message);
export const unsupportedMediaType = (message: string) => new ApiError(415, 'unsupported-media-type', message);

/** Problems an error lists in full; the rest are counted, so an error never echoes a whole request back. */
export const maxProblemsListed = 10;

/**
 * The first problems of a list and, when there are more, one more item saying how many: what a person
 * needs to start fixing, at a size that doesn't grow with the request.
 */
export function firstProblems<Problem>(
  problems: readonly Problem[],
  andMore: (count: number) => Problem,
): Problem[] {
  const listed = problems.slice(0, maxProblemsListed);
  return problems.length > listed.length ? [...listed, andMore(problems.length - listed.length)] : listed;
}

const codeByStatus: Record<number, string> = {
  400: 'invalid-request',
  401: 'not-signed-in',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
};

/** Maps every thrown error to the one error shape; unexpected errors are logged and kept vague. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    const body = {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
    return c.json({ error: body }, error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return c.json(
      {
        error: {
          code: codeByStatus[status] ?? 'request-failed',
          message: error.message || 'The request failed.',
        },
      },
      status,
    );
  }
  console.error(error);
  return c.json(
    { error: { code: 'internal-error', message: 'Something went wrong on our side. Please try again.' } },
    500,
  );
}
