import type { MiddlewareHandler } from 'hono';
import { forbidden } from '../errors';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses writes that a browser sent on behalf of another site (cross-site request forgery). Browsers
 * name the page's origin on every write, so a write whose Origin (or Sec-Fetch-Site) says another
 * site is refused. Requests without either come from programs, not browsers, and can't carry a
 * victim's cookie; API-token requests carry no cookie at all.
 */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (!safeMethods.has(c.req.method) && !c.req.header('Authorization')) {
    const origin = c.req.header('Origin');
    const fetchSite = c.req.header('Sec-Fetch-Site');
    const crossSite =
      origin !== undefined
        ? origin !== new URL(c.req.url).origin
        : fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none';
    if (crossSite) throw forbidden('This request came from another website, so Scope refused it.');
  }
  await next();
};
