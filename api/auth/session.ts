import { createHmac, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context';
import { notSignedIn } from '../errors';
import { deleteSession, getSessionUser, insertSession } from '../queries/sessions';
import type { User } from '../queries/users';

export const sessionCookieName = 'scope_session';
/** A working day and then some: long enough not to interrupt a reporter, short enough to limit a stolen cookie. */
export const sessionLifetimeSeconds = 12 * 60 * 60;

/** The database keeps only this keyed hash of a session token. */
export function hashSessionToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}

/** Starts a session for a user and sets its cookie. */
export function startSession(c: Context<AppEnv>, userId: number): void {
  const { db, config } = c.var;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionLifetimeSeconds * 1000).toISOString();
  insertSession(db, hashSessionToken(config.sessionSecret, token), userId, expiresAt);
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.isProduction,
    path: '/',
    maxAge: sessionLifetimeSeconds,
  });
}

/** Ends the current session, if any, and clears its cookie. */
export function endSession(c: Context<AppEnv>): void {
  const token = getCookie(c, sessionCookieName);
  if (token) deleteSession(c.var.db, hashSessionToken(c.var.config.sessionSecret, token));
  deleteCookie(c, sessionCookieName, { path: '/' });
}

/** Puts the signed-in user (or null) on the context for every request. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, sessionCookieName);
  const user = token
    ? getSessionUser(c.var.db, hashSessionToken(c.var.config.sessionSecret, token), new Date().toISOString())
    : undefined;
  c.set('user', user ?? null);
  await next();
};

/** The signed-in user; a 401 when nobody is signed in. */
export function requireUser(c: Context<AppEnv>): User {
  const user = c.var.user;
  if (!user) throw notSignedIn();
  return user;
}
