import type { MiddlewareHandler } from 'hono';
import { forbidden, unsupportedMediaType } from '../errors';
import { isUploadPath } from '../limits';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The body types an HTML form on any website can send without the browser asking first. Scope's
 * writes are JSON (or, for the upload, a CSV file or a form holding one), which another site's page
 * can't send without the browser's permission check, so refusing these closes the door on forged
 * writes even from a browser that names no origin.
 */
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

const mediaTypeOf = (contentType: string | undefined) =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Refuses writes that a browser sent on behalf of another site (cross-site request forgery). Browsers
 * name the page's origin on every write, so a write whose Origin (or Sec-Fetch-Site) says another
 * site is refused. Requests without either come from programs, not browsers, and can't carry a
 * victim's cookie; API-token requests carry no cookie at all. Whoever sends it, a write in a form's
 * body type is refused with 415 (the upload takes a form with its file).
 */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (safeMethods.has(c.req.method)) return next();
  if (!c.req.header('Authorization')) {
    const origin = c.req.header('Origin');
    const fetchSite = c.req.header('Sec-Fetch-Site');
    const crossSite =
      origin !== undefined
        ? origin !== new URL(c.req.url).origin
        : fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';
    if (crossSite) throw forbidden('This request came from another website, so Scope refused it.');
  }
  const mediaType = mediaTypeOf(c.req.header('Content-Type'));
  const upload = isUploadPath(c.req.path);
  if (formTypes.includes(mediaType) && !(upload && mediaType === 'multipart/form-data'))
    throw unsupportedMediaType(
      upload
        ? 'Send the CSV file itself (Content-Type: text/csv) or a form with the file in a field named "file".'
        : 'Scope takes changes as JSON: send the body with Content-Type: application/json.',
    );
  await next();
};
