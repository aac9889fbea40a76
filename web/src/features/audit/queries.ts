import { queryOptions } from '@tanstack/react-query';
import { api, json } from '../../api/client';
import { type AuditFilters, auditPageSize } from './filters';

/** Keys for the audit log: `all` → `list(filters)`. Nothing in the app changes an entry, so none are invalidated. */
export const auditLogKeys = {
  all: ['audit-log'] as const,
  list: (filters: AuditFilters) =>
    [
      ...auditLogKeys.all,
      filters.action ?? 'all',
      filters.entityType ?? 'all',
      filters.user ?? 'all',
      filters.from ?? '',
      filters.to ?? '',
      filters.page,
    ] as const,
};

/** One page of the audit log, newest first (admins only). */
export function auditLogQuery(filters: AuditFilters) {
  return queryOptions({
    queryKey: auditLogKeys.list(filters),
    queryFn: ({ signal }) => {
      const query = {
        action: filters.action ?? undefined,
        entityType: filters.entityType ?? undefined,
        user: filters.user === null ? undefined : String(filters.user),
        from: filters.from ?? undefined,
        to: filters.to ?? undefined,
        page: String(filters.page),
        pageSize: String(auditPageSize),
      };
      return json(api['audit-log'].$get({ query }, { init: { signal } }));
    },
  });
}
