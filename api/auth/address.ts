import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context';

/**
 * The address a request came from, for slowing password guessing. Behind a trusted proxy it is the
 * last address in X-Forwarded-For (the one the proxy saw; earlier ones are whatever the client
 * wrote). Requests made without a network connection (`app.request` in tests) come from "unknown".
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.config.trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  // @hono/node-server puts the incoming request in the bindings; `app.request` has none.
  const fromNode = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined;
  const connected = fromNode ? getConnInfo(c).remote.address : undefined;
  return connected ?? 'unknown';
}
