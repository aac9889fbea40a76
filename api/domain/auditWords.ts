/**
 * The audit log in words: what each entry records, as a sentence an admin reads ("Approved Hills
 * Family Clinic’s 2026 Q3 report"). The server words them, so the page and any export say the same.
 */
import { periodShortLabel } from './periods';

/** What a sentence needs of an entry: its action, what it is about, and the agency's name if any. */
export type DescribableEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  agencyName: string | null;
};

const text = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : null;

/** "Hills Family Clinic’s", "River Street Advocates’". */
const possessive = (name: string) => (name.endsWith('s') ? `${name}’` : `${name}’s`);

/** What a reader of an agency's report looked at, by the `view` the read routes record. */
function describeView(view: string | null, report: string): string {
  if (view === 'revisions') return `Viewed the submitted revisions of ${report}`;
  if (view === 'changes') return `Compared revisions of ${report}`;
  if (view === 'template') return `Downloaded ${report} as a filled-in template`;
  const revision = view?.match(/^revision (\d+)$/);
  if (revision) return `Viewed revision ${revision[1]} of ${report}`;
  return `Opened ${report}`;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** One sentence saying what the entry records; an action it doesn't know is named as it is. */
export function describeAuditEntry(entry: DescribableEntry): string {
  const { details } = entry;
  const agency = entry.agencyName ?? text(details.agency);
  const period = text(details.period);
  const periodWords = period ? periodShortLabel(period) : null;
  const report =
    agency && periodWords
      ? `${possessive(agency)} ${periodWords} report`
      : periodWords
        ? `the ${periodWords} report`
        : 'a report';
  const count = typeof details.cells === 'number' ? details.cells : null;
  const changed = typeof details.changed === 'number' ? details.changed : null;
  const confidentialReport = () => {
    const area = text(details.areaName);
    return `a confidential ${text(details.templateName) ?? 'grant report'}${periodWords ? ` for ${periodWords}` : ''}${area ? `, ${area}` : ''}`;
  };
  switch (entry.action) {
    case 'sign-in':
      return 'Signed in';
    case 'sign-out':
      return 'Signed out';
    case 'sign-in-failed': {
      const address = text(details.address);
      return `A sign-in failed${entry.entityId ? '' : ' for an email no account has'}${address ? ` (from ${address})` : ''}`;
    }
    case 'sign-out-others': {
      const sessions = typeof details.sessions === 'number' ? details.sessions : null;
      return sessions === null
        ? 'Signed out everywhere else'
        : `Signed out everywhere else (${plural(sessions, 'other session')})`;
    }
    case 'redact':
      return `Removed a kept text (number ${entry.entityId}) and recorded why`;
    case 'start':
      return `Started ${report}`;
    case 'save-draft':
      return count === null
        ? `Saved the draft of ${report}`
        : `Saved ${plural(count, 'count')} in the draft of ${report}`;
    case 'upload':
      return changed === null
        ? `Uploaded a file into ${report}`
        : `Uploaded a file into ${report}, changing ${plural(changed, 'count')}`;
    case 'submit':
      return `Submitted ${report}${typeof details.revision === 'number' ? ` (revision ${details.revision})` : ''}${details.late === true ? ', late' : ''}`;
    case 'approve':
      return `Approved ${report}`;
    case 'return':
      return `Returned ${report} for correction`;
    case 'reopen':
      return `Reopened ${report} for correction`;
    case 'view-report':
      return describeView(text(details.view), report);
    case 'open-entry-early':
      return `Opened ${periodWords ?? 'a quarter'} for entry before it ended`;
    case 'close-entry-early':
      return `Closed early entry for ${periodWords ?? 'a quarter'}`;
    case 'publish-release':
      return periodWords ? `Published the ${periodWords} release` : 'Published a release';
    case 'confirm-provisional-release':
      return `Confirmed publishing ${periodWords ?? 'a quarter'} while some reports are missing`;
    case 'release-failed': {
      const reason = text(details.reason);
      return `A release failed${reason ? `: ${reason}` : ''}`;
    }
    case 'change-disclosure-policy':
      return 'Changed the disclosure policy';
    case 'change-publication-settings':
      return 'Changed the publication settings';
    case 'create-token':
      return agency ? `Created an API token for ${agency}` : 'Created an API token';
    case 'revoke-token':
      return agency ? `Revoked an API token of ${agency}` : 'Revoked an API token';
    case 'make-confidential-report':
      return `Made ${confidentialReport()}${typeof details.regenerationOf === 'number' ? ` again (report ${details.regenerationOf} remade)` : ''}, saying why`;
    case 'preview-confidential-report':
      return `Previewed ${confidentialReport()}, saying why`;
    case 'download-confidential-report': {
      const format = text(details.format);
      return `Downloaded ${confidentialReport()}${format ? ` as ${format.toUpperCase()}` : ''}`;
    }
    case 'change-report-settings':
      return details.confidentialReports === false
        ? 'Switched confidential grant reports off'
        : 'Switched confidential grant reports on';
    case 'change-coalition-settings':
      return 'Changed the coalition’s settings';
    case 'create-setup-link':
      return 'Made a one-time set-up link';
    case 'complete-setup':
      return 'Set up the coalition and its first admin';
    case 'create-agency':
      return `Added ${agency ?? 'an agency'}`;
    case 'change-agency':
      return `Changed ${agency ?? 'an agency'}`;
    case 'deactivate-agency':
      return `Deactivated ${agency ?? 'an agency'}`;
    case 'reactivate-agency':
      return `Reactivated ${agency ?? 'an agency'}`;
    case 'delete-agency':
      return `Deleted ${agency ?? 'an agency'}, which had never reported`;
    case 'invite': {
      const email = text(details.email);
      const role = text(details.role);
      return `Invited ${email ?? 'someone'}${role ? ` as ${role === 'viewer' ? 'a viewer' : `${role === 'admin' ? 'an' : 'a'} ${role}`}` : ''}${agency ? ` for ${agency}` : ''}`;
    }
    case 'withdraw-invitation':
      return `Withdrew the invitation to ${text(details.email) ?? 'someone'}`;
    case 'accept-invitation':
      return 'Accepted an invitation and chose a password';
    case 'change-access':
      return 'Changed a person’s role or agency (their sessions ended and their tokens stopped)';
    case 'deactivate-user':
      return 'Deactivated a person’s account';
    case 'reactivate-user':
      return 'Reactivated a person’s account';
    case 'issue-reset-link':
      return 'Made a password-reset link for a person';
    case 'reset-password':
      return 'Chose a new password with a reset link';
    case 'change-password':
      return 'Changed their own password';
    case 'turn-off-two-factor':
      return 'Turned off a person’s two-factor sign-in';
    case 'two-factor-setup-started':
      return 'Began setting up two-factor sign-in';
    case 'two-factor-on':
      return 'Turned on two-factor sign-in';
    case 'two-factor-off':
      return 'Turned off their own two-factor sign-in';
    case 'new-recovery-codes':
      return 'Made new recovery codes';
    case 'recovery-code-used': {
      const left = typeof details.left === 'number' ? details.left : null;
      return `Signed in with a recovery code${left === null ? '' : ` (${plural(left, 'code')} left)`}`;
    }
    case 'end-session':
      return 'Ended one of their own sessions';
    case 'send-reminders': {
      const agencies = Array.isArray(details.agencies) ? details.agencies.length : null;
      return `Sent reminders${agencies === null ? '' : ` to ${plural(agencies, 'agency', 'agencies')}`}${periodWords ? ` about ${periodWords}` : ''}`;
    }
    case 'copy-reminders': {
      const agencies = Array.isArray(details.agencies) ? details.agencies.length : null;
      return `Copied reminders${agencies === null ? '' : ` for ${plural(agencies, 'agency', 'agencies')}`}${periodWords ? ` about ${periodWords}` : ''} to send by hand`;
    }
    case 'copy-previous':
      return `Started ${report} from the previous quarter’s figures`;
    default: {
      const words = entry.action.replaceAll('-', ' ');
      return `${words.charAt(0).toUpperCase()}${words.slice(1)}${entry.entityId ? ` (${entry.entityType} ${entry.entityId})` : ''}`;
    }
  }
}
