/**
 * One-time links: the set-up link a production first start prints, invitations and password resets.
 * A link's secret is in its address only; Scope keeps a keyed hash, so a copy of the database opens
 * nothing. A link works once, until it expires or is revoked. No HTTP here.
 */
import { randomBytes } from 'node:crypto';
import { hashSessionToken } from '../auth/session';
import type { Config } from '../config';
import type { Db } from '../db';
import {
  type AccountLink,
  type AccountLinkKind,
  getAccountLinkByHash,
  insertAccountLink,
  markAccountLinkUsed,
} from '../queries/accountLinks';
import type { Role } from '../queries/users';

const hour = 60 * 60 * 1000;

/** How long each kind of link works: a day to set up or reset, a week to accept an invitation. */
export const linkLifetimeMs: Record<AccountLinkKind, number> = {
  setup: 24 * hour,
  invitation: 7 * 24 * hour,
  reset: 24 * hour,
};

/** The web app's page each kind of link opens. */
const linkPaths: Record<AccountLinkKind, string> = {
  setup: '/setup',
  invitation: '/welcome',
  reset: '/reset-password',
};

/** A link's full address, as printed or mailed. */
export function accountLinkUrl(
  config: Pick<Config, 'publicUrl'>,
  kind: AccountLinkKind,
  token: string,
): string {
  return `${config.publicUrl}${linkPaths[kind]}/${token}`;
}

/** Makes a link and returns its secret (shown or mailed once, never kept) and when it stops working. */
export function createAccountLink(
  db: Db,
  sessionSecret: string,
  link: {
    kind: AccountLinkKind;
    email?: string | null;
    role?: Role | null;
    agencyId?: number | null;
    userId?: number | null;
    createdBy: number | null;
    now: Date;
  },
): { id: number; token: string; expiresAt: string } {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(link.now.getTime() + linkLifetimeMs[link.kind]).toISOString();
  const id = insertAccountLink(db, {
    kind: link.kind,
    tokenHash: hashSessionToken(sessionSecret, `link:${token}`),
    email: link.email ?? null,
    role: link.role ?? null,
    agencyId: link.agencyId ?? null,
    userId: link.userId ?? null,
    createdBy: link.createdBy,
    createdAt: link.now.toISOString(),
    expiresAt,
  });
  return { id, token, expiresAt };
}

/** Why a link can't be used, as the page that opened it says it. */
export type LinkRefusal = 'unknown' | 'used' | 'expired' | 'revoked';

export const linkRefusalWords: Record<LinkRefusal, string> = {
  unknown: 'This link isn’t one Scope made, or it was copied incompletely. Check you copied all of it.',
  used: 'This link has already been used, and works only once. Ask your coalition admin for a new one.',
  expired: 'This link has expired. Ask your coalition admin for a new one.',
  revoked:
    'This link was withdrawn, and a newer one may have been sent. Ask your coalition admin for a new one.',
};

/** The link of this kind with this secret, if it can still be used now; otherwise why not. */
export function findUsableLink(
  db: Db,
  sessionSecret: string,
  kind: AccountLinkKind,
  token: string,
  now: Date,
): { link: AccountLink } | { refusal: LinkRefusal } {
  const link = getAccountLinkByHash(db, hashSessionToken(sessionSecret, `link:${token}`));
  if (!link || link.kind !== kind) return { refusal: 'unknown' };
  if (link.usedAt !== null) return { refusal: 'used' };
  if (link.revokedAt !== null) return { refusal: 'revoked' };
  if (link.expiresAt <= now.toISOString()) return { refusal: 'expired' };
  return { link };
}

/**
 * Uses the link for the person it made or reset. Call inside the transaction that does the link's
 * work: when another request used it first, this throws and the work is rolled back.
 */
export function consumeLink(db: Db, link: AccountLink, usedBy: number, now: Date): void {
  if (!markAccountLinkUsed(db, link.id, usedBy, now.toISOString())) throw new LinkAlreadyUsed();
}

/** The link stopped being usable between its check and its use. */
export class LinkAlreadyUsed extends Error {
  constructor() {
    super(linkRefusalWords.used);
  }
}
