/**
 * The audit log's hash chain: each entry's hash covers its own contents and the previous entry's
 * hash, so changing, removing or inserting an entry anywhere breaks every link after it. No SQL here.
 *
 * The hash is plain SHA-256, not keyed with the server's secret: anyone holding a copy of the
 * database (an auditor, a restored backup) can verify it, and replacing the secret does not make the
 * history unverifiable. Someone able to write the database file could recompute the whole chain, so
 * the last hash is also kept outside it (printed by `npm run audit:verify` and `npm run backup`) and
 * `audit:verify --anchor` checks the chain still passes through a hash written down earlier.
 */
import { createHash } from 'node:crypto';

/** The "previous hash" of the first entry. */
export const firstPreviousHash = '0'.repeat(64);

/** An audit entry as stored, with the columns its hash covers. */
export type ChainedEntry = {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The stored JSON text, hashed as stored. */
  details: string;
  prevHash: string;
  hash: string;
};

/**
 * The entry's hash: SHA-256 over a JSON array of its columns in a fixed order, ending with the
 * previous entry's hash. A JSON array has one spelling for a given list of strings, numbers and nulls.
 */
export function auditEntryHash(entry: Omit<ChainedEntry, 'hash'>): string {
  const canonical = JSON.stringify([
    entry.id,
    entry.at,
    entry.userId,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.details,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Where a walk of the chain stopped: the first entry that is not what the chain says it should be. */
export type ChainBreak = { entryId: number; problem: string };

/** What a walk of the chain found. */
export type ChainReport =
  | { ok: true; entries: number; lastId: number | null; lastHash: string }
  | ({ ok: false; entries: number } & ChainBreak);

/** Walks entries in id order from wherever `start` says the chain stood before them. */
export class ChainWalk {
  private entries = 0;
  private previous: { id: number; hash: string } | null;
  private broken: ChainBreak | null = null;

  /** `start` is the entry before the first one to be walked, or null to walk from the beginning. */
  constructor(start: { id: number; hash: string } | null = null) {
    this.previous = start;
  }

  /** Checks the next entry; returns false once the chain is broken (later entries are not checked). */
  add(entry: ChainedEntry): boolean {
    if (this.broken) return false;
    this.broken = this.check(entry);
    if (this.broken) return false;
    this.entries += 1;
    this.previous = { id: entry.id, hash: entry.hash };
    return true;
  }

  private check(entry: ChainedEntry): ChainBreak | null {
    const expectedPrevious = this.previous?.hash ?? firstPreviousHash;
    if (entry.prevHash !== expectedPrevious) {
      if (this.previous && entry.id > this.previous.id + 1)
        return {
          entryId: entry.id,
          problem: `${describeRange(this.previous.id + 1, entry.id - 1)} missing: entry ${entry.id} follows entry ${this.previous.id}.`,
        };
      if (!this.previous && entry.prevHash !== firstPreviousHash)
        return {
          entryId: entry.id,
          problem: `The entries before entry ${entry.id} are missing: it is not the first entry of the chain.`,
        };
      return {
        entryId: entry.id,
        problem: `Entry ${entry.id} does not link to the entry before it: an entry before it was changed, removed or inserted.`,
      };
    }
    if (auditEntryHash(entry) !== entry.hash)
      return {
        entryId: entry.id,
        problem: `Entry ${entry.id} was changed after it was written: its contents no longer match its hash.`,
      };
    return null;
  }

  /** The outcome so far. */
  report(): ChainReport {
    if (this.broken) return { ok: false, entries: this.entries, ...this.broken };
    return {
      ok: true,
      entries: this.entries,
      lastId: this.previous?.id ?? null,
      lastHash: this.previous?.hash ?? firstPreviousHash,
    };
  }
}

const describeRange = (from: number, to: number) =>
  from === to ? `Entry ${from} is` : `Entries ${from} to ${to} are`;
