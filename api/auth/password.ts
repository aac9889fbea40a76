import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// OWASP's scrypt floor (N=2^17, r=8, p=1) takes ~0.3 s on these machines; 2^15 keeps sign-in
// responsive while staying far beyond what a leaked hash can be brute-forced with cheaply.
const N = 2 ** 15;
const r = 8;
const p = 1;
const keyLength = 32;
const maxmem = 128 * N * r * 2;

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64 parts), with a fresh random salt. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, keyLength, { N, r, p, maxmem });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Thrown when so many password checks are waiting that one more would only keep everyone waiting. */
export class PasswordChecksBusy extends Error {
  constructor() {
    super('too many password checks are waiting');
  }
}

/**
 * Runs at most `concurrency` tasks at once, with at most `maxWaiting` more queued; beyond that a task
 * is refused at once with `PasswordChecksBusy`. Tasks marked `first` have a queue of their own, of
 * the same length, that is always served before the other.
 */
export class TaskLimit {
  private running = 0;
  private readonly waiting = { first: [] as Array<() => void>, rest: [] as Array<() => void> };

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(task: () => Promise<T>, first = false): Promise<T> {
    const queue = first ? this.waiting.first : this.waiting.rest;
    if (this.running < this.concurrency) this.running++;
    else if (queue.length >= this.maxWaiting) throw new PasswordChecksBusy();
    // A finishing task hands its place straight to the next waiting one, so `running` stays put.
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.first.shift() ?? this.waiting.rest.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * scrypt runs on Node's small shared thread pool, which also compresses responses and reads files:
 * unbounded, a burst of sign-ins would queue every other request behind it. Two checks at a time
 * leave the rest of the pool free, and a short queue (a second or so of work) answers "busy"
 * at once instead of letting a flood make everyone wait.
 */
const passwordChecks = new TaskLimit(2, 16);

/**
 * Checks a password against a stored hash, in constant time for hashes of the same parameters. Throws
 * `PasswordChecksBusy` when too many checks are already waiting. A `trusted` check (a person at an
 * address they have signed in from before) goes ahead of the others, so a flood of guesses from
 * elsewhere doesn't keep them out.
 */
export function verifyPassword(password: string, stored: string, trusted = false): Promise<boolean> {
  return passwordChecks.run(() => checkPassword(password, stored), trusted);
}

async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, saltB64, hashB64] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !rr || !pp || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, 'base64');
  const cost = { N: Number(n), r: Number(rr), p: Number(pp) };
  const actual = await scryptAsync(password, Buffer.from(saltB64, 'base64'), expected.length, {
    ...cost,
    maxmem: 128 * cost.N * cost.r * 2,
  });
  return timingSafeEqual(actual, expected);
}

let unmatchable: string | undefined;

/**
 * A hash of a random password, checked against when no account has the given email, so a wrong
 * email takes as long to refuse as a wrong password. Made on first use, not at start-up.
 */
export function unmatchableHash(): string {
  unmatchable ??= hashPassword(randomBytes(24).toString('base64'));
  return unmatchable;
}
