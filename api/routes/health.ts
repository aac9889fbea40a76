import { Hono } from 'hono';
import type { AppEnv } from '../context';

/** Liveness for load balancers and the set-up check: also proves the database answers. */
export const healthRoutes = new Hono<AppEnv>().get('/', (c) => {
  c.var.db.prepare('SELECT 1').get();
  return c.json({ ok: true as const });
});
