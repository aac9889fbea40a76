import { Hono } from 'hono';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import type { Db } from '../db';
import { getAgencyById } from '../queries/orgUnits';
import type { User } from '../queries/users';

/** The signed-in person as the web app sees them: role, and agency for reporters. */
export function describeUser(db: Db, user: User) {
  const agency = user.agencyId === null ? undefined : getAgencyById(db, user.agencyId);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    agency: agency ? { code: agency.code, name: agency.name, type: agency.type } : null,
  };
}

export const meRoutes = new Hono<AppEnv>().get('/', (c) => {
  const user = requireUser(c);
  return c.json({ user: describeUser(c.var.db, user) });
});
