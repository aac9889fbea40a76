import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import type { Db } from '../db';
import { agencyTypes } from '../domain/agencyTypes';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { getAgencyById } from '../queries/orgUnits';
import type { User } from '../queries/users';

/** The signed-in person, as `GET /api/me` and signing in answer. */
export const signedInUser = z
  .object({
    user: z.object({
      id: z.number().int(),
      email: z.string(),
      name: z.string(),
      role: z.enum(['admin', 'reporter', 'viewer']),
      agency: z
        .object({ code: z.string(), name: z.string(), type: z.enum(agencyTypes) })
        .nullable()
        .describe('The agency a reporter reports for; null for admins and viewers'),
      timeZone: z
        .string()
        .describe(
          'The coalition’s time zone (IANA, like America/Los_Angeles): its calendar days are Scope’s days',
        ),
    }),
  })
  .meta({ id: 'SignedInUser' });

/**
 * The signed-in person as the web app sees them: role, agency for reporters, and the coalition's
 * time zone. The zone travels with the person because every signed-in page already has them (from
 * sign-in or GET /me) and needs it to say what day it is the way the server does.
 */
export function describeUser(db: Db, user: User, timeZone: string): z.output<typeof signedInUser>['user'] {
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

export const meRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['Sign-in'],
    summary: 'Who is signed in: name, role, and the agency of a reporter',
    description: 'With an API token, the person who made it, acting as a reporter of the token’s agency.',
    security: callers.signedIn,
    responses: {
      200: jsonResponse('The signed-in person', signedInUser),
      ...errorResponses({ 401: notSignedInWords }),
    },
  }),
  (c) => {
    const user = requireUser(c);
    return c.json({ user: describeUser(c.var.db, user, c.var.config.timeZone) });
  },
);
