/**
 * The review queue is the submissions list for one quarter. It uses the submissions feature's own
 * query (key `submissionKeys.list(period)`), so approving or returning a report there refreshes
 * this list too, with no key of its own to fall out of step.
 */
import { submissionListQuery } from '../submissions/queries';

/** Every agency's submission for `period`, including agencies that haven't started (admin only). */
export function reviewQueueQuery(period: string) {
  return submissionListQuery(period);
}
