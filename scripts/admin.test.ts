import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadConfig, projectRoot } from '../api/config';
import { findUsableLink } from '../api/services/accountLinks';
import { checkSetupLink } from '../api/services/setup';
import { createTestDb, seedSmallCoalition, type TestDb } from '../api/testing';

const secret = 'the secret of the database these tests make, 32+ characters';
const config = loadConfig({ SCOPE_DB: ':memory:', SCOPE_SESSION_SECRET: secret });

/** Runs `npm run admin -- ARGS` against this database, as the person at the server's shell would. */
function admin(databasePath: string, ...args: string[]) {
  const run = spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/admin.ts', ...args], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      SCOPE_DB: databasePath,
      SCOPE_SESSION_SECRET: secret,
      SCOPE_PUBLIC_URL: 'https://scope.example.org',
    },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The secret part of the one link of this kind printed. */
function linkIn(output: string, path: string): string {
  const match = output.match(new RegExp(`https://scope\\.example\\.org/${path}/([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no /${path}/ link in:\n${output}`);
  return match[1] as string;
}

// Each run starts tsx afresh: seconds each on a busy machine.
describe('npm run admin', { timeout: 90_000 }, () => {
  let database: TestDb;
  beforeEach(() => {
    database = createTestDb();
  });
  afterEach(() => database.cleanup());

  test('before set-up, create prints a set-up link for that email; a second one replaces it', () => {
    const first = admin(database.path, 'create', 'rosa@cvcat.example');
    expect(first.status).toBe(0);
    const older = linkIn(first.stdout, 'setup');
    const newer = linkIn(admin(database.path, 'create', 'rosa@cvcat.example').stdout, 'setup');
    const found = checkSetupLink(database.db, config, newer, new Date());
    expect('link' in found && found.link.email).toBe('rosa@cvcat.example');
    expect(checkSetupLink(database.db, config, older, new Date())).toEqual({ refusal: 'revoked' });
    expect(admin(database.path, 'list').stdout).toContain('not set up yet');
  });

  test('once set up, create invites a new admin from the first admin, for 7 days', () => {
    const coalition = seedSmallCoalition(database.db);
    const run = admin(database.path, 'create', 'sam@test.example');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('7 days');
    const found = findUsableLink(
      database.db,
      secret,
      'invitation',
      linkIn(run.stdout, 'welcome'),
      new Date(),
    );
    expect(found).toMatchObject({
      link: { email: 'sam@test.example', role: 'admin', agencyId: null, createdBy: coalition.users.admin },
    });
  });

  test('create refuses someone who already has an account, and points to reset', () => {
    seedSmallCoalition(database.db);
    const run = admin(database.path, 'create', 'viewer@test.example');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('already has an account');
    expect(run.stderr).toContain('npm run admin -- reset viewer@test.example');
  });

  test('reset prints a password-reset link for that person only', () => {
    const coalition = seedSmallCoalition(database.db);
    const run = admin(database.path, 'reset', 'ADMIN@test.example');
    expect(run.status).toBe(0);
    const found = findUsableLink(
      database.db,
      secret,
      'reset',
      linkIn(run.stdout, 'reset-password'),
      new Date(),
    );
    expect(found).toMatchObject({ link: { userId: coalition.users.admin } });

    const unknown = admin(database.path, 'reset', 'nobody@test.example');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No active account has the email nobody@test.example');
  });

  test('list shows the admins', () => {
    seedSmallCoalition(database.db);
    const run = admin(database.path, 'list');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('admin@test.example  admin');
  });

  test('a bad address, a missing database and a wrong command say what to do', () => {
    const bad = admin(database.path, 'create', 'rosa at home');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"rosa at home" is not an email address');

    const missing = admin(join(database.dir, 'elsewhere.db'), 'list');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('There is no database at');

    const wrong = admin(database.path, 'promote', 'rosa@cvcat.example');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('npm run admin -- create EMAIL');
  });
});
