/**
 * Slows password guessing: after `limit` failed sign-ins for one email within the window, further
 * attempts for it are refused until the window passes. Kept in memory: one process serves Scope, and
 * a restart forgetting the count is acceptable.
 */
export class SignInAttempts {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  isBlocked(email: string, now = Date.now()): boolean {
    const entry = this.failures.get(email.toLowerCase());
    if (!entry) return false;
    if (entry.resetAt <= now) {
      this.failures.delete(email.toLowerCase());
      return false;
    }
    return entry.count >= this.limit;
  }

  recordFailure(email: string, now = Date.now()): void {
    const key = email.toLowerCase();
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) this.failures.set(key, { count: 1, resetAt: now + this.windowMs });
    else entry.count++;
  }

  recordSuccess(email: string): void {
    this.failures.delete(email.toLowerCase());
  }
}
