/** The people page's rules and words, apart from its components so they are tested directly. */
import type { Role } from '../../api/types';
import type { Invitation, Person } from './types';

/** The roles an admin chooses from, in the coalition's words. */
export const roleChoices: ReadonlyArray<{ value: Role; label: string; hint: string }> = [
  { value: 'reporter', label: 'Reporter', hint: 'Enters and submits one agency’s quarterly counts.' },
  {
    value: 'viewer',
    label: 'Viewer (commission workgroup)',
    hint: 'Reads the dashboard and grant reports; changes nothing.',
  },
  { value: 'admin', label: 'Admin', hint: 'Runs the coalition: reviews, publishes, manages people.' },
];

export const roleName = (role: Role) => roleChoices.find((choice) => choice.value === role)?.label ?? role;

/** The role in a sentence: "a reporter for River Street Advocates", "a coalition admin". */
export function roleInSentence(role: Role, agencyName: string | null): string {
  if (role === 'admin') return 'a coalition admin';
  if (role === 'viewer') return 'a viewer (read-only, for the commission workgroup)';
  return `a reporter for ${agencyName ?? 'an agency'}`;
}

/** "Reporter, River Street Advocates" or "Admin". */
export function accessLabel(person: Pick<Person, 'role' | 'agency'>): string {
  return person.agency ? `${roleName(person.role)}, ${person.agency.name}` : roleName(person.role);
}

export type PeopleFilters = { agency: string | null; role: Role | null };

/** The filters in the page's address: `?agency=RIVER&role=reporter`; anything else is no filter. */
export function readFilters(params: URLSearchParams): PeopleFilters {
  const role = params.get('role');
  return {
    agency: params.get('agency')?.toUpperCase() || null,
    role: roleChoices.some((choice) => choice.value === role) ? (role as Role) : null,
  };
}

export function filterPeople(people: readonly Person[], filters: PeopleFilters): Person[] {
  return people.filter(
    (person) =>
      (filters.agency === null || person.agency?.code === filters.agency) &&
      (filters.role === null || person.role === filters.role),
  );
}

/**
 * The invitations still waiting for someone: pending ones, and expired ones that can be sent again.
 * Accepted people are in the list of people; withdrawn and replaced invitations are done with.
 */
export function openInvitations(invitations: readonly Invitation[]): Invitation[] {
  return invitations.filter((invitation) => invitation.state === 'pending' || invitation.state === 'expired');
}

/** "Never", or the day and time in the coalition's time zone. */
export function whenWords(iso: string | null, timeZone: string): string {
  if (iso === null) return 'Never';
  return new Date(iso).toLocaleString('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
}

/** What each action on a person does, said before they confirm it. */
export const actionWords = {
  changeAccess: (name: string) =>
    `${name} will be signed out everywhere, and any API tokens they made will stop working. They sign in again with their new access.`,
  deactivate: (name: string) =>
    `${name} won’t be able to sign in. They are signed out everywhere now and any API tokens they made stop working. Their reports and history stay, and you can reactivate them later.`,
  reactivate: (name: string) =>
    `${name} can sign in again with their old password. If they don’t remember it, make them a reset link afterwards.`,
  resetLink: (name: string) =>
    `This makes a link that lets ${name} choose a new password, once, within 24 hours. Any earlier reset link of theirs stops working. When they use it, they are signed out everywhere.`,
  turnOffTwoFactor: (name: string) =>
    `${name} will sign in with their password alone until they set up two-factor sign-in again, and is signed out everywhere now. Do this only when you are sure it is really them asking, for example on a phone call.`,
};
