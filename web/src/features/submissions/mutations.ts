/**
 * Every change to a submission. Each returns the submission as it now stands, which goes straight
 * into the cache (no second round trip), and then marks stale whatever summarises it elsewhere:
 * the agency's quarter list, the review queue, the completeness figures and the history.
 */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { json } from '../../api/client';
import { completenessKeys, periodKeys } from '../home/queries';
import { submissionApi, submissionKeys, submissionParam } from './queries';
import type { SaveValuesBody, SubmissionDetail } from './types';

/** Which submission a mutation is about. */
export type SubmissionRef = { agency: string; period: string };

/**
 * Stores the new state of one submission and marks everything derived from it as stale. `history`
 * also refreshes revisions and comparisons, which change on submit, review and upload but not on an
 * autosave of a few cells (the draft comparison is refetched whenever it is opened anyway).
 */
export function afterSubmissionChange(
  queryClient: QueryClient,
  { agency, period }: SubmissionRef,
  detail: SubmissionDetail,
  { history }: { history: boolean },
): Promise<unknown> {
  queryClient.setQueryData(submissionKeys.detail(agency, period), detail);
  const stale: Array<Promise<unknown>> = [
    // The agency's own quarter list; `exact` keeps the detail just stored from being refetched.
    queryClient.invalidateQueries({ queryKey: submissionKeys.byAgency(agency), exact: true }),
    queryClient.invalidateQueries({ queryKey: submissionKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: completenessKeys.all }),
    queryClient.invalidateQueries({ queryKey: periodKeys.all }),
  ];
  if (history) {
    stale.push(
      queryClient.invalidateQueries({ queryKey: submissionKeys.revisions(agency, period) }),
      queryClient.invalidateQueries({ queryKey: [...submissionKeys.detail(agency, period), 'diff'] }),
    );
  }
  return Promise.all(stale);
}

/** Sends changed cells and explanations (the autosave). Creates the draft if there was none. */
export function useSaveValues(ref: SubmissionRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveValuesBody) =>
      json(submissionApi.values.$put({ param: submissionParam(ref.agency, ref.period), json: body })),
    onSuccess: (detail) => afterSubmissionChange(queryClient, ref, detail, { history: false }),
  });
}

/** Submits the report for review: a new, immutable revision. */
export function useSubmitReport(ref: SubmissionRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (explanations: Record<string, string>) =>
      json(
        submissionApi.submit.$post({
          param: submissionParam(ref.agency, ref.period),
          json: { explanations },
        }),
      ),
    onSuccess: (detail) => afterSubmissionChange(queryClient, ref, detail, { history: true }),
  });
}

/** Admin: approves a submitted report, which locks it. */
export function useApproveReport(ref: SubmissionRef) {
  const queryClient = useQueryClient();
  return useMutation({
    // The route takes no body: approving needs nothing but the report's address.
    mutationFn: () => json(submissionApi.approve.$post({ param: submissionParam(ref.agency, ref.period) })),
    onSuccess: (detail) => afterSubmissionChange(queryClient, ref, detail, { history: true }),
  });
}

/** Admin: returns a submitted report with a comment the reporter will read. */
export function useReturnReport(ref: SubmissionRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: string) =>
      json(submissionApi.return.$post({ param: submissionParam(ref.agency, ref.period), json: { comment } })),
    onSuccess: (detail) => afterSubmissionChange(queryClient, ref, detail, { history: true }),
  });
}

/** Admin: reopens an approved report so the agency can correct it. */
export function useReopenReport(ref: SubmissionRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      json(submissionApi.reopen.$post({ param: submissionParam(ref.agency, ref.period), json: { reason } })),
    onSuccess: (detail) => afterSubmissionChange(queryClient, ref, detail, { history: true }),
  });
}

/** What an upload sends: the file, and whether only to preview what it would change. */
export type UploadRequest = { file: Blob; dryRun: boolean };

/**
 * Uploads a CSV file. With `dryRun` nothing is stored and the cache is left alone; applied, the
 * new draft replaces the cached one. The file is the request's body as it is (the route reads raw
 * CSV, not JSON), so it goes in as `init.body` with its own Content-Type; the answer is JSON.
 */
export function useUploadFile(ref: SubmissionRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: UploadRequest) =>
      json(
        submissionApi.upload.$post(
          { param: submissionParam(ref.agency, ref.period), query: { dryRun: dryRun ? 'true' : 'false' } },
          { headers: { 'Content-Type': 'text/csv' }, init: { body: file } },
        ),
      ),
    onSuccess: (result) =>
      result.dryRun
        ? undefined
        : afterSubmissionChange(queryClient, ref, result.submission, { history: true }),
  });
}
