/**
 * Writing grant reports: saving a draft's narratives, previewing, making and regenerating a report,
 * and the coalition's confidential-reports setting.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json, okResponse, pathParams } from '../../api/client';
import { type DraftKey, reportKeys } from './queries';
import type { RegenerateRequest, ReportRequest } from './types';

/** Saves this person's narratives for a template, period and area; the answer becomes the cached draft. */
export function useSaveDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: DraftKey & { texts: Record<string, string> }) =>
      json(api.reports.drafts.$put({ json: draft })),
    onSuccess: (saved, { template, period, area }) => {
      queryClient.setQueryData(reportKeys.draft({ template, period, area }), saved);
    },
  });
}

/** The report as it will print, as a whole HTML page (with the saved draft's narratives). */
export function usePreviewReport() {
  return useMutation({
    mutationFn: async (request: ReportRequest) =>
      (
        await okResponse(api.reports.preview.$post({ json: request }, { headers: { Accept: 'text/html' } }))
      ).text(),
  });
}

/**
 * Starts making a report; resolves with its id while it renders in the background. The history is
 * marked stale so it lists the new report.
 */
export function useMakeReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ReportRequest) => json(api.reports.$post({ json: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.list() }),
  });
}

/**
 * Makes an outdated or withdrawn report again from today's releases, with the same choices and
 * narratives; a confidential one with the regenerating admin's own purpose.
 */
export function useRegenerateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, purpose }: RegenerateRequest) =>
      json(
        api.reports[':id'].regenerate.$post({
          param: pathParams({ id }),
          json: purpose === undefined ? {} : { purpose },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.list() }),
  });
}
