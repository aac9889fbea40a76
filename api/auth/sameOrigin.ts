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
 * The origin a browser names for Scope's own pages. Behind a reverse proxy that ends HTTPS, Scope
 * hears plain HTTP, so the proxy's X-Forwarded-Proto gives the scheme the browser used. A page on
 * another site can't set that header on a request to Scope (it would need a CORS preflight, which
 * Scope never grants), and the host must still be Scope's own.
 */
function ownOrigin(url: string, forwardedProto: string | undefined): string {
  const own = new URL(url);
  if (forwardedProto?.trim().toLowerCase() === 'https' && own.protocol === 'http:')
    return `https://${own.host}`;
  return own.origin;
}

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
        ? origin !== ownOrigin(c.req.url, c.req.header('X-Forwarded-Proto'))
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
