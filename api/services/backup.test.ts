import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, onTestFinished } from 'vitest';
import { loadConfig } from '../config';
import { openDatabase } from '../db';
import { recordAudit } from '../queries/audit';
import { apiTest, createTestApp, ensurePeriod } from '../testing';
import { backupDatabase, OperationRefused, restoreDatabase } from './backup';
import { assertSessionSecret } from './secret';

const test = apiTest;

/** A folder of the test's own, removed when it ends. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scope-backup-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The configuration the server would have over this database file: its secret kept beside it. */
const configFor = (path: string) => loadConfig({ SCOPE_DB: path, NODE_ENV: 'test' });

const mode = (path: string) => statSync(path).mode & 0o777;

/**
 * Another connection writing numbered rows, one transaction each, as fast as it can until stopped:
 * a server busy while the backup runs. Plain JavaScript in a thread, so it truly runs alongside.
 */
function startWriter(path: string) {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     const Database = require(workerData.module);
     const db = new Database(workerData.path);
     db.pragma('busy_timeout = 5000');
     const insert = db.prepare("INSERT INTO settings (key, value) VALUES ('load-' || ?, 'x')");
     let n = 0;
     while (Atomics.load(workerData.stop, 0) === 0) {
       insert.run(String(n).padStart(6, '0'));
       n += 1;
       if (n === 20) parentPort.postMessage('writing');
     }
     db.close();
     parentPort.postMessage(n);`,
    { eval: true, workerData: { path, stop, module: require.resolve('better-sqlite3') } },
  );
  const messages: unknown[] = [];
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  return {
    writing: next(),
    async stop(): Promise<number> {
      const written = next();
      Atomics.store(stop, 0, 1);
      messages.push(await written);
      return messages[0] as number;
    },
  };
}

/** The numbered rows a database holds: a prefix 0…n−1 when it is a consistent snapshot. */
const loadRows = (path: string) => {
  const db = openDatabase(path);
  try {
    return db
      .prepare("SELECT key FROM settings WHERE key LIKE 'load-%' ORDER BY key")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
};

describe('backup and restore', () => {
  test('a backup taken while another connection writes restores whole: rows, sign-ins and API tokens work', async ({
    db,
    dbPath,
    signIn,
  }) => {
    const config = configFor(dbPath);
    const app = createTestApp(db, config);
    const river = await signIn('river@test.example', app);
    const made = await app.request('/api/agencies/RIVER/tokens', {
      method: 'POST',
      headers: { Cookie: river, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Case management export' }),
    });
    const { token } = await made.json();
    ensurePeriod(db, '2026Q4', true);
    for (let i = 0; i < 50; i += 1) recordAudit(db, { userId: null, action: 'sign-in', entityType: 'user' });

    const writer = startWriter(dbPath);
    await writer.writing;
    const target = join(folder(), 'scope-backup.db');
    const backup = await backupDatabase(dbPath, target, {
      secret: config.sessionSecret,
      file: config.sessionSecretFile,
    });
    const written = await writer.stop();

    expect(backup.backup).toMatchObject({ integrity: 'ok', secret: 'matches', auditChain: { ok: true } });
    expect(backup.secretCopy).toBe(`${target}.secret`);
    expect(readFileSync(`${target}.secret`, 'utf8').trim()).toBe(config.sessionSecret);
    expect(mode(target)).toBe(0o600);
    expect(mode(`${target}.secret`)).toBe(0o600);
    // A consistent snapshot: every row written before some moment, none after it.
    const copied = loadRows(target);
    expect(copied.length).toBeGreaterThanOrEqual(20);
    expect(copied.length).toBeLessThanOrEqual(written);
    expect(copied).toEqual(
      Array.from({ length: copied.length }, (_, i) => `load-${String(i).padStart(6, '0')}`),
    );

    const restoredPath = join(folder(), 'restored', 'scope.db');
    const restored = await restoreDatabase(target, restoredPath);
    expect(restored.restored).toMatchObject({
      integrity: 'ok',
      secret: 'matches',
      auditChain: {
        ok: true,
        lastHash: backup.backup.auditChain.ok ? backup.backup.auditChain.lastHash : '',
      },
      rows: backup.backup.rows,
    });
    expect(mode(restoredPath)).toBe(0o600);
    expect(mode(`${restoredPath}.secret`)).toBe(0o600);
    expect(existsSync(`${restoredPath}-wal`)).toBe(false);

    // The server over the restored file reads the restored secret: the old token and session still work.
    const restoredDb = openDatabase(restoredPath);
    onTestFinished(() => {
      restoredDb.close();
    });
    const restoredConfig = configFor(restoredPath);
    expect(() =>
      assertSessionSecret(restoredDb, restoredConfig.sessionSecret, restoredConfig.sessionSecretFile),
    ).not.toThrow();
    const restoredApp = createTestApp(restoredDb, restoredConfig);
    const byToken = await restoredApp.request('/api/submissions/RIVER/2026Q4/values', {
      headers: { Authorization: `Bearer ${token.secret}` },
    });
    expect(byToken.status).toBe(200);
    expect((await restoredApp.request('/api/me', { headers: { Cookie: river } })).status).toBe(200);
  });

  test('a server started with another secret refuses, saying where the right one goes', ({ db, dbPath }) => {
    const config = configFor(dbPath);
    assertSessionSecret(db, config.sessionSecret, config.sessionSecretFile);
    expect(() => assertSessionSecret(db, 'x'.repeat(64), config.sessionSecretFile)).toThrow(
      `different session secret: every sign-in and API token would stop working. Put the database's own secret in ${dbPath}.secret`,
    );
  });

  test('a restore refuses, changing nothing, without the secret, with a wrong one, or over a database', async ({
    dbPath,
  }) => {
    const config = configFor(dbPath);
    const dir = folder();
    const backup = join(dir, 'backup.db');
    await backupDatabase(dbPath, backup, { secret: config.sessionSecret, file: config.sessionSecretFile });
    await expect(
      backupDatabase(dbPath, backup, { secret: config.sessionSecret, file: config.sessionSecretFile }),
    ).rejects.toThrow(/already exists. Choose another name, or pass --force/);
    const target = join(dir, 'restored.db');

    const secret = readFileSync(`${backup}.secret`);
    rmSync(`${backup}.secret`);
    await expect(restoreDatabase(backup, target)).rejects.toThrow(
      /The backup's secret is missing: it should be at/,
    );
    writeFileSync(`${backup}.secret`, 'f'.repeat(64));
    await expect(restoreDatabase(backup, target)).rejects.toThrow(/is not the one this backup was used with/);
    expect(existsSync(target)).toBe(false);

    writeFileSync(`${backup}.secret`, secret);
    await restoreDatabase(backup, target);
    await expect(restoreDatabase(backup, target)).rejects.toThrow(OperationRefused);
    await expect(restoreDatabase(backup, target)).rejects.toThrow(
      /A database is already at .* --force to replace it/,
    );
    expect((await restoreDatabase(backup, target, { force: true })).restored.integrity).toBe('ok');
  });

  test('a backup whose audit log was tampered with is not restored unless forced', async ({ db, dbPath }) => {
    const config = configFor(dbPath);
    recordAudit(db, { userId: null, action: 'sign-in', entityType: 'user' });
    db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'sign-out';
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'no'); END;`);
    const dir = folder();
    const backup = join(dir, 'backup.db');
    const made = await backupDatabase(dbPath, backup, {
      secret: config.sessionSecret,
      file: config.sessionSecretFile,
    });
    expect(made.backup.auditChain).toMatchObject({ ok: false, entryId: 1 });
    await expect(restoreDatabase(backup, join(dir, 'restored.db'))).rejects.toThrow(
      /audit log is broken at entry 1: Entry 1 was changed/,
    );
    expect(
      (await restoreDatabase(backup, join(dir, 'restored.db'), { force: true })).restored.integrity,
    ).toBe('ok');
  });
});
