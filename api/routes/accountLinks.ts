/**
 * The pages a one-time link opens, for whoever holds it, signed in or not: accepting an invitation
 * and choosing a new password after an admin's reset.
 *
 * No sign-in attempt limiter here: a link's secret is 24 random bytes (192 bits), so guessing one is
 * hopeless at any rate of requests, and an unknown secret is refused before any password is hashed.
 * A wrong password choice only asks again; the link stays usable until it is used or expires.
 */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { errorResponses, jsonResponse } from '../openapi';
import { acceptInvitation, invitationFor, resetFor, resetPassword } from '../services/people';
import { validate } from '../validate';

const tokenParam = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .describe('The secret at the end of the link, after /welcome/ or /reset-password/'),
});

const password = z
  .string()
  .max(1024)
  .describe(
    'At least 12 characters, not one of the passwords people choose most often, not their email or name',
  );

const linkRefusals = {
  404: 'link-unknown: no link with this secret (copied incompletely?)',
  410: 'link-used, link-expired, link-revoked: the link no longer works; ask the coalition admin for a new one',
};
const account = z.object({ email: z.string().describe('The account’s email, to sign in with') });

export const accountLinkRoutes = new Hono<AppEnv>()
  .get(
    '/invitation/:token',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Who an invitation is for: email, role, agency and coalition; or why it no longer works',
      security: [],
      responses: {
        200: jsonResponse(
          'The invitation',
          z.object({
            email: z.string(),
            role: z.enum(['admin', 'reporter', 'viewer']),
            agency: z.object({ code: z.string(), name: z.string() }).nullable(),
            coalitionName: z.string().nullable(),
            expiresAt: z.iso.datetime(),
          }),
        ),
        ...errorResponses(linkRefusals),
      },
    }),
    validate('param', tokenParam),
    (c) => c.json(invitationFor(c.var.db, c.var.config, c.req.valid('param').token, c.var.now())),
  )
  .post(
    '/invitation/:token',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Accept an invitation: make the account with a name and password; the link is used up',
      description: 'Does not sign in: the person signs in next with their email and the new password.',
      security: [],
      responses: {
        201: jsonResponse('The account is made', account),
        ...errorResponses({
          ...linkRefusals,
          400: 'weak-password: the password is too short, too common, or contains the email or name',
          409: 'already-has-account: the email has an account; agency-inactive: the agency no longer reports',
        }),
      },
    }),
    validate('param', tokenParam),
    validate(
      'json',
      z.object({
        name: z
          .string()
          .trim()
          .min(1, 'Enter your name as others in the coalition will see it.')
          .max(100, 'Keep your name under 100 characters.')
          .describe('Their name, as others in the coalition see it'),
        password,
      }),
    ),
    (c) => {
      const { token } = c.req.valid('param');
      return c.json(acceptInvitation(c.var.db, c.var.config, token, c.req.valid('json'), c.var.now()), 201);
    },
  )
  .get(
    '/reset/:token',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Whose password a reset link changes; or why it no longer works',
      security: [],
      responses: {
        200: jsonResponse('The account', account.extend({ expiresAt: z.iso.datetime() })),
        ...errorResponses({ ...linkRefusals, 409: 'deactivated: the account is deactivated' }),
      },
    }),
    validate('param', tokenParam),
    (c) => c.json(resetFor(c.var.db, c.var.config, c.req.valid('param').token, c.var.now())),
  )
  .post(
    '/reset/:token',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Choose a new password with a reset link: every session of the person ends',
      security: [],
      responses: {
        200: jsonResponse('The password is changed', account),
        ...errorResponses({
          ...linkRefusals,
          400: 'weak-password: the password is too short, too common, or contains the email or name',
          409: 'deactivated: the account is deactivated',
        }),
      },
    }),
    validate('param', tokenParam),
    validate('json', z.object({ password })),
    (c) => {
      const { token } = c.req.valid('param');
      return c.json(resetPassword(c.var.db, c.var.config, token, c.req.valid('json').password, c.var.now()));
    },
  );
