import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { todayOf } from '../domain/clock';
import { forbidden } from '../errors';
import { canViewPeriods } from '../permissions';
import { listPeriodCompleteness } from '../queries/periods';
import { closePeriodEarly, describePeriodEntry, openPeriodEarly } from '../services/entry';
import { validate } from '../validate';
import { clockOf } from './clock';
import { quarterCode } from './params';

const periodParam = z.object({ period: quarterCode });

/**
 * Reporting periods with how many agencies' reports are approved (which quarters have data) and
 * whether each is open for entry; admins open a quarter for entry before it ends, or close it again.
 */
export const periodRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const user = requireUser(c);
    if (!canViewPeriods(user)) throw forbidden();
    const today = todayOf(clockOf(c));
    const periods = listPeriodCompleteness(c.var.db).map((p) => ({
      ...describePeriodEntry(p, today),
      expected: p.expected,
      approved: p.approved,
    }));
    return c.json({ periods });
  })
  .put('/:period/entry', validate('param', periodParam), (c) =>
    c.json(openPeriodEarly(c.var.db, requireUser(c), c.req.valid('param').period, clockOf(c))),
  )
  .delete('/:period/entry', validate('param', periodParam), (c) =>
    c.json(closePeriodEarly(c.var.db, requireUser(c), c.req.valid('param').period, clockOf(c))),
  );
