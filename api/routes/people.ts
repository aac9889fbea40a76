import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import {
  changeAccess,
  invite,
  issueResetLink,
  peopleAndInvitations,
  resendInvitation,
  setActive,
  turnOffTwoFactor,
  withdrawInvitation,
} from '../services/people';
import { validate } from '../validate';
import { agencyCode } from './params';

const role = z.enum(['admin', 'reporter', 'viewer'], {
  error: 'Choose a role: admin, viewer or reporter.',
});
const agencyRef = z.object({ code: z.string(), name: z.string() });

const person = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string(),
    role,
    agency: agencyRef.nullable().describe('The agency a reporter reports for'),
    active: z.boolean().describe('False once deactivated: they can’t sign in'),
    twoFactor: z.boolean().describe('They sign in with a code from an authenticator app too'),
    lastSignInAt: z.iso.datetime().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Person', description: 'Someone with a Scope account' });

const invitation = z
  .object({
    id: z.number().int(),
    email: z.string(),
    role,
    agency: agencyRef.nullable(),
    invitedBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().describe('When the link stops working, 7 days after it was made'),
    state: z.enum(['pending', 'accepted', 'expired', 'withdrawn']),
  })
  .meta({ id: 'Invitation', description: 'An invitation, without its link (Scope keeps only a hash)' });

const delivery = {
  link: z.string().describe('The one-time link, to copy and pass on: shown in this answer only'),
  expiresAt: z.iso.datetime(),
  mailed: z.boolean().describe('Whether Scope mailed the link'),
  mailError: z.string().nullable().describe('Why it wasn’t mailed, in words'),
};

const change = z.object({ person, changed: z.boolean(), message: z.string() });

const access = z.object({
  role,
  agencyCode: agencyCode.optional().describe('For a reporter: the agency they report for, like RIVER'),
});
const inviteBody = access.extend({
  email: z
    .email({ error: 'Enter the email address to send the invitation to, like name@agency.org.' })
    .max(254)
    .describe('Where the invitation goes; their account’s email'),
});

const userParam = z.object({
  userId: z.coerce.number().int().min(1).describe('The person’s id, from the list of people'),
});
const invitationParam = z.object({
  id: z.coerce.number().int().min(1).describe('The invitation’s id, from the list of invitations'),
});

const adminOnly = 'forbidden: only coalition admins, signed in as people (never an API token)';
const noSuchPerson = 'not-found: no person with this id';
const refusals = (more: Partial<Record<400 | 404 | 409, string>> = {}) =>
  errorResponses({ 401: notSignedInWords, 403: adminOnly, ...more });

export const peopleRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags: ['People (admins)'],
      summary: 'Everyone with an account, every invitation with its state, and the agencies to choose from',
      description:
        'People active first, then by name; invitations newest first, never their links; the active agencies a reporter can be invited to or moved to, by name.',
      security: callers.people,
      responses: {
        200: jsonResponse(
          'People and invitations',
          z.object({
            people: z.array(person),
            invitations: z.array(invitation),
            agencies: z.array(agencyRef),
          }),
        ),
        ...refusals(),
      },
    }),
    (c) => c.json(peopleAndInvitations(c.var.db, requireUser(c), c.var.now())),
  )
  .post(
    '/invitations',
    describeRoute({
      tags: ['People (admins)'],
      summary: 'Invite someone by email: a link that makes their account, once, within 7 days',
      description:
        'Replaces any earlier invitation to the same address. The link is in the answer, to copy; when `SCOPE_SMTP_URL` is set it is also mailed, and `mailed` says whether that worked.',
      security: callers.people,
      responses: {
        201: jsonResponse('Invited', z.object({ invitation, ...delivery })),
        ...refusals({
          400: 'invalid-request: not an email address, no role, or a reporter without an active agency',
          409: 'already-has-account: the address has an account already (make a reset link instead)',
        }),
      },
    }),
    validate('json', inviteBody),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await invite(c.var.db, c.var.config, requireUser(c), body, c.var.now()), 201);
    },
  )
  .post(
    '/invitations/:id/resend',
    describeRoute({
      tags: ['People (admins)'],
      summary: 'Send an invitation again with a new link; the old link stops working',
      security: callers.people,
      responses: {
        201: jsonResponse('Invited again', z.object({ invitation, ...delivery })),
        ...refusals({
          404: 'not-found: no invitation with this id',
          409: 'invitation-accepted, invitation-withdrawn, already-has-account: there is nothing to resend',
        }),
      },
    }),
    validate('param', invitationParam),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await resendInvitation(c.var.db, c.var.config, requireUser(c), id, c.var.now()), 201);
    },
  )
  .delete(
    '/invitations/:id',
    describeRoute({
      tags: ['People (admins)'],
      summary: 'Withdraw an invitation: its link stops working',
      description: 'Withdrawing one already withdrawn or expired answers the same.',
      security: callers.people,
      responses: {
        200: jsonResponse('Withdrawn', z.object({ invitation })),
        ...refusals({
          404: 'not-found: no invitation with this id',
          409: 'invitation-accepted: it was accepted already',
        }),
      },
    }),
    validate('param', invitationParam),
    (c) => {
      const { id } = c.req.valid('param');
      return c.json({ invitation: withdrawInvitation(c.var.db, requireUser(c), id, c.var.now()) });
    },
  )
  .patch(
    '/:userId',
    describeRoute({
      tags: ['People (admins)'],
      summary: 'Change someone’s role, or a reporter’s agency: their sessions end and their tokens stop',
      description:
        'The coalition always keeps an active admin, and an admin can’t change their own access (another admin can).',
      security: callers.people,
      responses: {
        200: jsonResponse('Changed, or already so', change),
        ...refusals({
          400: 'invalid-request: no role, or a reporter without an active agency',
          404: noSuchPerson,
          409: 'last-admin: they are the only active admin; own-access: it is your own account',
        }),
      },
    }),
    validate('param', userParam),
    validate('json', access),
    (c) => {
      const { userId } = c.req.valid('param');
      return c.json(changeAccess(c.var.db, requireUser(c), userId, c.req.valid('json'), c.var.now()));
    },
  )
  .post(
    '/:userId/deactivate',
    describeRoute({
      tags: ['People (admins)'],
      summary: 'Deactivate someone: they can’t sign in, their sessions end and their tokens stop',
      description:
        'Their reports and history stay. Deactivating someone already deactivated changes nothing.',
      security: callers.people,
      responses: {
        200: jsonResponse('Deactivated', change),
        ...refusals({
          404: noSuchPerson,
          409: 'last-admin: they are the only active admin; own-access: it is your own account',
        }),
      },
    }),
    validate('param', userParam),
    (c) => {
      const { userId } = c.req.valid('param');
      return c.json(setActive(c.var.db, requireUser(c), userId, false, c.var.now()));
    },
  )
  .post(
    '/:userId/reactivate',
    describeRoute({
      tags: ['People (admins)'],
      summary: 'Reactivate someone: they sign in again with their password',
      security: callers.people,
      responses: { 200: jsonResponse('Reactivated', change), ...refusals({ 404: noSuchPerson }) },
    }),
    validate('param', userParam),
    (c) => {
      const { userId } = c.req.valid('param');
      return c.json(setActive(c.var.db, requireUser(c), userId, true, c.var.now()));
    },
  )
  .post(
    '/:userId/reset-link',
    describeRoute({
      tags: ['People (admins)'],
      summary: 'Make a password reset link for someone: it works once, for 24 hours',
      description:
        'Replaces any earlier reset link of theirs. The link is in the answer, to pass on; when `SCOPE_SMTP_URL` is set it is also mailed to them. Using it ends all their sessions.',
      security: callers.people,
      responses: {
        201: jsonResponse('The link', z.object(delivery)),
        ...refusals({ 404: noSuchPerson, 409: 'deactivated: reactivate them first' }),
      },
    }),
    validate('param', userParam),
    async (c) => {
      const { userId } = c.req.valid('param');
      return c.json(await issueResetLink(c.var.db, c.var.config, requireUser(c), userId, c.var.now()), 201);
    },
  )
  .delete(
    '/:userId/two-factor',
    describeRoute({
      tags: ['People (admins)'],
      summary: 'Turn off someone’s two-factor sign-in (they lost their phone): their sessions end',
      description:
        'Their authenticator secret and recovery codes are removed; they sign in with their password.',
      security: callers.people,
      responses: {
        200: jsonResponse('Turned off', z.object({ person, message: z.string() })),
        ...refusals({
          404: noSuchPerson,
          409: 'two-factor-off: they don’t use two-factor; own-access: use your Account page',
        }),
      },
    }),
    validate('param', userParam),
    (c) => {
      const { userId } = c.req.valid('param');
      return c.json(turnOffTwoFactor(c.var.db, requireUser(c), userId, c.var.now()));
    },
  );
