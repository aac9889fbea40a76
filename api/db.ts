import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { projectRoot } from './config';
import { auditEntryHash } from './domain/auditChain';

export type Db = Database.Database;
export type Statement = Database.Statement;

export const migrationsDir = join(projectRoot, 'data/migrations');

/** Only the account the server runs as may read a database file: it holds every agency's raw counts. */
const privateFileMode = 0o600;

/** Creates the file empty, readable by its owner alone, or narrows an existing one to that. */
export function makePrivate(path: string): void {
  closeSync(openSync(path, 'a', privateFileMode));
  chmodSync(path, privateFileMode);
}

/**
 * Opens (creating if needed) a Scope database with the pragmas every connection needs and the
 * functions its schema uses. The file and its WAL companions are private to the server's account;
 * SQLite creates the companions with the database file's permissions.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    for (const file of [path, `${path}-wal`, `${path}-shm`])
      if (file === path || existsSync(file)) makePrivate(file);
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // Deleted and overwritten content is zeroed, not left in free space: a text an admin removes must
  // not survive in the file, or in a backup copied from it.
  db.pragma('secure_delete = ON');
  // The audit log's triggers check each new entry's hash (migration 009).
  db.function(
    'scope_audit_hash',
    { deterministic: true },
    (id, at, userId, action, entityType, entityId, details, prevHash) =>
      auditEntryHash({
        id: Number(id),
        at: String(at),
        userId: userId === null ? null : Number(userId),
        action: String(action),
        entityType: String(entityType),
        entityId: entityId === null ? null : String(entityId),
        details: String(details),
        prevHash: String(prevHash),
      }),
  );
  return db;
}

/** Most statements a connection keeps prepared; SQL built for a list (`IN (?, ?)`) varies with its length. */
const maxCachedStatements = 500;
const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * The connection's prepared statement for this SQL, prepared on first use. Preparing is a large part of
 * a small query's cost, and a statement belongs to one connection, so each keeps its own. Every use
 * starts from plain rows: a caller that wants `.pluck()` or `.raw()` asks each time, and another
 * caller of the same SQL isn't affected.
 */
export function statement(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    if (cache.size >= maxCachedStatements) cache.delete(cache.keys().next().value as string);
    cache.set(sql, prepared);
  } else if (prepared.reader) {
    prepared.pluck(false).raw(false);
  }
  return prepared;
}

type Migration = { version: number; name: string; sql: string };

/** The numbered `NNN_name.sql` files of a folder, in order. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/**
 * Applies every migration not yet recorded in `schema_migrations`, each in its own transaction, and
 * returns the names of those applied. A failing migration rolls back and stops the rest.
 */
export function migrate(db: Db, migrations = readMigrations()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((v) => Number(v)),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name);
    })();
    done.push(migration.name);
  }
  return done;
}
