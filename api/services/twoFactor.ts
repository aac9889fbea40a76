/**
 * A person's two-factor sign-in: setting it up (a pending secret that takes effect once a code from
 * it is typed back), checking a code or a recovery code at sign-in, new recovery codes, turning it off.
 * The caller checks permission, holds the transaction and audits. No HTTP here.
 */
import QRCode from 'qrcode';
import {
  decryptTotpSecret,
  encryptTotpSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  verifyTotp,
} from '../auth/totp';
import type { Config } from '../config';
import type { Db } from '../db';
import {
  countUnusedRecoveryCodes,
  disableTotp,
  enableTotp,
  getTwoFactor,
  markRecoveryCodeUsed,
  recordTotpStep,
  replaceRecoveryCodes,
  setPendingTotpSecret,
} from '../queries/twoFactor';
import { coalitionProfile } from './coalition';

/** What a person needs to add Scope to an authenticator app. */
export type TwoFactorSetup = {
  /** The secret in base32, to type into the app when the QR code can't be scanned. */
  secret: string;
  otpauthUri: string;
  /** The otpauth address as a QR code, an SVG image. */
  qrCodeSvg: string;
};

/** Whether a person has two-factor on, since when, and how many recovery codes they have left. */
export function twoFactorStatus(db: Db, userId: number) {
  const state = getTwoFactor(db, userId);
  const enabledAt = state?.enabledAt ?? null;
  return {
    enabled: enabledAt !== null,
    enabledAt,
    recoveryCodesLeft: enabledAt === null ? 0 : countUnusedRecoveryCodes(db, userId),
  };
}

/**
 * Keeps a new secret for the person, pending: two-factor is not on (nor an earlier pending secret
 * kept) until a code from the new one is typed back. The app names the coalition and the person.
 */
export function startTwoFactorSetup(
  db: Db,
  config: Config,
  person: { id: number; email: string },
): Omit<TwoFactorSetup, 'qrCodeSvg'> {
  const secret = newTotpSecret();
  const profile = coalitionProfile(db, config);
  const issuer = profile.shortName ? `Scope ${profile.shortName}` : 'Scope';
  setPendingTotpSecret(db, person.id, encryptTotpSecret(config.sessionSecret, secret));
  return { secret, otpauthUri: otpauthUri({ secret, account: person.email, issuer }) };
}

/** The set-up with its QR code drawn (outside the transaction that kept the secret: drawing takes a moment). */
export async function withQrCode(setup: Omit<TwoFactorSetup, 'qrCodeSvg'>): Promise<TwoFactorSetup> {
  const qrCodeSvg = await QRCode.toString(setup.otpauthUri, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return { ...setup, qrCodeSvg };
}

/** The person's secret in force (or pending, with `pending`), decrypted; null when there is none. */
function storedSecret(db: Db, config: Config, userId: number, pending: boolean) {
  const state = getTwoFactor(db, userId);
  if (!state?.totpSecret || (state.enabledAt === null) !== pending) return null;
  return { secret: decryptTotpSecret(config.sessionSecret, state.totpSecret), lastStep: state.lastStep };
}

/**
 * Turns two-factor on when the code comes from the pending secret: returns the new recovery codes
 * (shown once, kept only as hashes), or null for a wrong code or no pending set-up.
 */
export function confirmTwoFactorSetup(
  db: Db,
  config: Config,
  userId: number,
  code: string,
  now: Date,
): string[] | null {
  const pending = storedSecret(db, config, userId, true);
  const step = pending && verifyTotp(pending.secret, code, now, null);
  if (step === null || step === undefined || !pending) return null;
  enableTotp(db, userId, now.toISOString(), step);
  return replaceWithNewRecoveryCodes(db, config, userId);
}

function replaceWithNewRecoveryCodes(db: Db, config: Config, userId: number): string[] {
  const codes = newRecoveryCodes();
  replaceRecoveryCodes(
    db,
    userId,
    codes.map((code) => hashRecoveryCode(config.sessionSecret, code)),
  );
  return codes;
}

/** Whether a code from the person's authenticator app is right now, using it up if it is. */
export function checkTwoFactorCode(db: Db, config: Config, userId: number, code: string, now: Date): boolean {
  const active = storedSecret(db, config, userId, false);
  const step = active && verifyTotp(active.secret, code, now, active.lastStep);
  return step !== null && step !== undefined && recordTotpStep(db, userId, step);
}

/**
 * Uses up one of the person's recovery codes: how many are left after it, or null when the code is
 * not one of theirs or was used before.
 */
export function spendRecoveryCode(
  db: Db,
  config: Config,
  userId: number,
  recoveryCode: string,
  now: Date,
): number | null {
  if (!twoFactorStatus(db, userId).enabled) return null;
  if (
    !markRecoveryCodeUsed(db, userId, hashRecoveryCode(config.sessionSecret, recoveryCode), now.toISOString())
  )
    return null;
  return countUnusedRecoveryCodes(db, userId);
}

/** A new set of recovery codes in place of every earlier one, for a person with two-factor on. */
export function renewRecoveryCodes(db: Db, config: Config, userId: number): string[] {
  return replaceWithNewRecoveryCodes(db, config, userId);
}

/** Turns two-factor off: the secret and the recovery codes are removed. */
export function turnOffTwoFactor(db: Db, userId: number): void {
  disableTotp(db, userId);
}
