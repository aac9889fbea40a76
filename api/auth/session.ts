import { createHmac, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context';
import { ApiError, notSignedIn } from '../errors';
import {
  deleteOtherSessions,
  deleteSession,
  extendSessionIdle,
  getSessionUser,
  insertSession,
} from '../queries/sessions';
import { findLiveApiToken } from '../queries/tokens';
import type { User } from '../queries/users';
import { clientAddress } from './address';

export const sessionCookieName = 'scope_session';
/** A working day and then some: long enough not to interrupt a reporter, short enough to limit a stolen cookie. */
export const sessionLifetimeSeconds = 12 * 60 * 60;
/** A session left unused this long ends: a computer left signed in is not signed in for the day. */
const sessionIdleSeconds = 30 * 60;
/**
 * Using a session pushes its idle end back, but at most once a minute: one write per person per
 * minute rather than one per request, at the cost of the idle allowance being up to a minute short.
 */
const idleRefreshSeconds = 60;

/** The database keeps only this keyed hash of a session token. */
export function hashSessionToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}

/**
 * Starts a session for a user and sets its cookie. Where it was started and with what browser are
 * kept, so the person can recognise it in their list of sessions; `twoFactor` says it passed a
 * second step.
 */
export function startSession(c: Context<AppEnv>, userId: number, twoFactor = false): void {
  const { db, config } = c.var;
  const token = randomBytes(32).toString('base64url');
  const now = c.var.now().getTime();
  insertSession(db, {
    tokenHash: hashSessionToken(config.sessionSecret, token),
    userId,
    expiresAt: new Date(now + sessionLifetimeSeconds * 1000).toISOString(),
    idleExpiresAt: new Date(now + sessionIdleSeconds * 1000).toISOString(),
    address: clientAddress(c),
    userAgent: c.req.header('User-Agent')?.slice(0, userAgentLength) ?? null,
    twoFactor,
  });
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.isProduction,
    path: '/',
    maxAge: sessionLifetimeSeconds,
  });
}

/** How much of a browser's User-Agent is kept: enough to name the browser and system. */
const userAgentLength = 200;

/** The keyed hash of this request's session token ('' with no session cookie). */
export function currentSessionHash(c: Context<AppEnv>): string {
  const token = getCookie(c, sessionCookieName);
  return token ? hashSessionToken(c.var.config.sessionSecret, token) : '';
}

/** Ends the current session, if any, and clears its cookie. */
export function endSession(c: Context<AppEnv>): void {
  const token = getCookie(c, sessionCookieName);
  if (token) deleteSession(c.var.db, hashSessionToken(c.var.config.sessionSecret, token));
  deleteCookie(c, sessionCookieName, { path: '/' });
}

/** Ends the signed-in person's sessions elsewhere, keeping this one; returns how many ended. */
export function endOtherSessions(c: Context<AppEnv>, userId: number): number {
  return deleteOtherSessions(c.var.db, userId, currentSessionHash(c));
}

export const apiTokenPrefix = 'scope_';

/** A new API token's secret and the parts of it that are stored: a keyed hash and a short prefix to recognise it by. */
export function createApiTokenSecret(sessionSecret: string) {
  const secret = `${apiTokenPrefix}${randomBytes(32).toString('base64url')}`;
  return {
    secret,
    prefix: secret.slice(0, apiTokenPrefix.length + 4),
    tokenHash: hashSessionToken(sessionSecret, secret),
  };
}

/**
 * Puts the caller on the context for every request: an agency system with `Authorization: Bearer`,
 * acting as the person who made the token with what they may do now, or the person signed in with the
 * session cookie, or null.
 */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, config } = c.var;
  const now = c.var.now();
  const authorization = c.req.header('Authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match?.[1]
      ? findLiveApiToken(db, hashSessionToken(config.sessionSecret, match[1]), now.toISOString())
      : undefined;
    if (!found)
      throw new ApiError(
        401,
        'invalid-token',
        'This API token is not valid: it has expired or been revoked, or the person who made it no longer has the same access. Ask for a new one in Scope.',
      );
    c.set('user', found);
    await next();
    return;
  }
  const token = getCookie(c, sessionCookieName);
  const tokenHash = token ? hashSessionToken(config.sessionSecret, token) : undefined;
  const session = tokenHash ? getSessionUser(db, tokenHash, now.toISOString()) : undefined;
  if (tokenHash && session) {
    const { idleExpiresAt, ...user } = session;
    const idleMsLeft = Date.parse(idleExpiresAt) - now.getTime();
    if (idleMsLeft < (sessionIdleSeconds - idleRefreshSeconds) * 1000)
      extendSessionIdle(db, tokenHash, new Date(now.getTime() + sessionIdleSeconds * 1000).toISOString());
    c.set('user', user);
  } else c.set('user', null);
  await next();
};

/** The signed-in user; a 401 when nobody is signed in. */
export function requireUser(c: Context<AppEnv>): User {
  const user = c.var.user;
  if (!user) throw notSignedIn();
  return user;
}

/** The writes anyone may send without being signed in: signing in and out. */
const openWrites = new Set([
  '/api/auth/login',
  '/api/auth/logout',
  // The second step of a sign-in: its own short-lived cookie says whose.
  '/api/auth/two-factor',
  '/api/auth/two-factor/enroll',
  '/api/auth/two-factor/enroll/confirm',
]);
/**
 * And using a one-time link, whose secret in the path is what lets them: setting the coalition up,
 * accepting an invitation, choosing a new password (see routes/setup.ts and routes/accountLinks.ts).
 */
const openWritePrefixes = ['/api/setup/', '/api/account-links/invitation/', '/api/account-links/reset/'];
const isOpenWrite = (path: string) =>
  openWrites.has(path) || openWritePrefixes.some((prefix) => path.startsWith(prefix));

/**
 * Refuses every other write from someone not signed in before its body is read: nobody unknown gets
 * the server to parse and check what they send.
 */
export const signedInWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  const reads = c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS';
  if (!reads && !c.var.user && !isOpenWrite(c.req.path)) throw notSignedIn();
  await next();
};
