/**
 * The audit page's filters live in the address (`?action=approve&from=2026-10-01&page=2`), so a view
 * can be bookmarked or sent to a colleague. Anything unrecognised falls back to "all".
 */

/** What the log is narrowed to; `null` means every value. */
export type AuditFilters = {
  action: string | null;
  entityType: string | null;
  user: number | null;
  from: string | null;
  to: string | null;
  page: number;
};

/** How many entries a page shows. */
export const auditPageSize = 50;

const slug = /^[a-z][a-z0-9-]{0,59}$/;
const day = /^\d{4}-\d{2}-\d{2}$/;

const wholeNumber = (value: string | null) => (value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null);

/** Reads the filters from the page address, ignoring values that can't be right. */
export function parseAuditFilters(search: URLSearchParams): AuditFilters {
  const text = (name: string, pattern: RegExp) => {
    const value = search.get(name)?.trim() ?? '';
    return pattern.test(value) ? value : null;
  };
  let from = text('from', day);
  let to = text('to', day);
  // Dates typed the wrong way round mean the same span.
  if (from && to && from > to) [from, to] = [to, from];
  return {
    action: text('action', slug),
    entityType: text('entityType', slug),
    user: wholeNumber(search.get('user')),
    from,
    to,
    page: wholeNumber(search.get('page')) ?? 1,
  };
}

/** The filters as address parameters, leaving out what is unset so the plain page keeps a plain address. */
export function auditSearch(filters: AuditFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.action) search.set('action', filters.action);
  if (filters.entityType) search.set('entityType', filters.entityType);
  if (filters.user !== null) search.set('user', String(filters.user));
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  if (filters.page > 1) search.set('page', String(filters.page));
  return search;
}

const actionWords: Record<string, string> = {
  'sign-in': 'Signing in',
  'sign-out': 'Signing out',
  start: 'Starting a report',
  'save-draft': 'Saving a draft',
  upload: 'Uploading a file',
  submit: 'Submitting a report',
  approve: 'Approving a report',
  return: 'Returning a report',
  reopen: 'Reopening a report',
  'view-report': 'Viewing an agency’s report',
  'open-entry-early': 'Opening entry early',
  'close-entry-early': 'Closing early entry',
  'publish-release': 'Publishing a release',
  'confirm-provisional-release': 'Confirming a provisional release',
  'release-failed': 'A release failing',
  'change-disclosure-policy': 'Changing the disclosure policy',
  'change-publication-settings': 'Changing the publication settings',
  'create-token': 'Creating an API token',
  'revoke-token': 'Revoking an API token',
};

const entityWords: Record<string, string> = {
  submission: 'Reports',
  release: 'Releases',
  user: 'People',
  'api-token': 'API tokens',
  period: 'Quarters',
  settings: 'Settings',
};

/** "a-thing-done" → "A thing done", for an action or kind the page has no words for yet. */
const asWords = (code: string) => {
  const words = code.replaceAll('-', ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
};

/** An action in the filter, in words. */
export const actionLabel = (action: string) => actionWords[action] ?? asWords(action);

/** A kind of thing the log is about, in words. */
export const entityTypeLabel = (entityType: string) => entityWords[entityType] ?? asWords(entityType);

/** "Showing entries 51 to 100 of 1,234." */
export function describePage(total: number, page: number, pageSize: number, shown: number): string {
  if (total === 0) return 'No entries match these filters.';
  const first = (page - 1) * pageSize + 1;
  const count = (n: number) => n.toLocaleString('en-US');
  if (shown === 0) return `This page is past the end: ${count(total)} entries match these filters.`;
  return `Showing entries ${count(first)} to ${count(first + shown - 1)} of ${count(total)}, newest first.`;
}
