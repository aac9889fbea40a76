import { describe, expect, test } from 'vitest';
import { SignInAttempts } from './attempts';

const start = Date.parse('2027-01-10T17:00:00.000Z');
const seconds = (n: number) => n * 1000;

/** Fails `count` sign-ins as the attacker would: each when allowed, moving the clock to it. */
function failRepeatedly(
  attempts: SignInAttempts,
  address: string,
  email: string,
  count: number,
  from = start,
) {
  let now = from;
  for (let i = 0; i < count; i++) {
    const wait = attempts.begin(address, email, now);
    now += seconds(wait);
    if (wait > 0) expect(attempts.begin(address, email, now)).toBe(0);
  }
  return now;
}

describe('slowing down password guessing', () => {
  test('one address guessing one account: 5 free, then waits of 1, 2, 4… seconds, up to 15 minutes', () => {
    const attempts = new SignInAttempts();
    const now = failRepeatedly(attempts, '203.0.113.7', 'viewer@test.example', 5);
    const waits: number[] = [];
    let at = now;
    for (let i = 0; i < 14; i++) {
      const wait = attempts.begin('203.0.113.7', 'viewer@test.example', at);
      waits.push(wait);
      at += seconds(wait);
      attempts.begin('203.0.113.7', 'viewer@test.example', at);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]);
  });

  test('an email in another letter case is the same account', () => {
    const attempts = new SignInAttempts();
    failRepeatedly(attempts, '203.0.113.7', 'viewer@test.example', 5);
    expect(attempts.begin('203.0.113.7', ' Viewer@Test.Example', start)).toBe(1);
  });

  test('a spray of many accounts from one address: 20 free, then the address waits, for every account', () => {
    const attempts = new SignInAttempts();
    for (let i = 0; i < 20; i++)
      expect(attempts.begin('203.0.113.99', `person${i}@test.example`, start)).toBe(0);
    expect(attempts.begin('203.0.113.99', 'someone-new@test.example', start)).toBe(1);
    expect(attempts.begin('198.51.100.20', 'someone-new@test.example', start)).toBe(0);
  });

  test('guesses from many addresses slow the account down only at addresses its owner has not used', () => {
    const attempts = new SignInAttempts();
    expect(attempts.begin('198.51.100.20', 'admin@test.example', start)).toBe(0);
    attempts.succeeded('198.51.100.20', 'admin@test.example', start);
    for (let i = 0; i < 50; i++) attempts.begin(`203.0.113.${i}`, 'admin@test.example', start);
    expect(attempts.begin('192.0.2.1', 'admin@test.example', start)).toBe(1);
    expect(attempts.begin('198.51.100.20', 'admin@test.example', start)).toBe(0);
    expect(attempts.isTrusted('198.51.100.20', 'Admin@test.example', start)).toBe(true);
    expect(attempts.isTrusted('192.0.2.1', 'admin@test.example', start)).toBe(false);
  });

  test('the waits end by themselves: nobody is ever locked out, and an hour of quiet forgets the failures', () => {
    const attempts = new SignInAttempts();
    const now = failRepeatedly(attempts, '203.0.113.7', 'viewer@test.example', 40);
    const wait = attempts.begin('203.0.113.7', 'viewer@test.example', now);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(attempts.begin('203.0.113.7', 'viewer@test.example', now + seconds(wait))).toBe(0);
    const later = now + seconds(wait) + seconds(60 * 60);
    for (let i = 0; i < 5; i++) expect(attempts.begin('203.0.113.7', 'viewer@test.example', later)).toBe(0);
  });

  test("signing in forgives that address's failures for the account, but not the address's others", () => {
    const attempts = new SignInAttempts();
    for (let i = 0; i < 4; i++) attempts.begin('198.51.100.20', 'mine@test.example', start);
    expect(attempts.begin('198.51.100.20', 'mine@test.example', start)).toBe(0);
    attempts.succeeded('198.51.100.20', 'mine@test.example', start);
    for (let i = 0; i < 5; i++) expect(attempts.begin('198.51.100.20', 'mine@test.example', start)).toBe(0);

    // A sprayer signing in to an account of their own doesn't start the spray's count again.
    for (let i = 0; i < 19; i++) attempts.begin('203.0.113.7', `person${i}@test.example`, start);
    expect(attempts.begin('203.0.113.7', 'sprayer@test.example', start)).toBe(0);
    attempts.succeeded('203.0.113.7', 'sprayer@test.example', start);
    expect(attempts.begin('203.0.113.7', 'person19@test.example', start)).toBe(0);
    expect(attempts.begin('203.0.113.7', 'person20@test.example', start)).toBe(1);
  });

  test('an attempt withdrawn (never checked) does not count', () => {
    const attempts = new SignInAttempts();
    for (let i = 0; i < 10; i++) {
      expect(attempts.begin('203.0.113.7', 'viewer@test.example', start)).toBe(0);
      attempts.withdraw('203.0.113.7', 'viewer@test.example', start);
    }
  });

  test('memory is bounded: beyond its capacity the longest-quiet address is forgotten', () => {
    const attempts = new SignInAttempts(3);
    failRepeatedly(attempts, '203.0.113.1', 'a@test.example', 5);
    expect(attempts.begin('203.0.113.1', 'a@test.example', start)).toBe(1);
    for (const address of ['203.0.113.2', '203.0.113.3', '203.0.113.4'])
      attempts.begin(address, 'b@test.example', start);
    expect(attempts.begin('203.0.113.1', 'a@test.example', start)).toBe(0);
  });
});
