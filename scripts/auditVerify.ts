/**
 * `npm run audit:verify`: walks the audit log's hash chain and says whether it is intact.
 *
 *   npm run audit:verify -- [--db PATH] [--anchor ID:HASH]
 *
 * Prints OK with the number of entries and the last hash, or the first broken entry and what is
 * wrong with it, and exits 1. Someone able to write the database could recompute the whole chain
 * after changing it, so write the last hash down somewhere else now and then (the backup script
 * prints it too): --anchor checks that the chain still has that hash at that entry.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { config } from '../api/config';
import { getAuditHash, verifyAuditChain } from '../api/queries/audit';
import { fail } from './operations';

const usage = 'Usage: npm run audit:verify -- [--db PATH] [--anchor ID:HASH]';

function readArgs() {
  try {
    return parseArgs({
      options: {
        db: { type: 'string' },
        anchor: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
}

const args = readArgs();
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const anchor = args.anchor?.match(/^(\d+):([0-9a-f]{64})$/);
if (args.anchor !== undefined && !anchor)
  fail(`--anchor takes an entry number and its hash, like 1234:<64 hex digits>, not "${args.anchor}".`);

const databasePath = args.db === undefined ? config().databasePath : resolve(args.db);
if (!existsSync(databasePath)) fail(`There is no database at ${databasePath}.`);
// Only reads. Not a read-only connection: that would leave -wal and -shm files beside a backup.
const db = new Database(databasePath, { fileMustExist: true });
try {
  const report = verifyAuditChain(db);
  if (!report.ok)
    fail(
      `BROKEN at entry ${report.entryId}: ${report.problem}\n${report.entries} entries before it are intact.`,
    );
  if (anchor) {
    const [, id, hash] = anchor;
    const found = getAuditHash(db, Number(id));
    if (found !== hash)
      fail(
        found === undefined
          ? `BROKEN: entry ${id}, written down earlier, is no longer in the log (the chain was cut short).`
          : `BROKEN: entry ${id} no longer has the hash written down earlier: the log was rewritten from there on.`,
      );
  }
  console.log(
    `OK: ${report.entries} audit entries, chain intact. Last entry ${report.lastId ?? 'none'}, hash ${report.lastHash}` +
      (anchor ? `\nThe chain still passes through entry ${anchor[1]} as written down.` : ''),
  );
} finally {
  db.close();
}
