/**
 * Slows password guessing without letting anyone lock a person out. Failed sign-ins are counted three
 * ways, each allowing a few free failures and then making every further attempt wait twice as long
 * as the one before, up to a cap:
 *
 * - per address and account: one place guessing one person's password; tight (5 free);
 * - per address: one place trying many accounts (a spray); looser (20 free), since an office may
 *   share one address;
 * - per account: many places guessing one password; loosest (50 free), and never applied at an
 *   address this person has signed in from before, so a spray from elsewhere can't keep them out.
 *
 * A wait ends by itself, so the worst an attacker can do to someone else is slow them down at a new
 * address during an attack; nobody is ever locked out. Counts are kept in memory (one process serves
 * Scope, and a restart forgetting them is acceptable), each table holding at most `capacity` entries.
 */
export class SignInAttempts {
  private readonly byPair: FailureCounts;
  private readonly byAddress: FailureCounts;
  private readonly byAccount: FailureCounts;
  /** Address-and-account pairs that have signed in successfully, with when they last did. */
  private readonly knownPairs: BoundedMap<number>;

  constructor(capacity = 10_000) {
    this.byPair = new FailureCounts({ free: 5, maxWaitMs: 15 * minute }, capacity);
    this.byAddress = new FailureCounts({ free: 20, maxWaitMs: 15 * minute }, capacity);
    this.byAccount = new FailureCounts({ free: 50, maxWaitMs: 5 * minute }, capacity);
    this.knownPairs = new BoundedMap(capacity);
  }

  /**
   * Whole seconds this address must wait before trying this account, or 0 when it may try now. An
   * attempt let through counts as a failure straight away, so guesses sent all at once can't all slip
   * in before the first answer; `succeeded` or `withdraw` takes it back.
   */
  begin(address: string, email: string, now: number): number {
    const pair = pairKey(address, email);
    const account = accountKey(email);
    const known = this.isKnown(pair, now);
    const waitMs = Math.max(
      this.byPair.waitMs(pair, now),
      this.byAddress.waitMs(address, now),
      known ? 0 : this.byAccount.waitMs(account, now),
    );
    if (waitMs > 0) return Math.ceil(waitMs / 1000);
    this.byPair.add(pair, now);
    this.byAddress.add(address, now);
    if (!known) this.byAccount.add(account, now);
    return 0;
  }

  /**
   * The password was right: this address is now known for this account, and its failures there are
   * forgiven. The address's and the account's other failures stand, so signing in to one's own
   * account can't reset a spray.
   */
  succeeded(address: string, email: string, now: number): void {
    const pair = pairKey(address, email);
    const wasKnown = this.isKnown(pair, now);
    this.byPair.remove(pair);
    this.byAddress.takeBack(address);
    if (!wasKnown) this.byAccount.takeBack(accountKey(email));
    this.knownPairs.set(pair, now, (at) => now - at > rememberAddressMs);
  }

  /** The password was never checked (Scope was too busy): the attempt doesn't count. */
  withdraw(address: string, email: string, now: number): void {
    const pair = pairKey(address, email);
    this.byPair.takeBack(pair);
    this.byAddress.takeBack(address);
    if (!this.isKnown(pair, now)) this.byAccount.takeBack(accountKey(email));
  }

  /** Whether this address has signed in to this account before (in the last 30 days). */
  isTrusted(address: string, email: string, now: number): boolean {
    return this.isKnown(pairKey(address, email), now);
  }

  private isKnown(pair: string, now: number): boolean {
    const at = this.knownPairs.get(pair);
    return at !== undefined && now - at <= rememberAddressMs;
  }
}

const second = 1000;
const minute = 60 * second;
/** A run of failures is forgotten after this long without another. */
const forgetAfterMs = 60 * minute;
/** An address a person signed in from stays trusted for their account this long. */
const rememberAddressMs = 30 * 24 * 60 * minute;

const accountKey = (email: string) => email.trim().toLowerCase();
const pairKey = (address: string, email: string) => `${address}\n${accountKey(email)}`;

type Failures = { count: number; lastAt: number };

/** One way of counting failures: `free` of them, then waits of 1 s, 2 s, 4 s… up to `maxWaitMs`. */
class FailureCounts {
  private readonly entries: BoundedMap<Failures>;

  constructor(
    private readonly limit: { free: number; maxWaitMs: number },
    capacity: number,
  ) {
    this.entries = new BoundedMap(capacity);
  }

  waitMs(key: string, now: number): number {
    const entry = this.entries.get(key);
    if (!entry || now - entry.lastAt >= forgetAfterMs) return 0;
    const beyond = entry.count - this.limit.free;
    if (beyond < 0) return 0;
    const wait = Math.min(second * 2 ** Math.min(beyond, 30), this.limit.maxWaitMs);
    return Math.max(0, entry.lastAt + wait - now);
  }

  add(key: string, now: number): void {
    const entry = this.entries.get(key);
    const count = entry && now - entry.lastAt < forgetAfterMs ? entry.count + 1 : 1;
    this.entries.set(key, { count, lastAt: now }, (e) => now - e.lastAt >= forgetAfterMs);
  }

  takeBack(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (entry.count <= 1) this.entries.delete(key);
    else entry.count--;
  }

  remove(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * A map of at most `capacity` entries, oldest-written first. Each write drops entries that no longer
 * matter from the oldest end and, when still full, the oldest ones: under a flood of new addresses
 * Scope forgets the longest-quiet of them rather than growing without end.
 */
class BoundedMap<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** Writes an entry as the newest; `stale` says which old entries may be dropped to make room. */
  set(key: string, value: V, stale: (value: V) => boolean): void {
    this.entries.delete(key);
    for (const [oldKey, oldValue] of this.entries) {
      if (this.entries.size < this.capacity && !stale(oldValue)) break;
      this.entries.delete(oldKey);
    }
    this.entries.set(key, value);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
