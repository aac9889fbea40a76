import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context';

/**
 * The address a request came from, for slowing password guessing and for the audit log. Behind a
 * trusted proxy it is the last address in X-Forwarded-For (the one the proxy saw; earlier ones are
 * whatever the client wrote), and only if it is an address at all. Requests made without a network
 * connection (`app.request` in tests) come from "unknown".
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.config.trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded && isIP(forwarded)) return addressKey(forwarded);
  }
  // @hono/node-server puts the incoming request in the bindings; `app.request` has none.
  const fromNode = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined;
  const connected = fromNode ? getConnInfo(c).remote.address : undefined;
  return connected && isIP(connected) ? addressKey(connected) : 'unknown';
}

/**
 * One key per place a person connects from: an IPv4 address as it is (an IPv4-mapped IPv6 one
 * unwrapped), and an IPv6 address by its /64, which one home or office connection holds whole, so
 * guesses spread over its addresses still count together.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back]
    : front;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
