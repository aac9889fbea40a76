import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { unmatchableHash, verifyPassword } from '../auth/password';
import { endSession, startSession } from '../auth/session';
import type { AppEnv } from '../context';
import { ApiError } from '../errors';
import { errorResponses, jsonResponse } from '../openapi';
import { recordAudit } from '../queries/audit';
import { getUserForSignIn } from '../queries/users';
import { validate } from '../validate';
import { describeUser, signedInUser } from './me';

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(1024),
});

// One message for a wrong email and a wrong password, so the form never reveals who has an account.
const wrongCredentials = "That email and password don't match an account. Check them and try again.";

export const authRoutes = new Hono<AppEnv>()
  .post(
    '/login',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Sign in and receive the session cookie',
      description:
        'Sets the `scope_session` cookie (HttpOnly, 12 hours). A wrong email and a wrong password get the same answer, so nobody can find out who has an account; after 10 failed sign-ins for one email within 15 minutes, it is refused until they have passed.',
      security: [],
      responses: {
        200: jsonResponse('Signed in: the person, as `GET /api/me` gives', signedInUser),
        ...errorResponses({
          400: 'invalid-request: the email or password is missing',
          401: 'invalid-credentials: the email and password don’t match an account',
          429: 'too-many-attempts: too many failed sign-ins for this email; wait 15 minutes',
        }),
      },
    }),
    validate('json', signInSchema),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const { db, signInAttempts } = c.var;
      if (signInAttempts.isBlocked(email)) {
        throw new ApiError(
          429,
          'too-many-attempts',
          'Too many sign-in attempts for this email. Wait 15 minutes, then try again, or ask your coalition admin to reset your password.',
        );
      }
      const user = getUserForSignIn(db, email);
      const matches = await verifyPassword(password, user?.passwordHash ?? unmatchableHash());
      if (!user || !matches) {
        signInAttempts.recordFailure(email);
        throw new ApiError(401, 'invalid-credentials', wrongCredentials);
      }
      signInAttempts.recordSuccess(email);
      startSession(c, user.id);
      recordAudit(db, { userId: user.id, action: 'sign-in', entityType: 'user', entityId: user.id });
      return c.json({ user: describeUser(db, user, c.var.config.timeZone) });
    },
  )
  .post(
    '/logout',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Sign out: end the session and clear its cookie',
      description: 'Answers the same whether or not anyone was signed in.',
      security: [],
      responses: { 200: jsonResponse('Signed out', z.object({ ok: z.literal(true) })) },
    }),
    (c) => {
      const user = c.var.user;
      endSession(c);
      if (user)
        recordAudit(c.var.db, { userId: user.id, action: 'sign-out', entityType: 'user', entityId: user.id });
      return c.json({ ok: true as const });
    },
  );
