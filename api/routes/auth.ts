import { type Context, Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { clientAddress } from '../auth/address';
import { PasswordChecksBusy, unmatchableHash, verifyPassword } from '../auth/password';
import { endSession, startSession } from '../auth/session';
import type { AppEnv } from '../context';
import { ApiError } from '../errors';
import { errorResponses, jsonResponse } from '../openapi';
import { recordAudit } from '../queries/audit';
import { deleteUserSessions } from '../queries/sessions';
import { getUserForSignIn } from '../queries/users';
import { validate } from '../validate';
import { clockOf } from './clock';
import { describeUser, signedInUser } from './me';

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(1024),
  signOutOthers: z
    .boolean()
    .optional()
    .describe('End every other session of this person, as on a computer they left signed in'),
});

// One message for a wrong email and a wrong password, so the form never reveals who has an account.
const wrongCredentials = "That email and password don't match an account. Check them and try again.";
/** A busy moment passes quickly: password checks take a fraction of a second each. */
const busyRetrySeconds = 5;

/** Refuses a sign-in for a while, saying how long in the message and in `Retry-After`. */
function refuseFor(c: Context<AppEnv>, seconds: number, status: 429 | 503, code: string, message: string) {
  c.header('Retry-After', String(seconds));
  return new ApiError(status, code, message);
}

export const authRoutes = new Hono<AppEnv>()
  .post(
    '/login',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Sign in and receive the session cookie',
      description:
        'Sets the `scope_session` cookie (HttpOnly; it ends after 12 hours, or after 30 minutes without use). A wrong email and a wrong password get the same answer, so nobody can find out who has an account. Repeated failures slow down further attempts instead of locking the account: after 5 failures for one email from one address, 20 from one address across emails, or 50 for one email from anywhere (except at addresses its owner has signed in from), each further attempt must wait twice as long as the last, up to 15 minutes; the answer says how long in `Retry-After`. Set `signOutOthers` to end the person’s other sessions.',
      security: [],
      responses: {
        200: jsonResponse('Signed in: the person, as `GET /api/me` gives', signedInUser),
        ...errorResponses({
          400: 'invalid-request: the email or password is missing',
          401: 'invalid-credentials: the email and password don’t match an account',
          429: 'too-many-attempts: too many failed sign-ins; try again after `Retry-After` seconds',
          503: 'busy: Scope is checking many sign-ins at once; try again after `Retry-After` seconds',
        }),
      },
    }),
    validate('json', signInSchema),
    async (c) => {
      const { email, password, signOutOthers } = c.req.valid('json');
      const { db, signInAttempts } = c.var;
      const address = clientAddress(c);
      const now = () => c.var.now().getTime();
      const wait = signInAttempts.begin(address, email, now());
      if (wait > 0)
        throw refuseFor(
          c,
          wait,
          429,
          'too-many-attempts',
          `Too many sign-in attempts. Try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}.`,
        );
      const user = getUserForSignIn(db, email);
      let matches: boolean;
      try {
        matches = await verifyPassword(
          password,
          user?.passwordHash ?? unmatchableHash(),
          signInAttempts.isTrusted(address, email, now()),
        );
      } catch (error) {
        if (!(error instanceof PasswordChecksBusy)) throw error;
        signInAttempts.withdraw(address, email, now());
        throw refuseFor(
          c,
          busyRetrySeconds,
          503,
          'busy',
          `Scope is busy checking other sign-ins. Try again in ${busyRetrySeconds} seconds.`,
        );
      }
      if (!user || !matches) {
        // The typed email is not kept: people sometimes type their password into it.
        recordAudit(db, {
          at: c.var.now().toISOString(),
          userId: null,
          action: 'sign-in-failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          details: { address },
        });
        throw new ApiError(401, 'invalid-credentials', wrongCredentials);
      }
      signInAttempts.succeeded(address, email, now());
      const signedOutOthers = signOutOthers ? deleteUserSessions(db, user.id) : 0;
      startSession(c, user.id);
      recordAudit(db, {
        at: c.var.now().toISOString(),
        userId: user.id,
        action: 'sign-in',
        entityType: 'user',
        entityId: user.id,
        details: signOutOthers ? { address, signedOutOthers } : { address },
      });
      return c.json({ user: describeUser(db, user, clockOf(c).timeZone) });
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
        recordAudit(c.var.db, {
          at: c.var.now().toISOString(),
          userId: user.id,
          action: 'sign-out',
          entityType: 'user',
          entityId: user.id,
        });
      return c.json({ ok: true as const });
    },
  );
