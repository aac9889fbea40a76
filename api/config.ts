import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { canonicalTimeZone, defaultCoalitionTimeZone } from './domain/clock';

/** The project's root folder: `api/` sits directly below it. */
export const projectRoot = resolve(import.meta.dirname, '..');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z
    .union([z.ipv4(), z.ipv6(), z.literal('localhost')], 'HOST is an IP address such as 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  SCOPE_DB: z.string().min(1).default('data/scope.db'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SCOPE_SESSION_SECRET: z.string().min(32, 'SCOPE_SESSION_SECRET must be at least 32 characters').optional(),
  SCOPE_DEADLINE_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  SCOPE_WEB_DIST: z.string().min(1).default('web/dist'),
  SCOPE_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  SCOPE_CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  SCOPE_PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error: 'SCOPE_PUBLIC_URL is the address people open Scope at, such as https://scope.example.org',
    })
    .optional(),
  SCOPE_SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      error: 'SCOPE_SMTP_URL is a mail server address such as smtps://user:password@mail.example.org:465',
    })
    .optional(),
  SCOPE_MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  SCOPE_TIME_ZONE: z
    .string()
    .default(defaultCoalitionTimeZone)
    .transform((zone, ctx) => {
      const canonical = canonicalTimeZone(zone);
      if (canonical) return canonical;
      ctx.addIssue({
        code: 'custom',
        message: `"${zone}" is not a time zone Scope knows: use an IANA name such as America/Los_Angeles`,
      });
      return z.NEVER;
    }),
});

export type Config = Readonly<{
  port: number;
  /**
   * The address to listen on: this machine only (127.0.0.1) unless set, so a server started to try
   * Scope is not open to the network; `0.0.0.0` listens on every interface, behind a proxy or in a container.
   */
  host: string;
  databasePath: string;
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  /** Keys the session-token hashes; generated and kept beside the database when not given. */
  sessionSecret: string;
  /** The file the secret is kept in; null when SCOPE_SESSION_SECRET gives it (or the database is in memory). */
  sessionSecretFile: string | null;
  /** Days after a quarter ends that its submissions are due. */
  deadlineDays: number;
  /** The built web app served for every non-API path. */
  webDistDir: string;
  /**
   * The coalition's IANA time zone. Its calendar says what day it is: when a quarter has ended,
   * when a deadline has passed, whether a report is late.
   */
  timeZone: string;
  /**
   * Scope runs behind one reverse proxy (SCOPE_TRUST_PROXY=1), so a client's address is the last one
   * in X-Forwarded-For; otherwise it is the connection's, and the header is ignored (anyone can send it).
   */
  trustProxy: boolean;
  /** The Chromium that prints reports' PDFs: Debian's by default; Scope never downloads a browser. */
  chromiumPath: string;
  /**
   * Where people open Scope, without a trailing slash: the start of every link Scope prints or mails
   * (set-up, invitations, password resets). Defaults to this machine's own address and port.
   */
  publicUrl: string;
  /** The mail server invitations, resets and reminders go through; null sends none (links are shown to copy). */
  smtpUrl: string | null;
  /** The sender of Scope's mail. */
  mailFrom: string;
}>;

/**
 * Reads the session secret from SCOPE_SESSION_SECRET or, failing that, from a file beside the
 * database, creating one on first start. Keeping it on disk means sign-ins survive a restart.
 */
function resolveSessionSecret(given: string | undefined, databasePath: string): string {
  if (given) return given;
  if (databasePath === ':memory:') return randomBytes(32).toString('hex');
  const secretPath = sessionSecretFileOf(databasePath);
  if (existsSync(secretPath)) {
    // Anyone who reads the secret can forge a session: an older install may have left it readable.
    if ((statSync(secretPath).mode & 0o077) !== 0) chmodSync(secretPath, 0o600);
    return readFileSync(secretPath, 'utf8').trim();
  }
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dirname(secretPath), { recursive: true, mode: 0o700 });
  writeFileSync(secretPath, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Where the secret of the database at this path is kept when SCOPE_SESSION_SECRET does not give it. */
export const sessionSecretFileOf = (databasePath: string) => `${databasePath}.secret`;

/**
 * A value that shows which secret a database was used with, without revealing it: stored in the
 * database, it lets the server and `npm run restore` refuse a wrong or missing secret instead of
 * silently invalidating every sign-in and API token.
 */
export function sessionSecretCheck(secret: string): string {
  return createHmac('sha256', secret).update('Scope session secret check').digest('hex');
}

/** Validates an environment and builds the configuration from it. Exported for tests. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Scope's configuration is not valid:\n  ${problems.join('\n  ')}`);
  }
  const {
    PORT,
    HOST,
    SCOPE_DB,
    NODE_ENV,
    SCOPE_SESSION_SECRET,
    SCOPE_DEADLINE_DAYS,
    SCOPE_WEB_DIST,
    SCOPE_TIME_ZONE,
    SCOPE_TRUST_PROXY,
    SCOPE_CHROMIUM_PATH,
    SCOPE_PUBLIC_URL,
    SCOPE_SMTP_URL,
    SCOPE_MAIL_FROM,
  } = parsed.data;
  const publicUrl = (SCOPE_PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, '');
  const databasePath = SCOPE_DB === ':memory:' ? SCOPE_DB : resolve(projectRoot, SCOPE_DB);
  return Object.freeze({
    port: PORT,
    host: HOST,
    databasePath,
    nodeEnv: NODE_ENV,
    isProduction: NODE_ENV === 'production',
    sessionSecret: resolveSessionSecret(SCOPE_SESSION_SECRET, databasePath),
    sessionSecretFile:
      SCOPE_SESSION_SECRET || databasePath === ':memory:' ? null : sessionSecretFileOf(databasePath),
    deadlineDays: SCOPE_DEADLINE_DAYS,
    webDistDir: resolve(projectRoot, SCOPE_WEB_DIST),
    timeZone: SCOPE_TIME_ZONE,
    trustProxy: SCOPE_TRUST_PROXY === '1',
    chromiumPath: SCOPE_CHROMIUM_PATH,
    publicUrl,
    smtpUrl: SCOPE_SMTP_URL ?? null,
    mailFrom: SCOPE_MAIL_FROM ?? `Scope <no-reply@${new URL(publicUrl).hostname}>`,
  });
}

let current: Config | undefined;

/** The process's configuration, read from the environment once. */
export function config(): Config {
  current ??= loadConfig(process.env);
  return current;
}
