/**
 * `npm run backup -- FILE`: a consistent copy of the configured database, safe while Scope runs,
 * with its secret beside it as FILE.secret.
 *
 *   npm run backup -- FILE [--db PATH] [--force]
 *
 * Keep FILE and FILE.secret together and private: the database holds every agency's raw counts and
 * the secret lets anyone holding it forge a sign-in.
 */
import { resolve } from 'node:path';
import { config, loadConfig } from '../api/config';
import { backupDatabase, OperationRefused } from '../api/services/backup';
import { describeCheck, fail, readArgs } from './operations';

const usage = 'Usage: npm run backup -- FILE [--db PATH] [--force]';
const args = readArgs(usage, 'db');
// Another database is read with its own secret, found as the server would find it.
const settings =
  args.path === undefined ? config() : loadConfig({ ...process.env, SCOPE_DB: resolve(args.path) });

try {
  const result = await backupDatabase(
    settings.databasePath,
    resolve(args.file),
    { secret: settings.sessionSecret, file: settings.sessionSecretFile },
    { force: args.force },
  );
  console.log(
    `Backed up ${settings.databasePath} to ${result.backup.path} in ${(result.milliseconds / 1000).toFixed(2)} s:`,
  );
  console.log(describeCheck(result.backup));
  if (result.secretCopy)
    console.log(`The secret is beside it at ${result.secretCopy}: keep the two together.`);
  else
    console.log(
      '\n*** The secret comes from SCOPE_SESSION_SECRET and is NOT in this backup. ***\n' +
        'Keep its value with the backup: restoring without it signs everyone out and breaks every API token.',
    );
  console.log(
    'Write the last audit hash down somewhere other than this server: `npm run audit:verify -- --anchor ENTRY:HASH` checks the log still passes through it.',
  );
  if (!result.backup.auditChain.ok || result.backup.integrity !== 'ok') process.exit(1);
} catch (error) {
  if (error instanceof OperationRefused) fail(error.message);
  throw error;
}
