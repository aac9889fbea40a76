import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { notFound } from '../errors';
import { canViewAgencySubmissions } from '../permissions';
import { getAgencyByCode } from '../queries/orgUnits';
import { listAgencyQuarters } from '../queries/submissions';
import { validate } from '../validate';

const agencyParam = z.object({ agencyCode: z.string().regex(/^[A-Z0-9]{2,16}$/, 'Not an agency code.') });

export const agencyRoutes = new Hono<AppEnv>().get(
  '/:agencyCode/submissions',
  validate('param', agencyParam),
  (c) => {
    const user = requireUser(c);
    const agency = getAgencyByCode(c.var.db, c.req.valid('param').agencyCode);
    // A reporter asking about another agency gets the same answer as for one that doesn't exist.
    if (!agency || !canViewAgencySubmissions(user, agency))
      throw notFound('There is no agency with that code that you can see.');
    return c.json({
      agency: { code: agency.code, name: agency.name, type: agency.type },
      quarters: listAgencyQuarters(c.var.db, agency.id),
    });
  },
);
