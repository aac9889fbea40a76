import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig, projectRoot } from './config';

describe('configuration', () => {
  test('defaults: port 8787, data/scope.db, development', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scope-config-'));
    const config = loadConfig({ SCOPE_DB: join(dir, 'scope.db') });
    expect(config.port).toBe(8787);
    expect(config.nodeEnv).toBe('development');
    expect(config.isProduction).toBe(false);
    expect(config.deadlineDays).toBe(30);
    expect(config.webDistDir).toBe(join(projectRoot, 'web/dist'));
    expect(config.timeZone).toBe('America/Los_Angeles');
    expect(loadConfig({ SCOPE_DB: ':memory:', SCOPE_WEB_DIST: '/srv/scope-web' }).webDistDir).toBe(
      '/srv/scope-web',
    );
    expect(Object.isFrozen(config)).toBe(true);
    expect(loadConfig({ SCOPE_DB: ':memory:' }).databasePath).toBe(':memory:');
    expect(join(projectRoot, 'data/scope.db')).toMatch(/data\/scope\.db$/);
  });

  test('an invalid value is refused with a message naming it', () => {
    expect(() => loadConfig({ PORT: 'eighty', SCOPE_DB: ':memory:' })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: 'staging', SCOPE_DB: ':memory:' })).toThrow(/NODE_ENV/);
    expect(() => loadConfig({ SCOPE_SESSION_SECRET: 'short', SCOPE_DB: ':memory:' })).toThrow(/at least 32/);
  });

  test('the time zone is an IANA zone, written as Intl names it; anything else is refused, naming it', () => {
    expect(loadConfig({ SCOPE_DB: ':memory:', SCOPE_TIME_ZONE: 'America/New_York' }).timeZone).toBe(
      'America/New_York',
    );
    expect(loadConfig({ SCOPE_DB: ':memory:', SCOPE_TIME_ZONE: 'america/los_angeles' }).timeZone).toBe(
      'America/Los_Angeles',
    );
    expect(loadConfig({ SCOPE_DB: ':memory:', SCOPE_TIME_ZONE: 'UTC' }).timeZone).toBe('UTC');
    for (const zone of ['Pacific', 'PST8PDT/Nowhere', ''])
      expect(() => loadConfig({ SCOPE_DB: ':memory:', SCOPE_TIME_ZONE: zone })).toThrow(
        /SCOPE_TIME_ZONE: .*IANA name such as America\/Los_Angeles/,
      );
  });

  test('listens on this machine only unless HOST says otherwise', () => {
    expect(loadConfig({ SCOPE_DB: ':memory:' }).host).toBe('127.0.0.1');
    expect(loadConfig({ SCOPE_DB: ':memory:', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ SCOPE_DB: ':memory:', HOST: '::1' }).host).toBe('::1');
    // A machine's name in HOST (some shells set it) is refused rather than guessed at.
    expect(() => loadConfig({ SCOPE_DB: ':memory:', HOST: 'build-box-7' })).toThrow(
      /HOST: HOST is an IP address such as 127.0.0.1 or 0.0.0.0/,
    );
  });

  test('reports are printed with Debian’s Chromium unless SCOPE_CHROMIUM_PATH names another', () => {
    expect(loadConfig({ SCOPE_DB: ':memory:' }).chromiumPath).toBe('/usr/bin/chromium');
    expect(
      loadConfig({ SCOPE_DB: ':memory:', SCOPE_CHROMIUM_PATH: '/opt/chromium/chrome' }).chromiumPath,
    ).toBe('/opt/chromium/chrome');
    expect(() => loadConfig({ SCOPE_DB: ':memory:', SCOPE_CHROMIUM_PATH: '' })).toThrow(
      /SCOPE_CHROMIUM_PATH/,
    );
  });

  test('X-Forwarded-For is trusted only when SCOPE_TRUST_PROXY is 1', () => {
    expect(loadConfig({ SCOPE_DB: ':memory:' }).trustProxy).toBe(false);
    expect(loadConfig({ SCOPE_DB: ':memory:', SCOPE_TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(() => loadConfig({ SCOPE_DB: ':memory:', SCOPE_TRUST_PROXY: 'yes' })).toThrow(/SCOPE_TRUST_PROXY/);
  });

  test('without a given secret one is generated on first start and reused after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scope-config-'));
    const dbPath = join(dir, 'nested', 'scope.db');
    const first = loadConfig({ SCOPE_DB: dbPath });
    expect(existsSync(`${dbPath}.secret`)).toBe(true);
    expect(readFileSync(`${dbPath}.secret`, 'utf8').trim()).toBe(first.sessionSecret);
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(64);
    expect(loadConfig({ SCOPE_DB: dbPath }).sessionSecret).toBe(first.sessionSecret);
    const given = 'x'.repeat(40);
    expect(loadConfig({ SCOPE_DB: dbPath, SCOPE_SESSION_SECRET: given }).sessionSecret).toBe(given);
  });

  test('the secret file is readable by the server’s account alone, and says where it is kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scope-config-'));
    const dbPath = join(dir, 'scope.db');
    const secretFile = `${dbPath}.secret`;
    expect(loadConfig({ SCOPE_DB: dbPath }).sessionSecretFile).toBe(secretFile);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    // An older install's secret, readable by everyone, is narrowed when read.
    chmodSync(secretFile, 0o644);
    loadConfig({ SCOPE_DB: dbPath });
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(
      loadConfig({ SCOPE_DB: dbPath, SCOPE_SESSION_SECRET: 'x'.repeat(40) }).sessionSecretFile,
    ).toBeNull();
  });
});
