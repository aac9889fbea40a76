/**
 * Query keys and options for the coalition's settings page (admins only): one answer holds every
 * section, so saving any section replaces it whole.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, json } from '../../api/client';

/** Keys for the settings: `all` → `detail()`. */
export const settingsKeys = {
  all: ['settings'] as const,
  detail: () => [...settingsKeys.all, 'detail'] as const,
};

/** `GET /api/settings`: the coalition's names, counties, calendar, protection, grant reports and sign-in. */
export function settingsQuery() {
  return queryOptions({
    queryKey: settingsKeys.detail(),
    queryFn: ({ signal }) => json(api.settings.$get(undefined, { init: { signal } })),
  });
}
