/**
 * Backing up and restoring a Scope database, with its session secret. No HTTP here; the scripts
 * `npm run backup` and `npm run restore` print what these return.
 *
 * A backup is made with SQLite's online backup, which copies a consistent snapshot while the server
 * keeps running (copying the file alone misses whatever still sits in its -wal file). Every session
 * and API token is stored as a hash keyed with the secret, so a database without its secret signs
 * everyone out and breaks every agency's token: the secret goes beside the backup, and a restore
 * refuses a secret the database was not used with.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { sessionSecretFileOf } from '../config';
import { makePrivate, openDatabase } from '../db';
import type { ChainReport } from '../domain/auditChain';
import { verifyAuditChain } from '../queries/audit';
import { checkSessionSecret, type SecretCheck } from './secret';

/** A backup or restore refused, saying why and what to do. Nothing was written. */
export class OperationRefused extends Error {}

/** What a database file holds and whether it checks out. */
export type DatabaseCheck = {
  path: string;
  bytes: number;
  /** `PRAGMA integrity_check`: "ok", or the first problem SQLite found. */
  integrity: string;
  auditChain: ChainReport;
  /** Whether the secret is the one the database was used with ("recorded": it says nothing yet). */
  secret: SecretCheck;
  /** Rows in the tables people care about. */
  rows: { submissions: number; dataValues: number; auditEntries: number; apiTokens: number };
};

/**
 * A connection that only reads. Not a read-only one: that leaves -wal and -shm files behind, which
 * would look like a running server to `restore`.
 */
const openToRead = (path: string) => new Database(path, { fileMustExist: true });

/** Checks a database file without changing it. */
export function checkDatabaseFile(path: string, secret: string): DatabaseCheck {
  const db = openToRead(path);
  try {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      path,
      bytes: statSync(path).size,
      integrity: (db.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; '),
      auditChain: verifyAuditChain(db),
      secret: checkSessionSecret(db, secret, { record: false }),
      rows: {
        submissions: count('submissions'),
        dataValues: count('data_values'),
        auditEntries: count('audit_log'),
        apiTokens: count('api_tokens'),
      },
    };
  } finally {
    db.close();
  }
}

/** Where the secret is: a file to copy beside the backup, or the environment (nothing to copy). */
export type SecretSource = { secret: string; file: string | null };

export type BackupResult = {
  backup: DatabaseCheck;
  /** Where the secret was copied to, or null when SCOPE_SESSION_SECRET gives it and it must be kept by hand. */
  secretCopy: string | null;
  milliseconds: number;
};

/**
 * Backs up the database at `source` to `target` while it may be in use, copies its secret beside it
 * as `target.secret`, and checks the copy. Refuses a target that exists unless `force`.
 */
export async function backupDatabase(
  source: string,
  target: string,
  secret: SecretSource,
  options: { force?: boolean } = {},
): Promise<BackupResult> {
  const started = performance.now();
  if (!existsSync(source)) throw new OperationRefused(`There is no database at ${source} to back up.`);
  const secretCopy = secret.file ? sessionSecretFileOf(target) : null;
  for (const file of [target, secretCopy])
    if (file && existsSync(file) && !options.force)
      throw new OperationRefused(
        `${file} already exists. Choose another name, or pass --force to replace it.`,
      );
  const db = openDatabase(source);
  try {
    // Records which secret the database is used with if nothing says so yet, so the backup can tell.
    if (checkSessionSecret(db, secret.secret) === 'differs')
      throw new OperationRefused(
        `The configured secret is not the one ${source} was used with, so a backup with it could not be restored. Check SCOPE_SESSION_SECRET and ${sessionSecretFileOf(source)}.`,
      );
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    rmSync(target, { force: true });
    makePrivate(target);
    await db.backup(target);
  } finally {
    db.close();
  }
  if (secretCopy && secret.file) {
    rmSync(secretCopy, { force: true });
    writeFileSync(secretCopy, readFileSync(secret.file), { mode: 0o600 });
  }
  return {
    backup: checkDatabaseFile(target, secret.secret),
    secretCopy,
    milliseconds: performance.now() - started,
  };
}

export type RestoreResult = {
  restored: DatabaseCheck;
  /** Where the secret was written, or null when it comes from SCOPE_SESSION_SECRET. */
  secretFile: string | null;
  milliseconds: number;
};

/**
 * Restores the backup at `backup` to `target`, with the secret kept beside the backup (or, failing
 * that, the one SCOPE_SESSION_SECRET gives). Refuses, changing nothing, when the backup is damaged,
 * its audit chain is broken, its secret is missing or wrong, or a database is already at `target`
 * (unless `force`), or Scope looks to be running on it.
 */
export async function restoreDatabase(
  backup: string,
  target: string,
  options: { environmentSecret?: string | null; force?: boolean } = {},
): Promise<RestoreResult> {
  const started = performance.now();
  if (!existsSync(backup)) throw new OperationRefused(`There is no backup at ${backup}.`);
  const backupSecretFile = sessionSecretFileOf(backup);
  const fromFile = existsSync(backupSecretFile);
  const secret = fromFile ? readFileSync(backupSecretFile, 'utf8').trim() : options.environmentSecret;
  if (!secret)
    throw new OperationRefused(
      `The backup's secret is missing: it should be at ${backupSecretFile}. Without it every sign-in and API token would stop working. Put the secret file there (or set SCOPE_SESSION_SECRET to it) and run again.`,
    );
  const check = checkDatabaseFile(backup, secret);
  if (check.integrity !== 'ok')
    throw new OperationRefused(`The backup ${backup} is damaged: SQLite reports "${check.integrity}".`);
  if (check.secret === 'differs')
    throw new OperationRefused(
      `The secret ${fromFile ? `in ${backupSecretFile}` : 'in SCOPE_SESSION_SECRET'} is not the one this backup was used with: every sign-in and API token would stop working. Find the backup's own secret.`,
    );
  if (!check.auditChain.ok && !options.force)
    throw new OperationRefused(
      `The backup's audit log is broken at entry ${check.auditChain.entryId}: ${check.auditChain.problem} Restore an older backup, or pass --force to restore this one anyway.`,
    );
  if (existsSync(`${target}-wal`) || existsSync(`${target}-shm`))
    throw new OperationRefused(
      `Scope looks to be running on ${target} (its -wal file is there): stop it first. If it is stopped, it did not close cleanly: start and stop it once, then restore.`,
    );
  if (existsSync(target) && !options.force)
    throw new OperationRefused(
      `A database is already at ${target}. Back it up if you may need it, then run again with --force to replace it.`,
    );

  // Written beside the target and renamed over it, so a failure part-way leaves the old one whole.
  const restoring = `${target}.restoring`;
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  rmSync(restoring, { force: true });
  makePrivate(restoring);
  const source = openToRead(backup);
  try {
    await source.backup(restoring);
  } finally {
    source.close();
  }
  renameSync(restoring, target);
  const secretFile = fromFile ? sessionSecretFileOf(target) : null;
  if (secretFile) {
    rmSync(secretFile, { force: true });
    writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  }
  return {
    restored: checkDatabaseFile(target, secret),
    secretFile,
    milliseconds: performance.now() - started,
  };
}
