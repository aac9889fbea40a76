/**
 * Whether the session secret is the one a database was used with. Every session and API token is
 * stored as a hash keyed with the secret, so a database restored without its secret would silently
 * sign everyone out and break every agency's token; this makes it a refusal that says what to do.
 * No HTTP here.
 */
import { sessionSecretCheck } from '../config';
import type { Db } from '../db';
import { getSecretCheck, setSecretCheck } from '../queries/secretCheck';

/** What `checkSessionSecret` found. */
export type SecretCheck = 'matches' | 'recorded' | 'differs';

/** Compares the secret with the one recorded in the database, recording it if none was. */
export function checkSessionSecret(db: Db, secret: string, options = { record: true }): SecretCheck {
  const stored = getSecretCheck(db);
  const value = sessionSecretCheck(secret);
  if (stored === undefined) {
    if (options.record) setSecretCheck(db, value);
    return 'recorded';
  }
  return stored === value ? 'matches' : 'differs';
}

/** Refuses to go on with a secret the database was not used with, saying where the right one goes. */
export function assertSessionSecret(db: Db, secret: string, secretFile: string | null): void {
  if (checkSessionSecret(db, secret) !== 'differs') return;
  const where = secretFile
    ? `Put the database's own secret in ${secretFile} (a backup keeps it beside the backup file, as <backup>.secret)`
    : 'Set SCOPE_SESSION_SECRET to the secret this database was used with';
  throw new Error(
    `This database was used with a different session secret: every sign-in and API token would stop working. ${where}, then start again.`,
  );
}
