import { describe, expect, test } from 'vitest';
import { passwordMinLength, passwordProblem } from './passwordPolicy';

describe('the password policy', () => {
  test.each([
    ['too short', 'short pass', /at least 12/],
    ['a common password', 'password1234', /choose often/],
    ['a common one with spaces', 'pass word 1234', /choose often/],
    ['one character repeated', 'aaaaaaaaaaaaaa', /choose often/],
    ['the email', 'dana.whitfield2026', /email address or name/],
    ['the word Scope', 'scope2026!!!', /Scope/],
  ])('refuses %s', (_, password, message) => {
    expect(
      passwordProblem(password, { email: 'dana.whitfield@example.org', name: 'Dana Whitfield' }),
    ).toMatch(message);
  });

  test('accepts a long passphrase', () => {
    expect(passwordProblem('orchard lantern copper tide', { email: 'dana@example.org' })).toBeNull();
    expect('orchard lantern copper tide'.length).toBeGreaterThanOrEqual(passwordMinLength);
  });
});
