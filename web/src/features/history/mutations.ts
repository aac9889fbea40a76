/**
 * Removing a kept text (an explanation, a review comment, a token's name) for every reader: admins
 * only. Whatever shows the text is marked stale: for a report, the whole report's cache and the
 * agency's quarter list, which shows the return comment.
 */
import { type InvalidateQueryFilters, mutationOptions, useMutation } from '@tanstack/react-query';
import { api, json, pathParams } from '../../api/client';
import type { SubmissionRef } from '../submissions/mutations';
import { submissionKeys } from '../submissions/queries';

/** What a removal sends: which text, and why. */
export type RemoveTextRequest = { id: number; reason: string };

/** The queries that show a report's texts. */
export const reportTexts = (ref: SubmissionRef): InvalidateQueryFilters[] => [
  { queryKey: submissionKeys.detail(ref.agency, ref.period) },
  { queryKey: submissionKeys.byAgency(ref.agency), exact: true },
];

export function removeTextMutation(showing: readonly InvalidateQueryFilters[]) {
  return mutationOptions({
    mutationFn: ({ id, reason }: RemoveTextRequest) =>
      json(api['free-texts'][':id'].redact.$post({ param: pathParams({ id }), json: { reason } })),
    onSuccess: (_removed, _request, _result, { client }) =>
      Promise.all(showing.map((filters) => client.invalidateQueries(filters))),
  });
}

/** {@link removeTextMutation} in a component. */
export const useRemoveText = (showing: readonly InvalidateQueryFilters[]) =>
  useMutation(removeTextMutation(showing));
