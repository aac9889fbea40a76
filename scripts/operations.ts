/** What `npm run backup` and `npm run restore` share: reading their arguments and saying what a file holds. */
import { parseArgs } from 'node:util';
import type { DatabaseCheck } from '../api/services/backup';

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The one file named, the path given with `--<pathFlag>`, and --force; the usage line on anything else. */
export function readArgs(usage: string, pathFlag: string) {
  try {
    const { values, positionals } = parseArgs({
      options: {
        [pathFlag]: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    if (positionals.length !== 1) fail(usage);
    const path = values[pathFlag];
    return {
      file: positionals[0] as string,
      path: typeof path === 'string' ? path : undefined,
      force: values.force === true,
    };
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
}

/** What a database file holds and whether it checks out, in a few lines. */
export function describeCheck(check: DatabaseCheck): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const chain = check.auditChain.ok
    ? `chain intact, last entry ${check.auditChain.lastId ?? 'none'}, hash ${check.auditChain.lastHash}`
    : `chain BROKEN at entry ${check.auditChain.entryId}: ${check.auditChain.problem}`;
  return [
    `  ${n(check.bytes)} bytes; integrity ${check.integrity}`,
    `  ${n(check.rows.submissions)} submissions, ${n(check.rows.dataValues)} data values, ${n(check.rows.apiTokens)} API tokens`,
    `  ${n(check.rows.auditEntries)} audit entries: ${chain}`,
  ].join('\n');
}
