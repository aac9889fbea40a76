/**
 * `npm run admin`: letting people in from the server's shell, for whoever runs the machine.
 *
 *   npm run admin -- create EMAIL   a set-up link making EMAIL the first admin (before set-up), or
 *                                   an invitation for EMAIL to join as an admin (after)
 *   npm run admin -- reset EMAIL    a password-reset link for the person with EMAIL (an admin locked out)
 *   npm run admin -- list           the coalition's admins
 *
 * It reads the configured database (SCOPE_DB) with its session secret, as the server does, and prints
 * links to copy: reading this machine's shell is what makes them safe to hand out.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { config } from '../api/config';
import { type Db, migrate, openDatabase } from '../api/db';
import { revokeAccountLinks } from '../api/queries/accountLinks';
import { listAdmins } from '../api/queries/admins';
import { recordAudit } from '../api/queries/audit';
import { getFirstAdmin } from '../api/queries/releases';
import { getUserForSignIn } from '../api/queries/users';
import { accountLinkUrl, createAccountLink } from '../api/services/accountLinks';
import { assertSessionSecret } from '../api/services/secret';
import { createSetupLink, needsSetup } from '../api/services/setup';
import { fail } from './operations';

const usage = `Usage:
  npm run admin -- create EMAIL   set-up link (coalition not set up yet) or admin invitation for EMAIL
  npm run admin -- reset EMAIL    password-reset link for the person with EMAIL
  npm run admin -- list           the coalition's admins`;

function readCommand(): { command: 'create' | 'reset' | 'list'; email: string | null } {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ allowPositionals: true, strict: true, options: {} }));
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
  const [command, email, ...rest] = positionals;
  if (command === 'list' && email === undefined) return { command, email: null };
  if ((command === 'create' || command === 'reset') && email !== undefined && rest.length === 0) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
      fail(`"${email}" is not an email address. Give one such as name@example.org.`);
    return { command, email };
  }
  fail(usage);
}

const { command, email } = readCommand();
const settings = (() => {
  try {
    return config();
  } catch (error) {
    fail((error as Error).message);
  }
})();
if (settings.databasePath === ':memory:' || !existsSync(settings.databasePath))
  fail(
    `There is no database at ${settings.databasePath}. Start Scope once (npm start) to create it, or set SCOPE_DB to the database Scope uses.`,
  );
const db = openDatabase(settings.databasePath);
try {
  migrate(db);
  assertSessionSecret(db, settings.sessionSecret, settings.sessionSecretFile);
  if (command === 'list') list(db);
  else if (command === 'create') create(db, email as string);
  else reset(db, email as string);
} catch (error) {
  fail((error as Error).message);
} finally {
  db.close();
}

function list(db: Db) {
  const admins = listAdmins(db);
  if (admins.length === 0) {
    console.log(
      needsSetup(db)
        ? 'The coalition is not set up yet, so it has no admins. `npm run admin -- create EMAIL` makes a set-up link.'
        : 'The coalition has no admins. `npm run admin -- create EMAIL` makes an invitation for one.',
    );
    return;
  }
  for (const admin of admins) {
    const state = [admin.active ? null : 'deactivated', admin.twoFactor ? 'two-factor on' : null].filter(
      Boolean,
    );
    console.log(`${admin.email}  ${admin.name}${state.length > 0 ? `  (${state.join(', ')})` : ''}`);
  }
}

function create(db: Db, email: string) {
  const now = new Date();
  if (needsSetup(db)) {
    const { token, expiresAt } = createSetupLink(db, settings, { email, now });
    console.log(
      [
        `The coalition is not set up yet. This link sets it up and makes ${email} its first admin.`,
        `It works once, until ${expiresAt} (24 hours); any set-up link printed before no longer works:`,
        '',
        `  ${accountLinkUrl(settings, 'setup', token)}`,
      ].join('\n'),
    );
    return;
  }
  if (getUserForSignIn(db, email))
    fail(
      `${email} already has an account. If they can't sign in, \`npm run admin -- reset ${email}\` makes a password-reset link.`,
    );
  // An invitation from the shell is made by the first admin still active, if any; with none (every
  // admin deactivated), by no one, as a set-up link is: it is how such a coalition gets an admin back.
  const inviter = getFirstAdmin(db)?.id ?? null;
  const link = db.transaction(() => {
    revokeAccountLinks(db, { kind: 'invitation', email }, now.toISOString());
    const made = createAccountLink(db, settings.sessionSecret, {
      kind: 'invitation',
      email,
      role: 'admin',
      createdBy: inviter,
      now,
    });
    recordAudit(db, {
      userId: null,
      action: 'invite',
      entityType: 'account-link',
      entityId: made.id,
      details: { role: 'admin', from: 'npm run admin' },
      at: now.toISOString(),
    });
    return made;
  })();
  console.log(
    [
      `An invitation for ${email} to join as a coalition admin. Send them this link; it works once,`,
      `until ${link.expiresAt} (7 days), and any invitation sent to that address before no longer works:`,
      '',
      `  ${accountLinkUrl(settings, 'invitation', link.token)}`,
    ].join('\n'),
  );
}

function reset(db: Db, email: string) {
  const user = getUserForSignIn(db, email);
  if (!user)
    fail(
      `No active account has the email ${email}. Check the spelling; \`npm run admin -- list\` shows the admins.`,
    );
  const now = new Date();
  const link = db.transaction(() => {
    revokeAccountLinks(db, { kind: 'reset', userId: user.id }, now.toISOString());
    const made = createAccountLink(db, settings.sessionSecret, {
      kind: 'reset',
      email: user.email,
      userId: user.id,
      createdBy: null,
      now,
    });
    recordAudit(db, {
      userId: null,
      action: 'create-reset-link',
      entityType: 'user',
      entityId: user.id,
      details: { from: 'npm run admin' },
      at: now.toISOString(),
    });
    return made;
  })();
  console.log(
    [
      `A password-reset link for ${user.name} (${user.email}). Send it to them only; it works once,`,
      `until ${link.expiresAt} (24 hours), and any reset link made for them before no longer works:`,
      '',
      `  ${accountLinkUrl(settings, 'reset', link.token)}`,
    ].join('\n'),
  );
}
