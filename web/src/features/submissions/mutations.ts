/**
 * Every change to a submission. Each returns the submission as it now stands, which goes straight
 * into the cache (no second round trip), and then marks stale whatever summarises it elsewhere:
 * the agency's quarter list, the review queue, the completeness figures and the history.
 */
import { mutationOptions, type QueryClient, useMutation } from '@tanstack/react-query';
import { json } from '../../api/client';
import { completenessKeys, periodKeys } from '../home/queries';
import { submissionApi, submissionKeys, submissionParam } from './queries';
import type { SaveValuesBody, SubmissionDetail, SubmitBody } from './types';

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
export function saveValuesMutation(ref: SubmissionRef) {
  return mutationOptions({
    mutationFn: (body: SaveValuesBody) =>
      json(submissionApi.values.$put({ param: submissionParam(ref.agency, ref.period), json: body })),
    onSuccess: (detail, _body, _result, { client }) =>
      afterSubmissionChange(client, ref, detail, { history: false }),
  });
}

/** What a submit sends: the warnings' explanations, and for a copied draft that every figure was checked. */
export type SubmitRequest = SubmitBody;

/** Submits the report for review: a new, immutable revision. */
export function submitReportMutation(ref: SubmissionRef) {
  return mutationOptions({
    mutationFn: (body: SubmitRequest) =>
      json(submissionApi.submit.$post({ param: submissionParam(ref.agency, ref.period), json: body })),
    onSuccess: (detail, _body, _result, { client }) =>
      afterSubmissionChange(client, ref, detail, { history: true }),
  });
}

/** Starts an empty report from the previous quarter's figures, as a draft marked as copied. */
export function copyPreviousMutation(ref: SubmissionRef) {
  return mutationOptions({
    mutationFn: () =>
      json(submissionApi['copy-previous'].$post({ param: submissionParam(ref.agency, ref.period) })),
    onSuccess: (result, _none, _result, { client }) =>
      afterSubmissionChange(client, ref, result.submission, { history: false }),
  });
}

/** Admin: approves a submitted report, which locks it. */
export function approveReportMutation(ref: SubmissionRef) {
  return mutationOptions({
    // The route takes no body: approving needs nothing but the report's address.
    mutationFn: () => json(submissionApi.approve.$post({ param: submissionParam(ref.agency, ref.period) })),
    onSuccess: (detail, _none, _result, { client }) =>
      afterSubmissionChange(client, ref, detail, { history: true }),
  });
}

/** Admin: returns a submitted report with a comment the reporter will read. */
export function returnReportMutation(ref: SubmissionRef) {
  return mutationOptions({
    mutationFn: (comment: string) =>
      json(submissionApi.return.$post({ param: submissionParam(ref.agency, ref.period), json: { comment } })),
    onSuccess: (detail, _comment, _result, { client }) =>
      afterSubmissionChange(client, ref, detail, { history: true }),
  });
}

/** Admin: reopens an approved report so the agency can correct it. */
export function reopenReportMutation(ref: SubmissionRef) {
  return mutationOptions({
    mutationFn: (reason: string) =>
      json(submissionApi.reopen.$post({ param: submissionParam(ref.agency, ref.period), json: { reason } })),
    onSuccess: (detail, _reason, _result, { client }) =>
      afterSubmissionChange(client, ref, detail, { history: true }),
  });
}

/** What an upload sends: the file, and whether only to preview what it would change. */
export type UploadRequest = { file: Blob; dryRun: boolean };

/**
 * Uploads a CSV file. With `dryRun` nothing is stored and the cache is left alone; applied, the
 * new draft replaces the cached one. The file is the request's body as it is (the route reads raw
 * CSV, not JSON), so it goes in as `init.body` with its own Content-Type; the answer is JSON.
 */
export function uploadFileMutation(ref: SubmissionRef) {
  return mutationOptions({
    mutationFn: ({ file, dryRun }: UploadRequest) =>
      json(
        submissionApi.upload.$post(
          { param: submissionParam(ref.agency, ref.period), query: { dryRun: dryRun ? 'true' : 'false' } },
          { headers: { 'Content-Type': 'text/csv' }, init: { body: file } },
        ),
      ),
    onSuccess: (result, _upload, _result, { client }) =>
      result.dryRun ? undefined : afterSubmissionChange(client, ref, result.submission, { history: true }),
  });
}

/** {@link saveValuesMutation} in a component. */
export const useSaveValues = (ref: SubmissionRef) => useMutation(saveValuesMutation(ref));

/** {@link submitReportMutation} in a component. */
export const useSubmitReport = (ref: SubmissionRef) => useMutation(submitReportMutation(ref));

/** {@link copyPreviousMutation} in a component. */
export const useCopyPrevious = (ref: SubmissionRef) => useMutation(copyPreviousMutation(ref));

/** {@link approveReportMutation} in a component. */
export const useApproveReport = (ref: SubmissionRef) => useMutation(approveReportMutation(ref));

/** {@link returnReportMutation} in a component. */
export const useReturnReport = (ref: SubmissionRef) => useMutation(returnReportMutation(ref));

/** {@link reopenReportMutation} in a component. */
export const useReopenReport = (ref: SubmissionRef) => useMutation(reopenReportMutation(ref));

/** {@link uploadFileMutation} in a component. */
export const useUploadFile = (ref: SubmissionRef) => useMutation(uploadFileMutation(ref));
