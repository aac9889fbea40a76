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

/** The audit log is for coalition admins, as people: it names who did and read what. */
export function canReadAuditLog(user: User): boolean {
  return isAdmin(user) && user.tokenId === undefined;
}

/** Every signed-in person may see which quarters have data and how complete they are. */
export function canViewPeriods(user: User): boolean {
  return user.role === 'admin' || user.role === 'reporter' || user.role === 'viewer';
}

/** The submission states in which an agency may still change its numbers. */
const editableStatuses = new Set(['not_started', 'draft', 'returned']);

type SubmissionContext = {
  agency: Pick<Agency, 'id'>;
  status: 'not_started' | 'draft' | 'submitted' | 'returned' | 'approved';
  periodOpen: boolean;
  /** An admin reopened it: a lock exception for a closed period. */
  reopened: boolean;
};

/** Reporters (and their agency's systems) see their own agency's quarter; admins see every agency's. */
export function canViewSubmission(user: User, agency: Pick<Agency, 'id'>): boolean {
  return canViewAgencySubmissions(user, agency);
}

/**
 * Only the agency's own reporters edit its numbers, only before they are submitted (or after they
 * are returned or reopened), and only while the period is open unless an admin reopened it.
 */
export function canEditSubmission(user: User, s: SubmissionContext): boolean {
  return (
    user.role === 'reporter' &&
    user.agencyId === s.agency.id &&
    editableStatuses.has(s.status) &&
    (s.periodOpen || s.reopened)
  );
}

/** Admins approve or return what has been submitted. */
export function canReviewSubmission(user: User, s: Pick<SubmissionContext, 'status'>): boolean {
  return isAdmin(user) && user.tokenId === undefined && s.status === 'submitted';
}

/** Admins reopen an approved, locked submission. */
export function canReopenSubmission(user: User, s: Pick<SubmissionContext, 'status'>): boolean {
  return isAdmin(user) && user.tokenId === undefined && s.status === 'approved';
}

/** A person (never a token) sees and revokes their own agency's API tokens; admins any agency's. */
export function canManageApiTokens(user: User, agency: Pick<Agency, 'id'>): boolean {
  if (user.tokenId !== undefined) return false;
  return isAdmin(user) || (user.role === 'reporter' && user.agencyId === agency.id);
}

/**
 * Only the agency's own reporters, as people, make its tokens: a token acts as the person who made it,
 * and only an agency's reporters enter its numbers. Admins revoke tokens but never make them.
 */
export function canMakeApiToken(user: User, agency: Pick<Agency, 'id'>): boolean {
  return user.tokenId === undefined && user.role === 'reporter' && user.agencyId === agency.id;
}

/** Only coalition admins, as people (never through an API token), publish releases and see them being made. */
export function canPublishRelease(user: User): boolean {
  return isAdmin(user) && user.tokenId === undefined;
}

/** Admins see every release, computing and failed ones included, with why a release failed. */
export function canViewReleaseDetails(user: User | null): boolean {
  return user !== null && isAdmin(user);
}

/** Anyone sees the public figures; the coalition's finer figures need a signed-in member. */
export function canViewAudience(user: User | null, audience: 'public' | 'coalition'): boolean {
  return audience === 'public' || user !== null;
}

/** Opening a quarter for entry before it ends, or closing it again, is for admins, as people. */
export function canOpenPeriodEarly(user: User): boolean {
  return isAdmin(user) && user.tokenId === undefined;
}

/** Admins, as people, see the thresholds in force (a token acts for an agency, never for the coalition). */
export function canViewDisclosurePolicy(user: User): boolean {
  return isAdmin(user) && user.tokenId === undefined;
}

/** Changing the disclosure thresholds is for admins, as people. */
export function canChangeDisclosurePolicy(user: User): boolean {
  return isAdmin(user) && user.tokenId === undefined;
}

/** Removing a kept text (an explanation or comment that should never have been kept) is for admins, as people. */
export function canRedactFreeText(user: User): boolean {
  return isAdmin(user) && user.tokenId === undefined;
}

/**
 * Exact (confidential) grant reports hold counts below the publication threshold: for admins, as
 * people, and only while the coalition allows them. Protected ones are for anyone signed in.
 */
export function canMakeConfidentialReports(user: User): boolean {
  return isAdmin(user) && user.tokenId === undefined;
}

/**
 * Grant reports are a person's work: anyone signed in as a person makes protected ones and keeps
 * narrative drafts (an agency's system with an API token makes none).
 */
export function canMakeReports(user: User): boolean {
  return user.tokenId === undefined;
}

/** Confidential reports hold exact counts: listed, previewed and downloaded by admins, as people, only. */
export function canViewConfidentialReports(user: User): boolean {
  return isAdmin(user) && user.tokenId === undefined;
}

/** Whether the coalition allows confidential reports at all is for admins, as people, to change. */
export function canChangeReportSettings(user: User): boolean {
  return isAdmin(user) && user.tokenId === undefined;
}

/**
 * Running the coalition (its settings, its agencies, its people, reminders to agencies) is for
 * admins, as people: a token acts for one agency, never for the coalition.
 */
export function canManageCoalition(user: User): boolean {
  return isAdmin(user) && user.tokenId === undefined;
}

/** Sending (or copying) reminders to agencies that have not reported is for admins, as people. */
export function canSendReminders(user: User): boolean {
  return isAdmin(user) && user.tokenId === undefined;
}

/**
 * A person, never a token, changes their own password, sees and ends their own sessions and sets up
 * their own two-factor sign-in.
 */
export function canManageOwnAccount(user: User): boolean {
  return user.tokenId === undefined;
}

/** Only the agency's own reporters, as people, answer a return of its report. */
export function canReplyToReturn(user: User, agency: Pick<Agency, 'id'>): boolean {
  return user.tokenId === undefined && user.role === 'reporter' && user.agencyId === agency.id;
}

/**
 * Starting an empty report from the previous quarter's figures is for the agency's reporters, as
 * people, wherever they may edit it: copied figures wait for a person to check each one.
 */
export function canCopyPreviousQuarter(user: User, s: SubmissionContext): boolean {
  return user.tokenId === undefined && canEditSubmission(user, s);
}
