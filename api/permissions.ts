/**
 * Who may do what. Every route asks one of these named questions instead of comparing roles inline,
 * so the rules live in one place and are tested as a matrix.
 */
import type { Agency } from './queries/orgUnits';
import type { User } from './queries/users';

export const isAdmin = (user: User) => user.role === 'admin';

/** Reporters see only their own agency's submissions; admins see every agency's. */
export function canViewAgencySubmissions(user: User, agency: Pick<Agency, 'id'>): boolean {
  return isAdmin(user) || (user.role === 'reporter' && user.agencyId === agency.id);
}

/** Which agencies have reported is for admins chasing submissions. */
export function canViewCompleteness(user: User): boolean {
  return isAdmin(user);
}

/** Every signed-in person may see which quarters have data and how complete they are. */
export function canViewPeriods(user: User): boolean {
  return user.role === 'admin' || user.role === 'reporter' || user.role === 'viewer';
}
