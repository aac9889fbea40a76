import { describe, expect, test } from 'vitest';
import {
  base32Decode,
  base32Encode,
  decryptTotpSecret,
  encryptTotpSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  totpCode,
  totpStep,
  verifyTotp,
} from './totp';

// RFC 6238 appendix B, SHA-1: the secret is the ASCII bytes "12345678901234567890".
const rfcSecret = base32Encode(Buffer.from('12345678901234567890', 'ascii'));

describe('codes', () => {
  test.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('at %i seconds the code is %s (RFC 6238), and its last six digits for people', (seconds, expected) => {
    const step = totpStep(new Date(seconds * 1000));
    expect(totpCode(rfcSecret, step, 8)).toBe(expected);
    expect(totpCode(rfcSecret, step)).toBe(expected.slice(-6));
  });

  test('a secret is 20 random bytes in base32, read back the same', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(newTotpSecret()).not.toBe(secret);
  });

  test('the previous, current and next step are accepted; two steps away is not', () => {
    const now = new Date(1234567890 * 1000);
    const step = totpStep(now);
    for (const offset of [-1, 0, 1])
      expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step + offset), now, null)).toBe(step + offset);
    for (const offset of [-2, 2])
      expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step + offset), now, null)).toBeNull();
  });

  test('a code works once: a step at or before the last one used is refused', () => {
    const now = new Date(1234567890 * 1000);
    const step = totpStep(now);
    const code = totpCode(rfcSecret, step);
    expect(verifyTotp(rfcSecret, code, now, step - 1)).toBe(step);
    expect(verifyTotp(rfcSecret, code, now, step)).toBeNull();
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step - 1), now, step)).toBeNull();
  });

  test('spaces in a typed code are ignored; anything but six digits is refused', () => {
    const now = new Date(59 * 1000);
    expect(verifyTotp(rfcSecret, '287 082', now, null)).toBe(1);
    expect(verifyTotp(rfcSecret, '94287082', now, null)).toBeNull();
    expect(verifyTotp(rfcSecret, 'abcdef', now, null)).toBeNull();
  });

  test('the otpauth address names the coalition and the person', () => {
    const uri = new URL(otpauthUri({ secret: rfcSecret, account: 'ana@test.example', issuer: 'Scope TEST' }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Scope TEST:ana@test.example');
    expect(uri.searchParams.get('secret')).toBe(rfcSecret);
    expect(uri.searchParams.get('issuer')).toBe('Scope TEST');
  });
});

describe('the stored secret', () => {
  test('encrypts with a fresh IV each time and decrypts with the same session secret', () => {
    const secret = newTotpSecret();
    const first = encryptTotpSecret('session secret one', secret);
    const second = encryptTotpSecret('session secret one', secret);
    expect(first).not.toContain(secret);
    expect(first).not.toBe(second);
    expect(decryptTotpSecret('session secret one', first)).toBe(secret);
    expect(decryptTotpSecret('session secret one', second)).toBe(secret);
  });

  test('another key cannot read it, and a changed one is refused', () => {
    const stored = encryptTotpSecret('session secret one', newTotpSecret());
    expect(() => decryptTotpSecret('session secret two', stored)).toThrow();
    const [iv, tag, data] = stored.split('.');
    const flipped = `${iv}.${tag}.${data?.startsWith('A') ? `B${data.slice(1)}` : `A${data?.slice(1)}`}`;
    expect(() => decryptTotpSecret('session secret one', flipped)).toThrow();
  });
});

describe('recovery codes', () => {
  test('ten different codes from an alphabet without look-alike characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXYZ234679]{4}(-[ACDEFGHJKMNPQRTUVWXYZ234679]{4}){2}$/);
  });

  test('a code hashes the same however it is typed, and differently under another key', () => {
    expect(hashRecoveryCode('k', '7KQ2-M9XD-4TPA')).toBe(hashRecoveryCode('k', ' 7kq2 m9xd 4tpa '));
    expect(hashRecoveryCode('k', '7KQ2-M9XD-4TPA')).not.toBe(hashRecoveryCode('other', '7KQ2-M9XD-4TPA'));
  });
});
