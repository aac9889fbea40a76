/**
 * Removing a kept text (an explanation or a review comment) for every reader: admins only. Every view
 * of the report shows the text, so the whole report's cache is marked stale, and the agency's quarter
 * list, which shows the return comment.
 */
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api, json, pathParams } from '../../api/client';
import type { SubmissionRef } from '../submissions/mutations';
import { submissionKeys } from '../submissions/queries';

/** What a removal sends: which text, and why. */
export type RemoveTextRequest = { id: number; reason: string };

export function removeTextMutation(ref: SubmissionRef) {
  return mutationOptions({
    mutationFn: ({ id, reason }: RemoveTextRequest) =>
      json(api['free-texts'][':id'].redact.$post({ param: pathParams({ id }), json: { reason } })),
    onSuccess: (_removed, _request, _result, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: submissionKeys.detail(ref.agency, ref.period) }),
        client.invalidateQueries({ queryKey: submissionKeys.byAgency(ref.agency), exact: true }),
      ]),
  });
}

/** {@link removeTextMutation} in a component. */
export const useRemoveText = (ref: SubmissionRef) => useMutation(removeTextMutation(ref));
