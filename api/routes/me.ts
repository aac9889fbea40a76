import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { endOtherSessions, requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import type { Db } from '../db';
import { agencyTypes } from '../domain/agencyTypes';
import { forbidden } from '../errors';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { recordAudit } from '../queries/audit';
import { getAgencyById } from '../queries/orgUnits';
import type { User } from '../queries/users';
import { clockOf } from './clock';

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

export const meRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Who is signed in: name, role, and the agency of a reporter',
      description: 'With an API token, the person who made it, as they are now.',
      security: callers.signedIn,
      responses: {
        200: jsonResponse('The signed-in person', signedInUser),
        ...errorResponses({ 401: notSignedInWords }),
      },
    }),
    (c) => {
      const user = requireUser(c);
      return c.json({ user: describeUser(c.var.db, user, clockOf(c).timeZone) });
    },
  )
  .delete(
    '/other-sessions',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Sign out everywhere else: end every other session of the signed-in person',
      description:
        'Keeps the session that asks. For a person who signed in on a shared or lost computer; API tokens are not affected (revoke those on the API access page).',
      security: callers.people,
      responses: {
        200: jsonResponse(
          'Signed out elsewhere',
          z.object({ signedOut: z.number().int().describe('How many other sessions ended') }),
        ),
        ...errorResponses({ 401: notSignedInWords, 403: 'forbidden: an API token signs nobody out' }),
      },
    }),
    (c) => {
      const user = requireUser(c);
      if (user.tokenId !== undefined)
        throw forbidden('An API token can’t sign anyone out. Sign in to Scope to do this.');
      const signedOut = endOtherSessions(c, user.id);
      recordAudit(c.var.db, {
        at: c.var.now().toISOString(),
        userId: user.id,
        action: 'sign-out-others',
        entityType: 'user',
        entityId: user.id,
        details: { sessions: signedOut },
      });
      return c.json({ signedOut });
    },
  );
