import { Hono } from 'hono';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import type { Db } from '../db';
import { getAgencyById } from '../queries/orgUnits';
import type { User } from '../queries/users';

/**
 * The signed-in person as the web app sees them: role, agency for reporters, and the coalition's
 * time zone. The zone travels with the person because every signed-in page already has them (from
 * sign-in or GET /me) and needs it to say what day it is the way the server does.
 */
export function describeUser(db: Db, user: User, timeZone: string) {
  const agency = user.agencyId === null ? undefined : getAgencyById(db, user.agencyId);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    agency: agency ? { code: agency.code, name: agency.name, type: agency.type } : null,
    timeZone,
  };
}

export const meRoutes = new Hono<AppEnv>().get('/', (c) => {
  const user = requireUser(c);
  return c.json({ user: describeUser(c.var.db, user, c.var.config.timeZone) });
});
