/**
 * `npm run restore -- FILE`: puts a backup made by `npm run backup` back as the configured database,
 * with the secret kept beside it (FILE.secret). Stop Scope first.
 *
 *   npm run restore -- FILE [--to PATH] [--force]
 *
 * It refuses, changing nothing, when the backup is damaged, its audit log's chain is broken, its
 * secret is missing or is not the one it was used with, or a database is already there (--force
 * replaces it; back it up first).
 */
import { resolve } from 'node:path';
import { config, loadConfig } from '../api/config';
import { OperationRefused, restoreDatabase } from '../api/services/backup';
import { describeCheck, fail, readArgs } from './operations';

const usage = 'Usage: npm run restore -- FILE [--to PATH] [--force]';
const args = readArgs(usage, 'to');
const settings =
  args.path === undefined ? config() : loadConfig({ ...process.env, SCOPE_DB: resolve(args.path) });
if (settings.databasePath === ':memory:') fail('SCOPE_DB is :memory:, so there is nowhere to restore to.');

try {
  const result = await restoreDatabase(resolve(args.file), settings.databasePath, {
    // When the server is given its secret in the environment, that is the one to check the backup against.
    environmentSecret: settings.sessionSecretFile === null ? settings.sessionSecret : null,
    force: args.force,
  });
  console.log(
    `Restored ${resolve(args.file)} to ${result.restored.path} in ${(result.milliseconds / 1000).toFixed(2)} s:`,
  );
  console.log(describeCheck(result.restored));
  console.log(
    result.secretFile
      ? `Its secret is at ${result.secretFile}.`
      : 'Its secret is the one SCOPE_SESSION_SECRET gives: keep setting it when Scope starts.',
  );
  if (result.secretFile && settings.sessionSecretFile === null)
    console.log(
      '*** SCOPE_SESSION_SECRET is set and overrides that file: set it to the backup’s secret, or unset it. ***',
    );
} catch (error) {
  if (error instanceof OperationRefused) fail(error.message);
  throw error;
}
