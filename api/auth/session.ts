import { createHmac, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context';
import { ApiError, notSignedIn } from '../errors';
import { deleteSession, getSessionUser, insertSession } from '../queries/sessions';
import { findLiveApiToken } from '../queries/tokens';
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
  const expiresAt = new Date(c.var.now().getTime() + sessionLifetimeSeconds * 1000).toISOString();
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
 * acting as a reporter of the token's agency, or the person signed in with the session cookie, or null.
 */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const authorization = c.req.header('Authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match?.[1]
      ? findLiveApiToken(
          c.var.db,
          hashSessionToken(c.var.config.sessionSecret, match[1]),
          c.var.now().toISOString(),
        )
      : undefined;
    if (!found)
      throw new ApiError(
        401,
        'invalid-token',
        'This API token is not valid or has been revoked. Ask for a new one in Scope.',
      );
    c.set('user', {
      id: found.userId,
      email: found.email,
      name: found.name,
      role: 'reporter',
      agencyId: found.agencyId,
      tokenId: found.tokenId,
    });
    await next();
    return;
  }
  const token = getCookie(c, sessionCookieName);
  const user = token
    ? getSessionUser(c.var.db, hashSessionToken(c.var.config.sessionSecret, token), c.var.now().toISOString())
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
