/**
 * Writing grant reports: saving a draft's narratives, previewing, making and regenerating a report,
 * and the coalition's confidential-reports setting.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DraftKey, reportKeys } from './queries';
import { reportsJson, reportsResponse } from './request';
import type { ReportDraft, ReportRequest, ReportSettings, ReportSummary } from './types';

/** Saves this person's narratives for a template, period and area; the answer becomes the cached draft. */
export function useSaveDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: DraftKey & { texts: Record<string, string> }) =>
      reportsJson<ReportDraft>('/drafts', { method: 'PUT', body: draft }),
    onSuccess: (saved, { template, period, area }) => {
      queryClient.setQueryData(reportKeys.draft({ template, period, area }), saved);
    },
  });
}

/** The report as it will print, as a whole HTML page (with the saved draft's narratives). */
export function usePreviewReport() {
  return useMutation({
    mutationFn: async (request: ReportRequest) =>
      (await reportsResponse('/preview', { method: 'POST', body: request, accept: 'text/html' })).text(),
  });
}

/**
 * Starts making a report; resolves with its id while it renders in the background. The history is
 * marked stale so it lists the new report.
 */
export function useMakeReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ReportRequest) =>
      reportsJson<{ id: number }>('', { method: 'POST', body: request }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.list() }),
  });
}

/** Makes an outdated report again from today's releases, with the same choices and narratives. */
export function useRegenerateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (report: Pick<ReportSummary, 'id'>) =>
      reportsJson<{ id: number }>(`/${report.id}/regenerate`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.list() }),
  });
}

/** Turns confidential reports on or off for the coalition (admins only); every template's choices follow. */
export function useSaveReportSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ReportSettings) =>
      reportsJson<ReportSettings>('/settings', { method: 'PUT', body: settings }),
    onSuccess: (saved) => {
      queryClient.setQueryData(reportKeys.settings(), saved);
      return queryClient.invalidateQueries({ queryKey: [...reportKeys.all, 'choices'] });
    },
  });
}
