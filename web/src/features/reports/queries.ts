/**
 * Query keys and options for grant reports. Keys are layered from `reportKeys.all`: making or
 * regenerating a report marks the list stale; saving a draft replaces that draft's answer.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, json, pathParams } from '../../api/client';

/** How often a report that is still rendering is asked for its progress. */
export const renderPollMs = 1000;

/** Which draft: one person's narratives for one template, period and area. */
export type DraftKey = { template: string; period: string; area: string };

/**
 * Keys for grant reports: `all` → `templates()`, `choices(template)`, `draft(key)`,
 * `list()`, `detail(id)` and `changes(id)`.
 */
export const reportKeys = {
  all: ['reports'] as const,
  templates: () => [...reportKeys.all, 'templates'] as const,
  choices: (template: string) => [...reportKeys.all, 'choices', template] as const,
  drafts: () => [...reportKeys.all, 'draft'] as const,
  draft: ({ template, period, area }: DraftKey) => [...reportKeys.drafts(), template, period, area] as const,
  list: () => [...reportKeys.all, 'list'] as const,
  details: () => [...reportKeys.all, 'detail'] as const,
  detail: (id: number) => [...reportKeys.details(), id] as const,
  changes: (id: number) => [...reportKeys.all, 'changes', id] as const,
};

/** Every grant-report template, in the order the coalition's files give them. */
export function templatesQuery() {
  return queryOptions({
    queryKey: reportKeys.templates(),
    queryFn: ({ signal }) => json(api['report-templates'].$get(undefined, { init: { signal } })),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The periods and areas a template's report can be made for, and whether this person may make a confidential one. */
export function choicesQuery(template: string) {
  return queryOptions({
    queryKey: reportKeys.choices(template),
    queryFn: ({ signal }) => json(api.reports.choices.$get({ query: { template } }, { init: { signal } })),
  });
}

/** This person's saved narratives for a template, period and area. */
export function draftQuery(key: DraftKey) {
  return queryOptions({
    queryKey: reportKeys.draft(key),
    queryFn: ({ signal }) => json(api.reports.drafts.$get({ query: key }, { init: { signal } })),
    // The person is the only one writing it; refetching could overwrite what they are typing.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Every kept report this person may see, newest first. Polled while any is still rendering. */
export function reportListQuery() {
  return queryOptions({
    queryKey: reportKeys.list(),
    queryFn: ({ signal }) => json(api.reports.$get(undefined, { init: { signal } })),
    refetchInterval: (query) =>
      query.state.data?.reports.some((report) => report.status === 'rendering') ? renderPollMs : false,
  });
}

/** One report, asked again every {@link renderPollMs} while it renders so its progress moves. */
export function reportDetailQuery(id: number) {
  return queryOptions({
    queryKey: reportKeys.detail(id),
    queryFn: ({ signal }) =>
      json(api.reports[':id'].$get({ param: pathParams({ id }) }, { init: { signal } })),
    refetchInterval: (query) => (query.state.data?.status === 'rendering' ? renderPollMs : false),
  });
}

/** The figures that changed between a regenerated report and the one it replaced. */
export function changesQuery(id: number) {
  return queryOptions({
    queryKey: reportKeys.changes(id),
    queryFn: ({ signal }) =>
      json(api.reports[':id'].changes.$get({ param: pathParams({ id }) }, { init: { signal } })),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
