import { type Db, statement } from '../db';

/** A person's two-factor state: the encrypted secret (pending until `enabledAt`), and the last step used. */
export type TwoFactorState = {
  totpSecret: string | null;
  enabledAt: string | null;
  lastStep: number | null;
};

export function getTwoFactor(db: Db, userId: number): TwoFactorState | undefined {
  return statement(
    db,
    `SELECT totp_secret AS totpSecret, totp_enabled_at AS enabledAt, totp_last_step AS lastStep
     FROM users WHERE id = ?`,
  ).get(userId) as TwoFactorState | undefined;
}

/** Keeps a new secret that is not in force until it is confirmed with a code from it. */
export function setPendingTotpSecret(db: Db, userId: number, encryptedSecret: string): void {
  statement(
    db,
    'UPDATE users SET totp_secret = ?, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = ?',
  ).run(encryptedSecret, userId);
}

/** Puts the pending secret in force, its confirming code's step counted as used. */
export function enableTotp(db: Db, userId: number, at: string, step: number): void {
  statement(db, 'UPDATE users SET totp_enabled_at = ?, totp_last_step = ? WHERE id = ?').run(
    at,
    step,
    userId,
  );
}

/**
 * Records a code's step as used, unless a later or equal one already is (another request used this
 * code first): returns whether this one counted.
 */
export function recordTotpStep(db: Db, userId: number, step: number): boolean {
  return (
    statement(
      db,
      'UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)',
    ).run(step, userId, step).changes === 1
  );
}

/** Turns two-factor off: the secret and every recovery code go. */
export function disableTotp(db: Db, userId: number): void {
  statement(
    db,
    'UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = ?',
  ).run(userId);
  statement(db, 'DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
}

/** Replaces a person's recovery codes with new ones (their keyed hashes). */
export function replaceRecoveryCodes(db: Db, userId: number, codeHashes: string[]): void {
  statement(db, 'DELETE FROM recovery_codes WHERE user_id = ?').run(userId);
  const insert = statement(db, 'INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)');
  for (const hash of codeHashes) insert.run(userId, hash);
}

/** Uses up one recovery code if it is the person's and unused: returns whether it was. */
export function markRecoveryCodeUsed(db: Db, userId: number, codeHash: string, at: string): boolean {
  return (
    statement(
      db,
      'UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL',
    ).run(at, userId, codeHash).changes === 1
  );
}

export function countUnusedRecoveryCodes(db: Db, userId: number): number {
  return statement(db, 'SELECT count(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL')
    .pluck()
    .get(userId) as number;
}

export type SignInChallenge = {
  userId: number;
  purpose: 'code' | 'enroll';
  signOutOthers: boolean;
  attempts: number;
};

/** Stores a sign-in waiting for its second step, replacing any earlier one of the same person. */
export function insertSignInChallenge(
  db: Db,
  challenge: {
    tokenHash: string;
    userId: number;
    purpose: 'code' | 'enroll';
    signOutOthers: boolean;
    createdAt: string;
    expiresAt: string;
  },
): void {
  statement(db, 'DELETE FROM sign_in_challenges WHERE user_id = ? OR expires_at <= ?').run(
    challenge.userId,
    challenge.createdAt,
  );
  statement(
    db,
    `INSERT INTO sign_in_challenges (token_hash, user_id, purpose, sign_out_others, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    challenge.tokenHash,
    challenge.userId,
    challenge.purpose,
    challenge.signOutOthers ? 1 : 0,
    challenge.createdAt,
    challenge.expiresAt,
  );
}

/** A live challenge, of a person still active. */
export function getSignInChallenge(db: Db, tokenHash: string, now: string): SignInChallenge | undefined {
  const row = statement(
    db,
    `SELECT c.user_id AS userId, c.purpose, c.sign_out_others AS signOutOthers, c.attempts
     FROM sign_in_challenges c JOIN users u ON u.id = c.user_id
     WHERE c.token_hash = ? AND c.expires_at > ? AND u.active = 1`,
  ).get(tokenHash, now) as (Omit<SignInChallenge, 'signOutOthers'> & { signOutOthers: number }) | undefined;
  return row && { ...row, signOutOthers: row.signOutOthers === 1 };
}

/** Counts a wrong code against a challenge; returns how many wrong codes it has had. */
export function countChallengeFailure(db: Db, tokenHash: string): number {
  return statement(
    db,
    'UPDATE sign_in_challenges SET attempts = attempts + 1 WHERE token_hash = ? RETURNING attempts',
  )
    .pluck()
    .get(tokenHash) as number;
}

export function deleteSignInChallenge(db: Db, tokenHash: string): void {
  statement(db, 'DELETE FROM sign_in_challenges WHERE token_hash = ?').run(tokenHash);
}

/** Ends every sign-in of a person waiting for its second step (its password may no longer be theirs). */
export function deleteSignInChallengesOf(db: Db, userId: number): void {
  statement(db, 'DELETE FROM sign_in_challenges WHERE user_id = ?').run(userId);
}
