import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { callers, jsonResponse } from '../openapi';
import { pingDatabase } from '../queries/health';

/** Liveness for load balancers and the set-up check: also proves the database answers. */
export const healthRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['Server'],
    summary: 'Whether the server is up and its database answers',
    description:
      'For load balancers and monitoring; needs no sign-in. A server whose database fails answers 500.',
    security: callers.anyone,
    responses: { 200: jsonResponse('Up, with its database', z.object({ ok: z.literal(true) })) },
  }),
  (c) => {
    pingDatabase(c.var.db);
    return c.json({ ok: true as const });
  },
);
