import { type Context, Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { clientAddress } from '../auth/address';
import { PasswordChecksBusy, unmatchableHash, verifyPassword } from '../auth/password';
import { endSession, startSession } from '../auth/session';
import { currentChallenge, endChallenge, startChallenge, wrongCode } from '../auth/signInChallenge';
import type { AppEnv } from '../context';
import { ApiError } from '../errors';
import { errorResponses, jsonResponse } from '../openapi';
import { getActiveUser } from '../queries/account';
import { recordAudit } from '../queries/audit';
import { deleteUserSessions } from '../queries/sessions';
import { getUserForSignIn, type User } from '../queries/users';
import { coalitionProfile } from '../services/coalition';
import {
  checkTwoFactorCode,
  confirmTwoFactorSetup,
  spendRecoveryCode,
  startTwoFactorSetup,
  twoFactorStatus,
  withQrCode,
} from '../services/twoFactor';
import { validate } from '../validate';
import { clockOf } from './clock';
import { describeUser, signedInUser, twoFactorSetupAnswer } from './me';

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(1024),
  signOutOthers: z
    .boolean()
    .optional()
    .describe('End every other session of this person, as on a computer they left signed in'),
});

/** A right password with two-factor to come: a code, or (for an admin who must have it) its set-up. */
const secondStepAnswer = z
  .object({
    twoFactor: z
      .enum(['code', 'enroll'])
      .describe(
        '`code`: send a code from the authenticator app (or a recovery code) to `POST /api/auth/two-factor`; `enroll`: the coalition requires two-factor for admins, so set it up with `POST /api/auth/two-factor/enroll` first',
      ),
  })
  .meta({ id: 'SecondStep' });

export const secondStepSchema = z.union([
  z.object({ code: z.string().trim().min(1, 'Enter the 6-digit code from your authenticator app.').max(20) }),
  z.object({ recoveryCode: z.string().trim().min(1, 'Enter one of your recovery codes.').max(40) }),
]);

export const confirmCodeSchema = z.object({
  code: z.string().trim().min(1, 'Enter the 6-digit code from your authenticator app.').max(20),
});

const secondStepErrors = {
  400: 'wrong-code: the code is not right (the answer says how many tries are left); invalid-request: no code',
  401: 'sign-in-expired: no sign-in is waiting for this step (it took over 5 minutes, had 5 wrong codes, or was never started)',
  429: 'too-many-attempts: too many failed sign-ins; try again after `Retry-After` seconds',
};

// One message for a wrong email and a wrong password, so the form never reveals who has an account.
const wrongCredentials = "That email and password don't match an account. Check them and try again.";
/** A busy moment passes quickly: password checks take a fraction of a second each. */
const busyRetrySeconds = 5;

/** Refuses a sign-in for a while, saying how long in the message and in `Retry-After`. */
function refuseFor(c: Context<AppEnv>, seconds: number, status: 429 | 503, code: string, message: string) {
  c.header('Retry-After', String(seconds));
  return new ApiError(status, code, message);
}

/**
 * The second step a right password still needs: a code for a person with two-factor on, its set-up
 * for an admin when the coalition requires it of admins; undefined for none.
 */
function secondStepOf(c: Context<AppEnv>, user: User): 'code' | 'enroll' | undefined {
  if (twoFactorStatus(c.var.db, user.id).enabled) return 'code';
  if (user.role === 'admin' && coalitionProfile(c.var.db, c.var.config).adminTwoFactor === 'required')
    return 'enroll';
  return undefined;
}

/**
 * Starts the session of a person who has passed every step, ending their others if they asked, and
 * audits the sign-in: the person as `GET /api/me` gives them.
 */
function finishSignIn(
  c: Context<AppEnv>,
  user: User,
  signOutOthers: boolean,
  twoFactor?: { secondStep: 'code' | 'recovery-code' },
) {
  const { db } = c.var;
  const address = clientAddress(c);
  return db.transaction(() => {
    const signedOutOthers = signOutOthers ? deleteUserSessions(db, user.id) : 0;
    startSession(c, user.id, twoFactor !== undefined);
    recordAudit(db, {
      at: c.var.now().toISOString(),
      userId: user.id,
      action: 'sign-in',
      entityType: 'user',
      entityId: user.id,
      details: { address, ...twoFactor, ...(signOutOthers ? { signedOutOthers } : {}) },
    });
    return describeUser(db, user, clockOf(c).timeZone);
  })();
}

/**
 * A wrong code at the second step: audited as a failed sign-in and counted against the challenge
 * (outside the transaction that checked it, so the count stays).
 */
function failedSecondStep(c: Context<AppEnv>, tokenHash: string, user: User, what: 'code' | 'recovery code') {
  recordAudit(c.var.db, {
    at: c.var.now().toISOString(),
    userId: null,
    action: 'sign-in-failed',
    entityType: 'user',
    entityId: user.id,
    details: { address: clientAddress(c), secondStep: what === 'code' ? 'code' : 'recovery-code' },
  });
  return wrongCode(c, tokenHash, what);
}

/** Starts counting a sign-in attempt, refusing it while this address or email must wait (see SignInAttempts). */
function beginAttempt(c: Context<AppEnv>, address: string, email: string, nowMs: number): void {
  const wait = c.var.signInAttempts.begin(address, email, nowMs);
  if (wait > 0)
    throw refuseFor(
      c,
      wait,
      429,
      'too-many-attempts',
      `Too many sign-in attempts. Try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}.`,
    );
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
        200: jsonResponse(
          'Signed in: the person, as `GET /api/me` gives. Or, for a person with two-factor sign-in (or an admin who must set it up), no session yet: `{ twoFactor }` and a 5-minute `scope_sign_in` cookie for the second step',
          z.union([signedInUser, secondStepAnswer]),
        ),
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
      beginAttempt(c, address, email, now());
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
      const secondStep = secondStepOf(c, user);
      if (secondStep) {
        // The password alone is neither a failure nor a sign-in: the address becomes trusted for
        // this person only once the second step is passed too.
        signInAttempts.withdraw(address, email, now());
        db.transaction(() => startChallenge(c, user.id, secondStep, signOutOthers === true))();
        return c.json({ twoFactor: secondStep });
      }
      signInAttempts.succeeded(address, email, now());
      return c.json({ user: finishSignIn(c, user, signOutOthers === true) });
    },
  )
  .post(
    '/two-factor',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Sign in, second step: a code from the authenticator app, or a recovery code',
      description:
        'Completes a sign-in that answered `{ twoFactor: "code" }`, with its `scope_sign_in` cookie. A code works once; a recovery code works once and the answer to `GET /api/me/two-factor` says how many are left. Five wrong codes end the sign-in, and failures count towards the same slowing-down as wrong passwords.',
      security: [],
      responses: {
        200: jsonResponse('Signed in: the person, as `GET /api/me` gives', signedInUser),
        ...errorResponses(secondStepErrors),
      },
    }),
    validate('json', secondStepSchema),
    (c) => {
      const body = c.req.valid('json');
      const { db, config, signInAttempts } = c.var;
      const { tokenHash, challenge } = currentChallenge(c, 'code');
      const user = getActiveUser(db, challenge.userId) as User;
      const address = clientAddress(c);
      const now = c.var.now();
      beginAttempt(c, address, user.email, now.getTime());
      const signedIn = db.transaction(() => {
        if ('code' in body) {
          if (!checkTwoFactorCode(db, config, user.id, body.code, now)) return null;
          endChallenge(c, tokenHash);
          return finishSignIn(c, user, challenge.signOutOthers, { secondStep: 'code' });
        }
        const left = spendRecoveryCode(db, config, user.id, body.recoveryCode, now);
        if (left === null) return null;
        endChallenge(c, tokenHash);
        recordAudit(db, {
          at: now.toISOString(),
          userId: user.id,
          action: 'recovery-code-used',
          entityType: 'user',
          entityId: user.id,
          details: { left },
        });
        return finishSignIn(c, user, challenge.signOutOthers, { secondStep: 'recovery-code' });
      })();
      if (!signedIn) throw failedSecondStep(c, tokenHash, user, 'code' in body ? 'code' : 'recovery code');
      signInAttempts.succeeded(address, user.email, now.getTime());
      return c.json({ user: signedIn });
    },
  )
  .post(
    '/two-factor/enroll',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Sign in, second step for an admin who must set up two-factor: a new secret to add',
      description:
        'For a sign-in that answered `{ twoFactor: "enroll" }`. Gives a new secret (as text and as a QR code) to add to an authenticator app; it takes effect with `POST /api/auth/two-factor/enroll/confirm`. Asking again replaces it.',
      security: [],
      responses: {
        200: jsonResponse('The secret to add to the authenticator app', twoFactorSetupAnswer),
        ...errorResponses({ 401: secondStepErrors[401] }),
      },
    }),
    async (c) => {
      const { db, config } = c.var;
      const { challenge } = currentChallenge(c, 'enroll');
      const user = getActiveUser(db, challenge.userId) as User;
      const setup = db.transaction(() => startTwoFactorSetup(db, config, user))();
      return c.json(await withQrCode(setup));
    },
  )
  .post(
    '/two-factor/enroll/confirm',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Sign in, second step for an admin: confirm the new secret with a code and sign in',
      description:
        'Turns two-factor on with a code from the secret given by `POST /api/auth/two-factor/enroll`, starts the session, and answers the recovery codes, shown this once only.',
      security: [],
      responses: {
        200: jsonResponse(
          'Signed in with two-factor on',
          signedInUser.extend({
            recoveryCodes: z
              .array(z.string())
              .describe('Ten codes, each usable once instead of a code; shown only now'),
          }),
        ),
        ...errorResponses(secondStepErrors),
      },
    }),
    validate('json', confirmCodeSchema),
    (c) => {
      const { code } = c.req.valid('json');
      const { db, config, signInAttempts } = c.var;
      const { tokenHash, challenge } = currentChallenge(c, 'enroll');
      const user = getActiveUser(db, challenge.userId) as User;
      const address = clientAddress(c);
      const now = c.var.now();
      beginAttempt(c, address, user.email, now.getTime());
      const signedIn = db.transaction(() => {
        const recoveryCodes = confirmTwoFactorSetup(db, config, user.id, code, now);
        if (!recoveryCodes) return null;
        endChallenge(c, tokenHash);
        recordAudit(db, {
          at: now.toISOString(),
          userId: user.id,
          action: 'two-factor-on',
          entityType: 'user',
          entityId: user.id,
          details: { atSignIn: true },
        });
        return {
          user: finishSignIn(c, user, challenge.signOutOthers, { secondStep: 'code' }),
          recoveryCodes,
        };
      })();
      if (!signedIn) throw failedSecondStep(c, tokenHash, user, 'code');
      signInAttempts.succeeded(address, user.email, now.getTime());
      return c.json(signedIn);
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
