import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect } from 'vitest';
import { projectRoot } from '../config';
import type { Db } from '../db';
import { auditEntryHash, type ChainedEntry } from '../domain/auditChain';
import { apiTest } from '../testing';
import { listAuditEntries, recordAudit, verifyAuditChain } from './audit';

const test = apiTest.override({ seed: 'empty' });

/** Five entries, as the app writes them. */
function writeFive(db: Db) {
  for (const action of ['sign-in', 'start', 'save-draft', 'submit', 'approve'])
    recordAudit(db, {
      userId: null,
      action,
      entityType: 'submission',
      entityId: 7,
      details: { period: '2026Q3' },
    });
}

/** What someone with the database file can do: set the triggers aside, run SQL, put them back. */
function behindTheAppsBack(db: Db, sql: string, ...params: unknown[]) {
  const triggers = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
    .pluck()
    .all() as string[];
  db.exec(
    'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_chained',
  );
  db.prepare(sql).run(...params);
  for (const trigger of triggers) db.exec(trigger);
}

const entries = (db: Db) =>
  db
    .prepare(
      `SELECT id, at, user_id AS userId, action, entity_type AS entityType, entity_id AS entityId, details,
              prev_hash AS prevHash, hash FROM audit_log ORDER BY id`,
    )
    .all() as ChainedEntry[];

/** Runs `npm run audit:verify` on the database file, as an operator would. */
async function runVerify(dbPath: string, ...args: string[]) {
  try {
    const { stdout } = await promisify(execFile)(
      join(projectRoot, 'node_modules/.bin/tsx'),
      ['scripts/auditVerify.ts', '--db', dbPath, ...args],
      { cwd: projectRoot },
    );
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('the audit chain', () => {
  test('each entry links to the one before; an intact log verifies, naming its last hash', async ({
    db,
    dbPath,
  }) => {
    writeFive(db);
    const rows = entries(db);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    for (const [i, row] of rows.entries()) {
      expect(row.prevHash).toBe(i === 0 ? '0'.repeat(64) : rows[i - 1]?.hash);
      expect(row.hash).toBe(auditEntryHash(row));
    }
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 5, lastId: 5, lastHash: rows[4]?.hash });
    const verify = await runVerify(dbPath);
    expect(verify.code).toBe(0);
    expect(verify.output).toContain(`OK: 5 audit entries, chain intact. Last entry 5, hash ${rows[4]?.hash}`);
  });

  test('an entry changed behind the app’s back is named, and verification fails', async ({ db, dbPath }) => {
    writeFive(db);
    behindTheAppsBack(db, `UPDATE audit_log SET details = '{"period":"2026Q4"}' WHERE id = 3`);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, entryId: 3, entries: 2 });
    const verify = await runVerify(dbPath);
    expect(verify.code).toBe(1);
    expect(verify.output).toContain('BROKEN at entry 3: Entry 3 was changed after it was written');
  });

  test('an entry changed and given a new hash breaks the link of the entry after it', ({ db }) => {
    writeFive(db);
    const forged = { ...(entries(db)[2] as ChainedEntry), action: 'return' };
    behindTheAppsBack(
      db,
      'UPDATE audit_log SET action = ?, hash = ? WHERE id = 3',
      forged.action,
      auditEntryHash(forged),
    );
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      entryId: 4,
      problem: expect.stringContaining('does not link to the entry before it'),
    });
  });

  test('a removed entry is named as a gap; a removed first entry too', async ({ db, dbPath }) => {
    writeFive(db);
    behindTheAppsBack(db, 'DELETE FROM audit_log WHERE id = 3');
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      entryId: 4,
      problem: 'Entry 3 is missing: entry 4 follows entry 2.',
    });
    expect((await runVerify(dbPath)).output).toContain('Entry 3 is missing');
    behindTheAppsBack(db, 'DELETE FROM audit_log WHERE id = 1');
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      entryId: 2,
      problem: expect.stringContaining('before entry 2 are missing'),
    });
  });

  test('a log rewritten from scratch verifies on its own, but not against a hash written down before', async ({
    db,
    dbPath,
  }) => {
    writeFive(db);
    const anchor = `5:${entries(db)[4]?.hash}`;
    expect((await runVerify(dbPath, '--anchor', anchor)).code).toBe(0);
    // Someone with the file and this code recomputes every hash after changing entry 2.
    let prevHash = '0'.repeat(64);
    for (const row of entries(db)) {
      const rewritten = { ...row, prevHash, details: row.id === 2 ? '{"period":"2026Q1"}' : row.details };
      const hash = auditEntryHash(rewritten);
      behindTheAppsBack(
        db,
        'UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE id = ?',
        rewritten.details,
        prevHash,
        hash,
        row.id,
      );
      prevHash = hash;
    }
    expect(verifyAuditChain(db).ok).toBe(true);
    const verify = await runVerify(dbPath, '--anchor', anchor);
    expect(verify.code).toBe(1);
    expect(verify.output).toContain('entry 5 no longer has the hash written down earlier');
  });

  test('verifying part of the log starts from the link of the entry before it', ({ db }) => {
    writeFive(db);
    behindTheAppsBack(db, `UPDATE audit_log SET action = 'x' WHERE id = 1`);
    expect(verifyAuditChain(db, { fromId: 3, toId: 4 })).toMatchObject({ ok: true, entries: 2, lastId: 4 });
    expect(verifyAuditChain(db, { fromId: 1, toId: 2 })).toMatchObject({ ok: false, entryId: 1 });
  });
});

describe('listing the audit log', () => {
  test('newest first, filtered by action, kind, person and day, with the total the filters match', ({
    db,
  }) => {
    const at = (day: string) => `2026-10-${day}T12:00:00.000Z`;
    recordAudit(db, { userId: null, action: 'sign-in', entityType: 'user', at: at('01') });
    recordAudit(db, { userId: null, action: 'submit', entityType: 'submission', at: at('02') });
    recordAudit(db, { userId: null, action: 'approve', entityType: 'submission', at: at('03') });
    recordAudit(db, { userId: null, action: 'submit', entityType: 'submission', at: at('04') });
    const page = { limit: 10, offset: 0 };
    expect(listAuditEntries(db, {}, page).entries.map((e) => e.id)).toEqual([4, 3, 2, 1]);
    expect(listAuditEntries(db, { action: 'submit' }, page)).toMatchObject({
      total: 2,
      entries: [{ id: 4 }, { id: 2 }],
    });
    expect(listAuditEntries(db, { entityType: 'user' }, page).total).toBe(1);
    expect(
      listAuditEntries(db, { from: '2026-10-02', to: '2026-10-03' }, page).entries.map((e) => e.id),
    ).toEqual([3, 2]);
    expect(listAuditEntries(db, {}, { limit: 2, offset: 2 })).toMatchObject({
      total: 4,
      entries: [{ id: 2 }, { id: 1 }],
    });
  });
});
