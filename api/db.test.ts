import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { migrate, openDatabase, readMigrations, statement } from './db';
import { recordAudit, verifyAuditChain } from './queries/audit';
import { apiTest } from './testing';

/** A migrated database file of the test's own, with nothing in it. */
const test = apiTest.override({ seed: 'empty' });

describe('migrations', () => {
  test('an empty database migrates to the full schema, with every migration recorded', ({ db }) => {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const table of [
      'org_units',
      'agency_counties',
      'users',
      'sessions',
      'catalog_versions',
      'categories',
      'category_options',
      'category_combos',
      'category_option_combos',
      'sections',
      'data_elements',
      'validation_rules',
      'reporting_periods',
      'submissions',
      'submission_revisions',
      'revision_values',
      'data_values',
      'submission_reviews',
      'releases',
      'published_cells',
      'audit_log',
    ]) {
      expect(tables).toContain(table);
    }
    const recorded = db.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all();
    expect(recorded).toEqual(readMigrations().map((m) => m.name));
    const userColumns = db.prepare('PRAGMA table_info(users)').all() as Array<{ name: string }>;
    expect(userColumns.map((c) => c.name)).toEqual(
      expect.arrayContaining(['email', 'name', 'password_hash', 'role', 'agency_id']),
    );
  });

  test('migrating twice applies nothing the second time', ({ db }) => {
    expect(migrate(db)).toEqual([]);
  });

  test('connections have foreign keys on, WAL and a busy timeout', ({ db }) => {
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(() =>
      db
        .prepare(
          "INSERT INTO users (email, name, password_hash, role, agency_id) VALUES ('a@b.c', 'A', 'x', 'reporter', 999)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  test('a failing migration rolls back entirely and later ones are not applied', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scope-migrations-'));
    writeFileSync(join(dir, '001_good.sql'), 'CREATE TABLE good (id INTEGER PRIMARY KEY);');
    writeFileSync(
      join(dir, '002_bad.sql'),
      'CREATE TABLE half (id INTEGER); INSERT INTO missing VALUES (1);',
    );
    writeFileSync(join(dir, '003_later.sql'), 'CREATE TABLE later (id INTEGER);');
    const db = openDatabase(':memory:');
    expect(() => migrate(db, readMigrations(dir))).toThrow(/missing/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toContain('good');
    expect(tables).not.toContain('half');
    expect(tables).not.toContain('later');
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1]);
    db.close();
  });

  test('the audit log refuses updates, deletes and entries that are not chained', ({ db }) => {
    recordAudit(db, { userId: null, action: 'sign-in', entityType: 'user' });
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() =>
      db.prepare("INSERT INTO audit_log (action, entity_type) VALUES ('sign-in', 'user')").run(),
    ).toThrow(/link to the last/);
    expect(db.prepare('SELECT action FROM audit_log').pluck().all()).toEqual(['sign-in']);
  });

  test('migration 009 chains the entries written before it, in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scope-chain-'));
    const db = openDatabase(join(dir, 'scope.db'));
    try {
      migrate(
        db,
        readMigrations().filter((m) => m.version < 9),
      );
      const insert = db.prepare(
        'INSERT INTO audit_log (at, action, entity_type, details) VALUES (?, ?, ?, ?)',
      );
      insert.run('2026-01-01T00:00:00.000Z', 'sign-in', 'user', '{}');
      insert.run('2026-01-02T00:00:00.000Z', 'submit', 'submission', '{"period":"2025Q4"}');
      expect(migrate(db)).toContain('009_audit_chain');
      recordAudit(db, { userId: null, action: 'sign-out', entityType: 'user' });
      expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 3, lastId: 3 });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a database file and its companions can be read only by the account that made them', ({ dbPath }) => {
    for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`])
      expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('statement', () => {
  test('prepares SQL once per connection, and every use starts from plain rows', () => {
    const a = openDatabase(':memory:');
    const b = openDatabase(':memory:');
    try {
      a.exec("CREATE TABLE t (x INTEGER, y TEXT); INSERT INTO t VALUES (1, 'one')");
      b.exec("CREATE TABLE t (x INTEGER, y TEXT); INSERT INTO t VALUES (2, 'two')");
      const sql = 'SELECT x, y FROM t';
      expect(statement(a, sql)).toBe(statement(a, sql));
      expect(statement(b, sql)).not.toBe(statement(a, sql));
      expect(statement(b, sql).get()).toEqual({ x: 2, y: 'two' });
      // One caller plucking, or asking for raw rows, doesn't change what the next gets.
      expect(statement(a, sql).pluck().get()).toBe(1);
      expect(statement(a, sql).get()).toEqual({ x: 1, y: 'one' });
      expect(statement(a, sql).raw().get()).toEqual([1, 'one']);
      expect(statement(a, sql).all()).toEqual([{ x: 1, y: 'one' }]);
      expect(statement(a, 'INSERT INTO t VALUES (?, ?)').run(3, 'three').changes).toBe(1);
      expect(statement(a, 'SELECT count(*) FROM t').pluck().get()).toBe(2);
    } finally {
      a.close();
      b.close();
    }
  });
});
