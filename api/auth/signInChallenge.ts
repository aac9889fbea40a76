/**
 * The pending second step of a sign-in: the password was right, and a code from an authenticator app
 * (or, for an admin who must have two-factor, its set-up) is still to come. The browser holds a
 * random token in a short-lived HttpOnly cookie; the database keeps only its keyed hash.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context';
import { ApiError } from '../errors';
import {
  countChallengeFailure,
  deleteSignInChallenge,
  getSignInChallenge,
  insertSignInChallenge,
  type SignInChallenge,
} from '../queries/twoFactor';
import { hashSessionToken } from './session';

export const challengeCookieName = 'scope_sign_in';
/** Long enough to open an authenticator app (or set one up), short enough that a stolen cookie soon expires. */
export const challengeLifetimeSeconds = 5 * 60;
/** Wrong codes one challenge allows before it ends and the password is asked for again. */
export const challengeMaxFailures = 5;

/** Starts a second step for this person: stores the challenge and sets its cookie. */
export function startChallenge(
  c: Context<AppEnv>,
  userId: number,
  purpose: SignInChallenge['purpose'],
  signOutOthers: boolean,
): void {
  const { db, config } = c.var;
  const token = randomBytes(32).toString('base64url');
  const now = c.var.now().getTime();
  insertSignInChallenge(db, {
    tokenHash: hashSessionToken(config.sessionSecret, token),
    userId,
    purpose,
    signOutOthers,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + challengeLifetimeSeconds * 1000).toISOString(),
  });
  setCookie(c, challengeCookieName, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: config.isProduction,
    path: '/api/auth',
    maxAge: challengeLifetimeSeconds,
  });
}

/** The challenge this request's cookie names, of the given purpose; a 401 when there is none alive. */
export function currentChallenge(c: Context<AppEnv>, purpose: SignInChallenge['purpose']) {
  const token = getCookie(c, challengeCookieName);
  const tokenHash = token ? hashSessionToken(c.var.config.sessionSecret, token) : '';
  const challenge = token ? getSignInChallenge(c.var.db, tokenHash, c.var.now().toISOString()) : undefined;
  if (!challenge || challenge.purpose !== purpose)
    throw new ApiError(
      401,
      'sign-in-expired',
      'This sign-in has expired or was not started here. Enter your email and password again.',
    );
  return { tokenHash, challenge };
}

/** Ends a challenge (it was completed, or had too many wrong codes) and clears its cookie. */
export function endChallenge(c: Context<AppEnv>, tokenHash: string): void {
  deleteSignInChallenge(c.var.db, tokenHash);
  deleteCookie(c, challengeCookieName, { path: '/api/auth' });
}

/**
 * Counts a wrong code against the challenge, ending it at the limit; the 400 (or, at the limit, 401)
 * says how many tries are left.
 */
export function wrongCode(c: Context<AppEnv>, tokenHash: string, what: string): ApiError {
  const failures = countChallengeFailure(c.var.db, tokenHash);
  const left = challengeMaxFailures - failures;
  if (left <= 0) {
    endChallenge(c, tokenHash);
    return new ApiError(
      401,
      'sign-in-expired',
      `That ${what} is not right, and that was the last try. Enter your email and password again to start over.`,
    );
  }
  return new ApiError(
    400,
    'wrong-code',
    `That ${what} is not right. Check it and try again (${left} ${left === 1 ? 'try' : 'tries'} left).`,
  );
}
