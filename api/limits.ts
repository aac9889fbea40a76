/**
 * How large a request body may be. Checked on every API request before the session is looked up or a
 * byte of the body is parsed, so an oversized body costs the server no more than reading up to the
 * limit, whoever sends it.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { maxUploadBytes } from './domain/upload';
import { tooLarge } from './errors';

/** The largest JSON body any write takes: a save of every count of the catalog is a few kilobytes. */
export const maxJsonBytes = 256 * 1024;
/** A form's own lines around the uploaded file: its boundaries and part headers. */
const formFraming = 64 * 1024;

const uploadPath = /^\/api\/submissions\/[^/]+\/[^/]+\/upload$/;

/** The one route that takes a file (CSV text or a multipart form) rather than JSON. */
export const isUploadPath = (path: string) => uploadPath.test(path);

export const uploadTooLarge = () =>
  tooLarge(
    `The file is larger than ${maxUploadBytes / 1024 / 1024} MB, far more than one agency's quarter needs. Download the template again and upload one quarter of one agency at a time.`,
  );

/**
 * Refuses with `refusal`, closing the connection after the answer: otherwise the server would go on
 * reading (and discarding) the rest of the body to keep the connection for another request.
 */
const limit = (maxSize: number, refusal: () => Error) =>
  bodyLimit({
    maxSize,
    onError: (c) => {
      c.header('Connection', 'close');
      throw refusal();
    },
  });

const uploadLimit = limit(maxUploadBytes + formFraming, uploadTooLarge);
const jsonLimit = limit(maxJsonBytes, () =>
  tooLarge(
    `This request is larger than ${maxJsonBytes / 1024} KB, more than any of Scope's forms sends. Nothing was saved.`,
  ),
);

/**
 * Refuses a body over its route's limit with a 413: at once when its Content-Length says so, and
 * otherwise as it streams in, stopping at the limit rather than reading the rest.
 */
export const bodySizeLimit: MiddlewareHandler = (c, next) =>
  (isUploadPath(c.req.path) ? uploadLimit : jsonLimit)(c, next);
