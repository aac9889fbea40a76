/**
 * Two-factor sign-in with an authenticator app: time-based one-time codes (RFC 6238, HMAC-SHA-1,
 * 30-second steps, 6 digits), the encryption that keeps each person's secret out of reach of a copy
 * of the database, and recovery codes for a lost phone. No HTTP here.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { hashSessionToken } from './session';

/** Seconds each code lasts: what every authenticator app assumes. */
export const totpStepSeconds = 30;
const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Writes bytes in base32 (RFC 4648, no padding), the form authenticator apps take a secret in. */
export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += base32Alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Reads a base32 secret, ignoring spaces, hyphens, padding and letter case as people type them. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = base32Alphabet.indexOf(char);
    if (index < 0) throw new Error('not a base32 secret');
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** A new secret for one person: 20 random bytes (the SHA-1 block the RFC recommends), in base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The step a moment falls in. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / totpStepSeconds);
}

/** The code for one step of a base32 secret, `digits` long (6 for people; 8 for the RFC's test vectors). */
export function totpCode(secret: string, step: number, digits = 6): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/**
 * The step a typed code matches, or null. The step before and after now are accepted too, for a
 * phone's clock a little off and a code typed as it changed; a step at or before `lastStep` (the last
 * one used) is refused, so a code seen over someone's shoulder can't be used again.
 */
export function verifyTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const typed = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(typed)) return null;
  const current = totpStep(now);
  for (const step of [current - 1, current, current + 1]) {
    if (lastStep !== null && step <= lastStep) continue;
    if (totpCode(secret, step) === typed) return step;
  }
  return null;
}

/** The address an authenticator app reads from the QR code: who the code is for, and for what. */
export function otpauthUri({ secret, account, issuer }: { secret: string; account: string; issuer: string }) {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: String(totpStepSeconds),
  });
  return `otpauth://totp/${label}?${query}`;
}

/** The key that encrypts secrets, derived from the session secret so the database alone holds none. */
function secretKey(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'scope-totp', 'totp secret encryption', 32));
}

/** Encrypts a person's secret for `users.totp_secret` (AES-256-GCM, random IV): `iv.tag.ciphertext`. */
export function encryptTotpSecret(sessionSecret: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey(sessionSecret), iv);
  const encrypted = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), encrypted].map((part) => part.toString('base64url')).join('.');
}

/** Decrypts a stored secret; throws when it was made with another key or changed since. */
export function decryptTotpSecret(sessionSecret: string, stored: string): string {
  const [iv, tag, encrypted] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !encrypted) throw new Error('not an encrypted two-factor secret');
  const decipher = createDecipheriv('aes-256-gcm', secretKey(sessionSecret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(encrypted), decipher.final()]).toString('utf8');
}

/** How many recovery codes a person gets at a time. */
export const recoveryCodeCount = 10;
// No 0/O, 1/I/L, 5/S, 8/B: a code copied from paper must not be misread.
const recoveryAlphabet = 'ACDEFGHJKMNPQRTUVWXYZ234679';

/** A new set of recovery codes, like `7KQ2-M9XD-4TPA`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () =>
    Array.from({ length: 3 }, () =>
      Array.from({ length: 4 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]).join(''),
    ).join('-'),
  );
}

/** A recovery code as typed, reduced to its letters and digits, upper case. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The keyed hash a recovery code is stored as. */
export function hashRecoveryCode(sessionSecret: string, code: string): string {
  return hashSessionToken(sessionSecret, `recovery:${normalizeRecoveryCode(code)}`);
}
