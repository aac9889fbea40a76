import { Hono } from 'hono';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { forbidden } from '../errors';
import { canViewPeriods } from '../permissions';
import { listPeriodCompleteness } from '../queries/periods';

/** Reporting periods with how many agencies' reports are approved: which quarters have data. */
export const periodRoutes = new Hono<AppEnv>().get('/', (c) => {
  const user = requireUser(c);
  if (!canViewPeriods(user)) throw forbidden();
  const periods = listPeriodCompleteness(c.var.db).map(({ id: _id, code, ...rest }) => ({
    period: code,
    ...rest,
  }));
  return c.json({ periods });
});
