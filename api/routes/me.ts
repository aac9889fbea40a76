import { type Context, Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { clientAddress } from '../auth/address';
import { hashPassword, PasswordChecksBusy, verifyPassword } from '../auth/password';
import { passwordMaxLength, passwordProblem } from '../auth/passwordPolicy';
import { currentSessionHash, endOtherSessions, endSession, requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import type { Db } from '../db';
import { agencyTypes } from '../domain/agencyTypes';
import { browserLabel } from '../domain/userAgent';
import { ApiError, badRequest, forbidden, notFound } from '../errors';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { canManageOwnAccount } from '../permissions';
import { getPasswordHash, setPassword } from '../queries/account';
import { recordAudit } from '../queries/audit';
import { getAgencyById } from '../queries/orgUnits';
import { deleteOtherSessions, deleteUserSessionByPublicId, listUserSessions } from '../queries/sessions';
import { deleteSignInChallengesOf } from '../queries/twoFactor';
import type { User } from '../queries/users';
import { coalitionProfile } from '../services/coalition';
import {
  checkTwoFactorCode,
  confirmTwoFactorSetup,
  renewRecoveryCodes,
  spendRecoveryCode,
  startTwoFactorSetup,
  turnOffTwoFactor,
  twoFactorStatus,
  withQrCode,
} from '../services/twoFactor';
import { validate } from '../validate';
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

/** A new secret for an authenticator app, as setting up two-factor answers. */
export const twoFactorSetupAnswer = z
  .object({
    secret: z.string().describe('The secret in base32, to type into the app if the QR code can’t be scanned'),
    otpauthUri: z.string().describe('The `otpauth://` address the QR code holds'),
    qrCodeSvg: z.string().describe('The QR code, an SVG image'),
  })
  .meta({ id: 'TwoFactorSetup' });

const twoFactorStatusAnswer = z
  .object({
    enabled: z.boolean(),
    enabledAt: z.string().nullable().describe('When it was turned on'),
    recoveryCodesLeft: z.number().int(),
    requiredForYou: z.boolean().describe('The coalition requires two-factor of admins, and you are one'),
  })
  .meta({ id: 'TwoFactorStatus' });

const recoveryCodesAnswer = z.object({
  recoveryCodes: z
    .array(z.string())
    .describe('Ten codes, each usable once instead of a code; shown only now'),
});

const codeSchema = z.object({
  code: z.string().trim().min(1, 'Enter the 6-digit code from your authenticator app.').max(40),
});

const sessionParams = z.object({
  publicId: z
    .string()
    .regex(/^[0-9a-f]{1,64}$/, 'A session id is letters a–f and digits, as your list of sessions shows it.')
    .describe('The session’s public id, from `GET /api/me/sessions`'),
});

const ownAccountErrors = {
  401: notSignedInWords,
  403: 'forbidden: an API token can’t manage an account; sign in as the person',
};

/** The idle allowance of a session, to say when it was last used: its idle end less this. */
const sessionIdleMinutes = 30;
const sessionLifetimeHours = 12;

/** The signed-in person, refusing an API token: only the person manages their own account. */
function ownAccount(c: Context<AppEnv>): User {
  const user = requireUser(c);
  if (!canManageOwnAccount(user))
    throw forbidden('An API token can’t change an account. Sign in to Scope as yourself to do this.');
  return user;
}

/**
 * Checks a password the person typed to confirm a change, counted with sign-in failures so it can't
 * be used to guess: 400 `wrong-password` when it is not theirs.
 */
async function confirmPassword(c: Context<AppEnv>, user: User, password: string): Promise<void> {
  const { db, signInAttempts } = c.var;
  const address = clientAddress(c);
  const now = () => c.var.now().getTime();
  const wait = signInAttempts.begin(address, user.email, now());
  if (wait > 0) {
    c.header('Retry-After', String(wait));
    throw new ApiError(
      429,
      'too-many-attempts',
      `Too many wrong passwords. Try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}.`,
    );
  }
  let matches: boolean;
  try {
    matches = await verifyPassword(password, getPasswordHash(db, user.id) ?? '', true);
  } catch (error) {
    if (!(error instanceof PasswordChecksBusy)) throw error;
    signInAttempts.withdraw(address, user.email, now());
    c.header('Retry-After', '5');
    throw new ApiError(503, 'busy', 'Scope is busy checking other passwords. Try again in 5 seconds.');
  }
  if (!matches)
    throw badRequest('Your current password is not right. Check it and try again.', 'wrong-password');
  signInAttempts.succeeded(address, user.email, now());
}

/** Whether the coalition requires this person to keep two-factor on. */
const twoFactorRequiredFor = (c: Context<AppEnv>, user: User) =>
  user.role === 'admin' && coalitionProfile(c.var.db, c.var.config).adminTwoFactor === 'required';

const wrongCodeError = () =>
  badRequest(
    'That code is not right. Check the code your authenticator app shows now and try again.',
    'wrong-code',
  );

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
  )
  .post(
    '/password',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Change your own password',
      description:
        'Asks for the current password (a wrong one counts as a failed sign-in, so this can’t be used to guess). The new one must be at least 12 characters, not a commonly chosen password, and not your email or name. Ends your other sessions; this one stays.',
      security: callers.people,
      responses: {
        200: jsonResponse(
          'Changed',
          z.object({ signedOut: z.number().int().describe('How many other sessions ended') }),
        ),
        ...errorResponses({
          400: 'wrong-password: the current password is not right; weak-password: the new one doesn’t meet the policy',
          ...ownAccountErrors,
          429: 'too-many-attempts: too many wrong passwords; try again after `Retry-After` seconds',
        }),
      },
    }),
    validate(
      'json',
      z.object({
        currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
        newPassword: z
          .string()
          .min(1, 'Enter a new password.')
          .max(passwordMaxLength + 1),
      }),
    ),
    async (c) => {
      const user = ownAccount(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      const problem = passwordProblem(newPassword, { email: user.email, name: user.name });
      if (problem) throw badRequest(problem, 'weak-password');
      await confirmPassword(c, user, currentPassword);
      const { db } = c.var;
      const passwordHash = hashPassword(newPassword);
      const at = c.var.now().toISOString();
      const signedOut = db.transaction(() => {
        setPassword(db, user.id, passwordHash, at);
        // A sign-in started with the old password and waiting for its code must not finish.
        deleteSignInChallengesOf(db, user.id);
        const ended = deleteOtherSessions(db, user.id, currentSessionHash(c));
        recordAudit(db, {
          at,
          userId: user.id,
          action: 'change-password',
          entityType: 'user',
          entityId: user.id,
          details: { signedOutOthers: ended },
        });
        return ended;
      })();
      return c.json({ signedOut });
    },
  )
  .get(
    '/sessions',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Your sessions: where you are signed in',
      description:
        'Each live session: when it started, roughly when it was last used (to the minute), the address it was started from, the browser and system, whether it passed two-factor, and which one is this.',
      security: callers.people,
      responses: {
        200: jsonResponse(
          'Your live sessions, newest first',
          z.object({
            sessions: z.array(
              z.object({
                id: z.string().describe('The session’s public id, to end it with'),
                startedAt: z.string(),
                lastActiveAt: z.string(),
                address: z.string().nullable(),
                browser: z.string().describe('Like “Chrome on Windows”'),
                twoFactor: z.boolean(),
                current: z.boolean().describe('This is the session asking'),
              }),
            ),
          }),
        ),
        ...errorResponses(ownAccountErrors),
      },
    }),
    (c) => {
      const user = ownAccount(c);
      const now = c.var.now();
      const sessions = listUserSessions(c.var.db, user.id, currentSessionHash(c), now.toISOString()).map(
        (session) => ({
          id: session.publicId,
          startedAt: new Date(Date.parse(session.expiresAt) - sessionLifetimeHours * 3_600_000).toISOString(),
          // The idle end moves at most once a minute, so this is to the minute; never after now.
          lastActiveAt: new Date(
            Math.min(Date.parse(session.idleExpiresAt) - sessionIdleMinutes * 60_000, now.getTime()),
          ).toISOString(),
          address: session.address,
          browser: browserLabel(session.userAgent),
          twoFactor: session.twoFactor,
          current: session.current,
        }),
      );
      return c.json({ sessions });
    },
  )
  .delete(
    '/sessions/:publicId',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'End one of your sessions',
      description: 'Only your own. Ending the session that asks signs you out here.',
      security: callers.people,
      responses: {
        200: jsonResponse(
          'Ended',
          z.object({ signedOutHere: z.boolean().describe('It was this session: you are signed out') }),
        ),
        ...errorResponses({ ...ownAccountErrors, 404: 'not-found: you have no session with this id' }),
      },
    }),
    validate('param', sessionParams),
    (c) => {
      const user = ownAccount(c);
      const { publicId } = c.req.valid('param');
      const { db } = c.var;
      const current = listUserSessions(db, user.id, currentSessionHash(c), c.var.now().toISOString()).find(
        (session) => session.current,
      );
      const signedOutHere = current?.publicId === publicId;
      db.transaction(() => {
        if (!deleteUserSessionByPublicId(db, user.id, publicId))
          throw notFound('You have no session with this id. It may have ended already.');
        recordAudit(db, {
          at: c.var.now().toISOString(),
          userId: user.id,
          action: 'end-session',
          entityType: 'user',
          entityId: user.id,
          details: { session: publicId, here: signedOutHere },
        });
      })();
      if (signedOutHere) endSession(c);
      return c.json({ signedOutHere });
    },
  )
  .get(
    '/two-factor',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Your two-factor sign-in: on or off, and recovery codes left',
      security: callers.people,
      responses: {
        200: jsonResponse('Your two-factor sign-in', twoFactorStatusAnswer),
        ...errorResponses(ownAccountErrors),
      },
    }),
    (c) => {
      const user = ownAccount(c);
      return c.json({ ...twoFactorStatus(c.var.db, user.id), requiredForYou: twoFactorRequiredFor(c, user) });
    },
  )
  .post(
    '/two-factor',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Start setting up two-factor sign-in: a new secret for your authenticator app',
      description:
        'The secret takes effect only once a code from it is sent to `POST /api/me/two-factor/confirm`. Asking again replaces a set-up not yet confirmed.',
      security: callers.people,
      responses: {
        200: jsonResponse('The secret to add to your authenticator app', twoFactorSetupAnswer),
        ...errorResponses({ ...ownAccountErrors, 409: 'two-factor-on: two-factor is already on' }),
      },
    }),
    async (c) => {
      const user = ownAccount(c);
      const { db, config } = c.var;
      const setup = db.transaction(() => {
        if (twoFactorStatus(db, user.id).enabled)
          throw new ApiError(
            409,
            'two-factor-on',
            'Two-factor sign-in is already on. To move it to another phone, turn it off and set it up again.',
          );
        const started = startTwoFactorSetup(db, config, user);
        recordAudit(db, {
          at: c.var.now().toISOString(),
          userId: user.id,
          action: 'two-factor-setup-started',
          entityType: 'user',
          entityId: user.id,
        });
        return started;
      })();
      return c.json(await withQrCode(setup));
    },
  )
  .post(
    '/two-factor/confirm',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Turn two-factor sign-in on with a code from your authenticator app',
      description: 'Answers your recovery codes, shown this once only.',
      security: callers.people,
      responses: {
        200: jsonResponse('Two-factor is on', recoveryCodesAnswer),
        ...errorResponses({
          400: 'wrong-code: the code is not from the secret being set up, or set-up was not started',
          ...ownAccountErrors,
        }),
      },
    }),
    validate('json', codeSchema),
    (c) => {
      const user = ownAccount(c);
      const { code } = c.req.valid('json');
      const { db, config } = c.var;
      const now = c.var.now();
      const recoveryCodes = db.transaction(() => {
        const codes = confirmTwoFactorSetup(db, config, user.id, code, now);
        if (!codes) throw wrongCodeError();
        recordAudit(db, {
          at: now.toISOString(),
          userId: user.id,
          action: 'two-factor-on',
          entityType: 'user',
          entityId: user.id,
        });
        return codes;
      })();
      return c.json({ recoveryCodes });
    },
  )
  .delete(
    '/two-factor',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Turn two-factor sign-in off',
      description:
        'Needs your password and a code from your authenticator app (or a recovery code). Refused for an admin while the coalition requires two-factor of admins.',
      security: callers.people,
      responses: {
        200: jsonResponse('Two-factor is off', z.object({ ok: z.literal(true) })),
        ...errorResponses({
          400: 'wrong-password or wrong-code',
          ...ownAccountErrors,
          409: 'two-factor-required: the coalition requires two-factor of admins',
        }),
      },
    }),
    validate(
      'json',
      z.object({ password: z.string().min(1, 'Enter your password.').max(1024) }).extend(codeSchema.shape),
    ),
    async (c) => {
      const user = ownAccount(c);
      const { password, code } = c.req.valid('json');
      if (twoFactorRequiredFor(c, user))
        throw new ApiError(
          409,
          'two-factor-required',
          'Your coalition requires two-factor sign-in for admins, so it can’t be turned off. To use another phone, ask another admin to turn yours off, then set it up again.',
        );
      await confirmPassword(c, user, password);
      const { db, config } = c.var;
      const now = c.var.now();
      db.transaction(() => {
        const byCode =
          checkTwoFactorCode(db, config, user.id, code, now) ||
          spendRecoveryCode(db, config, user.id, code, now) !== null;
        if (!byCode) throw wrongCodeError();
        turnOffTwoFactor(db, user.id);
        recordAudit(db, {
          at: now.toISOString(),
          userId: user.id,
          action: 'two-factor-off',
          entityType: 'user',
          entityId: user.id,
        });
      })();
      return c.json({ ok: true as const });
    },
  )
  .post(
    '/two-factor/recovery-codes',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'New recovery codes in place of all your earlier ones',
      description: 'Needs a code from your authenticator app. The new codes are shown this once only.',
      security: callers.people,
      responses: {
        200: jsonResponse('The new codes', recoveryCodesAnswer),
        ...errorResponses({
          400: 'wrong-code: the code is not right, or two-factor is off',
          ...ownAccountErrors,
        }),
      },
    }),
    validate('json', codeSchema),
    (c) => {
      const user = ownAccount(c);
      const { code } = c.req.valid('json');
      const { db, config } = c.var;
      const now = c.var.now();
      const recoveryCodes = db.transaction(() => {
        if (!checkTwoFactorCode(db, config, user.id, code, now)) throw wrongCodeError();
        const codes = renewRecoveryCodes(db, config, user.id);
        recordAudit(db, {
          at: now.toISOString(),
          userId: user.id,
          action: 'new-recovery-codes',
          entityType: 'user',
          entityId: user.id,
        });
        return codes;
      })();
      return c.json({ recoveryCodes });
    },
  );
