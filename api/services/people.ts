/**
 * The coalition's people, run by its admins: who has an account and with what access, invitations
 * (one-time links for a week), password reset links, deactivating, and turning off the two-factor
 * sign-in of someone who lost their phone. And the other side of the links: accepting an invitation
 * and choosing a new password. Every change is one transaction with its audit entry; a refusal
 * changes nothing. No HTTP here.
 */
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/passwordPolicy';
import type { Config } from '../config';
import type { Db } from '../db';
import { ApiError, forbidden, notFound } from '../errors';
import { canManageCoalition } from '../permissions';
import {
  type AccountLink,
  getAccountLink,
  listInvitations,
  revokeAccountLink,
  revokeAccountLinks,
} from '../queries/accountLinks';
import { recordAudit } from '../queries/audit';
import { type Agency, getAgencyByCode, getAgencyById, listActiveAgencies } from '../queries/orgUnits';
import {
  countActiveAdmins,
  getPerson,
  getPersonByEmail,
  insertInvitedPerson,
  listPeople,
  type Person,
  setPasswordHash,
} from '../queries/people';
import { deleteUserSessions } from '../queries/sessions';
import { deleteSignInChallengesOf, disableTotp } from '../queries/twoFactor';
import { type Role, setUserActive, setUserRole, type User } from '../queries/users';
import {
  accountLinkUrl,
  consumeLink,
  createAccountLink,
  findUsableLink,
  LinkAlreadyUsed,
  type LinkRefusal,
  linkRefusalWords,
} from './accountLinks';
import { coalitionProfile } from './coalition';
import { sendMail } from './mail';

export type InvitationState = 'pending' | 'accepted' | 'expired' | 'withdrawn';

/** An invitation as the people page lists it; never its link, which Scope doesn't keep. */
export type Invitation = {
  id: number;
  email: string;
  role: Role;
  agency: { code: string; name: string } | null;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  state: InvitationState;
};

/** Whether a link was mailed, and why not when it wasn't, beside the link to copy. */
export type Delivery = { link: string; expiresAt: string; mailed: boolean; mailError: string | null };

/** The role as the coalition says it in a sentence: "an admin", "a reporter for River Street Advocates". */
function accessWords(role: Role, agency: Pick<Agency, 'name'> | null): string {
  if (role === 'admin') return 'a coalition admin';
  if (role === 'viewer') return 'a viewer (read-only, for the commission workgroup)';
  return `a reporter for ${agency?.name ?? 'an agency'}`;
}

const refuse = (status: 403 | 404 | 409, code: string, message: string) =>
  new ApiError(status, code, message);

function requireAdmin(user: User): void {
  if (!canManageCoalition(user))
    throw forbidden('Only coalition admins, signed in as themselves, can manage people.');
}

function requirePerson(db: Db, userId: number): Person {
  const person = getPerson(db, userId);
  if (!person) throw notFound('There is no person with that id.');
  return person;
}

/** The agency a reporter reports for, active; null for admins and viewers. */
function agencyFor(db: Db, role: Role, agencyCode: string | undefined): Agency | null {
  if (role !== 'reporter') return null;
  if (!agencyCode) throw new ApiError(400, 'invalid-request', 'Choose the agency this reporter reports for.');
  const agency = getAgencyByCode(db, agencyCode);
  if (!agency?.active)
    throw new ApiError(400, 'invalid-request', `There is no active agency with the code ${agencyCode}.`);
  return agency;
}

function invitationState(link: AccountLink, now: Date): InvitationState {
  if (link.usedAt !== null) return 'accepted';
  if (link.revokedAt !== null) return 'withdrawn';
  return link.expiresAt <= now.toISOString() ? 'expired' : 'pending';
}

function describeInvitation(db: Db, link: AccountLink, now: Date): Invitation {
  const agency = link.agencyId === null ? undefined : getAgencyById(db, link.agencyId);
  return {
    id: link.id,
    email: link.email as string,
    role: link.role as Role,
    agency: agency ? { code: agency.code, name: agency.name } : null,
    invitedBy: link.createdBy === null ? null : (getPerson(db, link.createdBy)?.name ?? null),
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    state: invitationState(link, now),
  };
}

/**
 * Everyone with an account, every invitation with its state (newest first), and the active agencies a
 * reporter can be invited to or moved to.
 */
export function peopleAndInvitations(db: Db, user: User, now: Date) {
  requireAdmin(user);
  return {
    people: listPeople(db),
    invitations: listInvitations(db).map((link) => describeInvitation(db, link, now)),
    agencies: listActiveAgencies(db).map(({ code, name }) => ({ code, name })),
  };
}

/** "Tuesday, January 17, 2027 at 9:00 AM", in the coalition's time zone. */
function whenWords(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString('en-US', { timeZone, dateStyle: 'full', timeStyle: 'short' });
}

/** Mails a link when mail is set up; says why not otherwise, so the page offers it to copy. */
async function deliver(
  config: Config,
  mail: { to: string; subject: string; text: string },
  link: { url: string; expiresAt: string },
): Promise<Delivery> {
  const result = await sendMail(config, { to: [mail.to], subject: mail.subject, text: mail.text });
  const mailError = result.sent
    ? null
    : result.reason === 'not-configured'
      ? 'Scope has no mail server set up, so nothing was sent. Copy the link and send it to them yourself.'
      : `${result.message} Copy the link and send it to them yourself.`;
  return { link: link.url, expiresAt: link.expiresAt, mailed: result.sent, mailError };
}

/**
 * Invites someone by email with a role (and an agency for a reporter): a link that works once, for
 * seven days, replacing any earlier invitation to the same address. The link is in the answer to copy,
 * and mailed when Scope has a mail server.
 */
export async function invite(
  db: Db,
  config: Config,
  user: User,
  request: { email: string; role: Role; agencyCode?: string },
  now: Date,
): Promise<Delivery & { invitation: Invitation }> {
  requireAdmin(user);
  const email = request.email.trim();
  const existing = getPersonByEmail(db, email);
  if (existing)
    throw refuse(
      409,
      'already-has-account',
      existing.active
        ? `${existing.email} already has a Scope account (${existing.name}). If they can't sign in, make them a password reset link from their row in the list of people.`
        : `${existing.email} already has a Scope account (${existing.name}), which is deactivated. Reactivate it from their row in the list of people instead.`,
    );
  const agency = agencyFor(db, request.role, request.agencyCode);
  const made = db.transaction(() => {
    const replaced = revokeAccountLinks(db, { kind: 'invitation', email }, now.toISOString());
    const link = createAccountLink(db, config.sessionSecret, {
      kind: 'invitation',
      email,
      role: request.role,
      agencyId: agency?.id ?? null,
      createdBy: user.id,
      now,
    });
    recordAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'invite',
      entityType: 'invitation',
      entityId: link.id,
      details: { email, role: request.role, agency: agency?.code ?? null, replaced },
    });
    return link;
  })();
  const profile = coalitionProfile(db, config);
  const coalition = profile.name ?? 'your coalition';
  const url = accountLinkUrl(config, 'invitation', made.token);
  const delivery = await deliver(
    config,
    {
      to: email,
      subject: `${user.name} invites you to Scope, for ${coalition}`,
      text: [
        `Hello,`,
        ``,
        `${user.name} has invited you to Scope, where ${coalition} collects and publishes its member agencies' quarterly counts. You will join as ${accessWords(request.role, agency)}.`,
        ``,
        `To accept, open this link, choose your name as others will see it and a password:`,
        ``,
        url,
        ``,
        `The link works once, until ${whenWords(made.expiresAt, profile.timeZone)} (7 days). If it has expired or doesn't work, ask ${user.name} (${user.email}) for a new one.`,
        ``,
        `If you weren't expecting this, you can ignore this message: no account is made until the link is used.`,
      ].join('\n'),
    },
    { url, expiresAt: made.expiresAt },
  );
  return {
    ...delivery,
    invitation: describeInvitation(db, getAccountLink(db, made.id) as AccountLink, now),
  };
}

function requireInvitation(db: Db, id: number): AccountLink {
  const link = getAccountLink(db, id);
  if (link?.kind !== 'invitation') throw notFound('There is no invitation with that id.');
  return link;
}

/** Withdraws an invitation that hasn't been accepted: its link stops working. */
export function withdrawInvitation(db: Db, user: User, id: number, now: Date): Invitation {
  requireAdmin(user);
  const link = requireInvitation(db, id);
  if (link.usedAt !== null)
    throw refuse(
      409,
      'invitation-accepted',
      'This invitation has already been accepted, so it can’t be withdrawn. Deactivate the person instead.',
    );
  db.transaction(() => {
    if (!revokeAccountLink(db, id, now.toISOString())) return;
    recordAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'withdraw-invitation',
      entityType: 'invitation',
      entityId: id,
      details: { email: link.email },
    });
  })();
  return describeInvitation(db, getAccountLink(db, id) as AccountLink, now);
}

/** Sends an invitation again with a new link (the old one stops working), for another seven days. */
export async function resendInvitation(db: Db, config: Config, user: User, id: number, now: Date) {
  requireAdmin(user);
  const link = requireInvitation(db, id);
  if (link.usedAt !== null)
    throw refuse(409, 'invitation-accepted', 'This invitation has already been accepted: they can sign in.');
  if (link.revokedAt !== null)
    throw refuse(
      409,
      'invitation-withdrawn',
      'This invitation was withdrawn or replaced by a newer one. Invite them again if they still need an account.',
    );
  const agency = link.agencyId === null ? undefined : getAgencyById(db, link.agencyId);
  return invite(
    db,
    config,
    user,
    { email: link.email as string, role: link.role as Role, agencyCode: agency?.code },
    now,
  );
}

/** Guards every change to someone else's access: the coalition always keeps an active admin. */
function guardAccessChange(db: Db, user: User, person: Person, stopsBeingAdmin: boolean): void {
  if (stopsBeingAdmin && person.role === 'admin' && person.active && countActiveAdmins(db) <= 1)
    throw refuse(
      409,
      'last-admin',
      `${person.name} is the coalition's only active admin, and Scope always needs one. Make someone else an admin first.`,
    );
  if (person.id === user.id)
    throw refuse(
      409,
      'own-access',
      'You can’t change or deactivate your own account here, so nobody locks themselves out by mistake. Ask another admin.',
    );
}

/** What ending someone's access does, in words the confirmation shows. */
export const accessChangeWords =
  'Their sessions have ended and the API tokens they made have stopped working; they sign in again with their new access.';

/**
 * Gives someone another role, or moves a reporter to another agency. Their sessions end and their
 * tokens stop, as `setUserRole` does: both were granted for what they were.
 */
export function changeAccess(
  db: Db,
  user: User,
  userId: number,
  request: { role: Role; agencyCode?: string },
  now: Date,
): { person: Person; changed: boolean; message: string } {
  requireAdmin(user);
  const person = requirePerson(db, userId);
  const agency = agencyFor(db, request.role, request.agencyCode);
  if (person.role === request.role && (person.agency?.code ?? null) === (agency?.code ?? null))
    return { person, changed: false, message: `${person.name} already has this access; nothing changed.` };
  guardAccessChange(db, user, person, request.role !== 'admin');
  db.transaction(() => {
    setUserRole(db, person.id, { role: request.role, agencyId: agency?.id ?? null }, now.toISOString());
    recordAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'change-access',
      entityType: 'user',
      entityId: person.id,
      details: {
        from: { role: person.role, agency: person.agency?.code ?? null },
        to: { role: request.role, agency: agency?.code ?? null },
      },
    });
  })();
  return {
    person: requirePerson(db, person.id),
    changed: true,
    message: `${person.name} is now ${accessWords(request.role, agency)}. ${accessChangeWords}`,
  };
}

/**
 * Deactivates someone: they can't sign in, their sessions end and their tokens stop. Or reactivates
 * them: they sign in with their old password (or a reset link), and make new tokens.
 */
export function setActive(
  db: Db,
  user: User,
  userId: number,
  active: boolean,
  now: Date,
): { person: Person; changed: boolean; message: string } {
  requireAdmin(user);
  const person = requirePerson(db, userId);
  if (person.active === active)
    return {
      person,
      changed: false,
      message: `${person.name} is already ${active ? 'active' : 'deactivated'}; nothing changed.`,
    };
  if (!active) guardAccessChange(db, user, person, true);
  db.transaction(() => {
    setUserActive(db, person.id, active, now.toISOString());
    // A reset link made before must not bring a deactivated person back.
    if (!active) revokeAccountLinks(db, { kind: 'reset', userId: person.id }, now.toISOString());
    recordAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: active ? 'reactivate-user' : 'deactivate-user',
      entityType: 'user',
      entityId: person.id,
    });
  })();
  return {
    person: requirePerson(db, person.id),
    changed: true,
    message: active
      ? `${person.name} can sign in again with their password. If they don't remember it, make them a reset link.`
      : `${person.name} can no longer sign in. Their sessions have ended and the API tokens they made have stopped working.`,
  };
}

/**
 * A password reset link for someone (24 hours, once), replacing any earlier one; mailed to them when
 * Scope has a mail server, and always shown to the admin to pass on.
 */
export async function issueResetLink(
  db: Db,
  config: Config,
  user: User,
  userId: number,
  now: Date,
): Promise<Delivery> {
  requireAdmin(user);
  const person = requirePerson(db, userId);
  if (!person.active)
    throw refuse(409, 'deactivated', `${person.name}'s account is deactivated. Reactivate it first.`);
  const made = db.transaction(() => {
    const replaced = revokeAccountLinks(db, { kind: 'reset', userId: person.id }, now.toISOString());
    const link = createAccountLink(db, config.sessionSecret, {
      kind: 'reset',
      email: person.email,
      userId: person.id,
      createdBy: user.id,
      now,
    });
    recordAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'issue-reset-link',
      entityType: 'user',
      entityId: person.id,
      details: { replaced },
    });
    return link;
  })();
  const profile = coalitionProfile(db, config);
  const url = accountLinkUrl(config, 'reset', made.token);
  return deliver(
    config,
    {
      to: person.email,
      subject: 'Choose a new password for Scope',
      text: [
        `Hello ${person.name},`,
        ``,
        `${user.name} made you a link to choose a new password for Scope${profile.name ? `, for ${profile.name}` : ''}:`,
        ``,
        url,
        ``,
        `The link works once, until ${whenWords(made.expiresAt, profile.timeZone)} (24 hours). Choosing a new password signs you out everywhere you are signed in.`,
        ``,
        `If you didn't ask for this, tell ${user.name} (${user.email}); your password stays as it is until the link is used.`,
      ].join('\n'),
    },
    { url, expiresAt: made.expiresAt },
  );
}

/**
 * Turns off someone's two-factor sign-in, for a person who lost their phone and their recovery
 * codes: their secret and codes go, their sessions end, and they sign in with their password alone
 * (and, if admins must use two-factor, set it up again then).
 */
export function turnOffTwoFactor(
  db: Db,
  user: User,
  userId: number,
  now: Date,
): { person: Person; message: string } {
  requireAdmin(user);
  const person = requirePerson(db, userId);
  if (person.id === user.id)
    throw refuse(409, 'own-access', 'Turn off your own two-factor sign-in on your Account page.');
  if (!person.twoFactor)
    throw refuse(409, 'two-factor-off', `${person.name} doesn't have two-factor sign-in turned on.`);
  db.transaction(() => {
    disableTotp(db, person.id);
    deleteUserSessions(db, person.id);
    deleteSignInChallengesOf(db, person.id);
    recordAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'turn-off-two-factor',
      entityType: 'user',
      entityId: person.id,
    });
  })();
  return {
    person: requirePerson(db, person.id),
    message: `${person.name}'s two-factor sign-in is off and their sessions have ended. They sign in with their password, and can set up two-factor again on their Account page.`,
  };
}

// ---- The other side of the links: anyone holding one ---------------------------------------------

const refusalStatus: Record<LinkRefusal, 404 | 410> = { unknown: 404, used: 410, expired: 410, revoked: 410 };

function usableLink(
  db: Db,
  config: Config,
  kind: 'invitation' | 'reset',
  token: string,
  now: Date,
): AccountLink {
  const found = findUsableLink(db, config.sessionSecret, kind, token, now);
  if ('refusal' in found)
    throw new ApiError(
      refusalStatus[found.refusal],
      `link-${found.refusal}`,
      linkRefusalWords[found.refusal],
    );
  return found.link;
}

/** Runs a link's work and uses the link in one transaction; another request using it first undoes the work. */
function once<T>(db: Db, work: () => T): T {
  try {
    return db.transaction(work)();
  } catch (error) {
    if (error instanceof LinkAlreadyUsed) throw new ApiError(410, 'link-used', linkRefusalWords.used);
    throw error;
  }
}

/** Who an invitation is for, as its page greets them. */
export function invitationFor(db: Db, config: Config, token: string, now: Date) {
  const link = usableLink(db, config, 'invitation', token, now);
  const agency = link.agencyId === null ? undefined : getAgencyById(db, link.agencyId);
  return {
    email: link.email as string,
    role: link.role as Role,
    agency: agency ? { code: agency.code, name: agency.name } : null,
    coalitionName: coalitionProfile(db, config).name,
    expiresAt: link.expiresAt,
  };
}

/** Why this password can't be used, as a refusal; the link stays usable for another try. */
function checkPassword(password: string, person: { email: string; name: string }): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new ApiError(400, 'weak-password', problem);
}

/** Makes the invited person's account, with the name and password they chose; the link is used up. */
export function acceptInvitation(
  db: Db,
  config: Config,
  token: string,
  chosen: { name: string; password: string },
  now: Date,
): { email: string } {
  const link = usableLink(db, config, 'invitation', token, now);
  const email = link.email as string;
  if (getPersonByEmail(db, email))
    throw refuse(
      409,
      'already-has-account',
      `${email} already has a Scope account. Sign in, or ask your coalition admin for a password reset link.`,
    );
  const agency = link.agencyId === null ? undefined : getAgencyById(db, link.agencyId);
  if (agency && !agency.active)
    throw refuse(
      409,
      'agency-inactive',
      `${agency.name} no longer reports through Scope. Ask your coalition admin.`,
    );
  checkPassword(chosen.password, { email, name: chosen.name });
  const passwordHash = hashPassword(chosen.password);
  once(db, () => {
    const userId = insertInvitedPerson(db, {
      email,
      name: chosen.name,
      passwordHash,
      role: link.role as Role,
      agencyId: link.agencyId,
      at: now.toISOString(),
    });
    consumeLink(db, link, userId, now);
    recordAudit(db, {
      at: now.toISOString(),
      userId,
      action: 'accept-invitation',
      entityType: 'user',
      entityId: userId,
      details: { invitation: link.id, role: link.role, agency: agency?.code ?? null },
    });
  });
  return { email };
}

/** Whose password a reset link changes. */
export function resetFor(db: Db, config: Config, token: string, now: Date) {
  const link = usableLink(db, config, 'reset', token, now);
  const person = requirePerson(db, link.userId as number);
  if (!person.active)
    throw refuse(409, 'deactivated', 'This account is deactivated. Ask your coalition admin.');
  return { email: person.email, expiresAt: link.expiresAt };
}

/**
 * Sets the new password a reset link was made for. Every session of the person ends, wherever it was:
 * whoever knew the old password is signed out too.
 */
export function resetPassword(
  db: Db,
  config: Config,
  token: string,
  password: string,
  now: Date,
): { email: string } {
  const link = usableLink(db, config, 'reset', token, now);
  const person = requirePerson(db, link.userId as number);
  if (!person.active)
    throw refuse(409, 'deactivated', 'This account is deactivated. Ask your coalition admin.');
  checkPassword(password, person);
  const passwordHash = hashPassword(password);
  once(db, () => {
    setPasswordHash(db, person.id, passwordHash, now.toISOString());
    const sessions = deleteUserSessions(db, person.id);
    deleteSignInChallengesOf(db, person.id);
    consumeLink(db, link, person.id, now);
    recordAudit(db, {
      at: now.toISOString(),
      userId: person.id,
      action: 'reset-password',
      entityType: 'user',
      entityId: person.id,
      details: { link: link.id, sessionsEnded: sessions },
    });
  });
  return { email: person.email };
}
