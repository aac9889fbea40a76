/**
 * The parts of the form that carry a conversation between an agency and its reviewer: the
 * reporter's reply to a return, the reviewer's view of that reply beside what changed, and starting
 * an empty report from the previous quarter's figures (marked until every figure is checked).
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { errorMessage } from '../../components/QueryStatus';
import { Conversation } from '../history/Conversation';
import { DiffTable } from '../history/HistoryPage';
import { returnAnswered } from '../history/revisions';
import { useCopyPrevious } from '../submissions/mutations';
import { revisionsQuery } from '../submissions/queries';
import type { CopyPreviousResponse, SubmissionDetail } from '../submissions/types';
import type { Draft } from './useDraft';

/** How long a reply may be; the server refuses longer. */
const maxReplyLength = 1000;

/** The reporter's answer to a return, saved with the draft and sent with the corrected report. */
export function ReplyBox({ draft }: { draft: Draft }) {
  const id = useId();
  const replyId = `${id}-reply`;
  return (
    <div className="field reply-box">
      <label htmlFor={replyId}>Your reply to the coalition (optional)</label>
      <p id={`${replyId}-help`} className="field-help">
        Say what you corrected, or why a number is right as it is. The reviewer reads it with your corrected
        report. Please don't include names or anything that could identify a person.
      </p>
      <textarea
        id={replyId}
        rows={3}
        maxLength={maxReplyLength}
        aria-invalid={draft.replyProblem ? true : undefined}
        aria-describedby={`${replyId}-help${draft.replyProblem ? ` ${replyId}-error` : ''}`}
        value={draft.reply}
        onChange={(event) => draft.setReply(event.target.value)}
      />
      {draft.replyProblem ? (
        <p id={`${replyId}-error`} className="field-error">
          {draft.replyProblem}
        </p>
      ) : null}
    </div>
  );
}

/** What a copy brought in, in words, for the page's notice. */
export function describeCopy({ copied }: CopyPreviousResponse): string {
  const count = `${copied.cells} ${copied.cells === 1 ? 'figure' : 'figures'}`;
  const leftOut =
    copied.leftOut.length === 0
      ? ''
      : ` ${copied.leftOut.length === 1 ? 'One figure has' : `${copied.leftOut.length} figures have`} no box on this quarter's form and ${copied.leftOut.length === 1 ? 'was' : 'were'} left out: ${copied.leftOut.map((c) => c.label).join('; ')}.`;
  return `Copied ${count} from ${copied.from} as a starting point. Check and change every number before you submit.${leftOut}`;
}

/** On an empty report, the offer to start from the previous quarter's figures. */
export function CopyPrevious({
  detail,
  onCopied,
}: {
  detail: SubmissionDetail;
  onCopied: (message: string) => void;
}) {
  const copy = useCopyPrevious({ agency: detail.agency.code, period: detail.period.code });
  if (!detail.copyFrom) return null;
  const from = detail.copyFrom;
  return (
    <section className="panel copy-previous" aria-labelledby="copy-previous-heading">
      <h2 id="copy-previous-heading">Start from {from}’s figures?</h2>
      <p>
        If little has changed, you can fill this form with the figures your agency submitted for {from}, then
        check and change each one. Explanations are not copied.
      </p>
      <div role="alert">{copy.error ? <p className="form-error">{errorMessage(copy.error)}</p> : null}</div>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={copy.isPending}
        onClick={() => {
          if (copy.isPending) return;
          copy.mutate(undefined, { onSuccess: (result) => onCopied(describeCopy(result)) });
        }}
      >
        {copy.isPending ? 'Copying…' : `Start from ${from}’s figures`}
      </button>
    </section>
  );
}

/** The mark on a draft started from another quarter's figures, until it is submitted. */
export function CopiedBanner({ from }: { from: string }) {
  return (
    <p className="notice notice--info copied-banner">
      <strong>
        These are {from}'s figures, copied as a starting point. Check and change every number before you
        submit.
      </strong>
    </p>
  );
}

/**
 * For the reviewer of a corrected report: the return it answers, the agency's reply, and what changed
 * since the returned revision.
 */
export function ChangesSinceReturn({ detail }: { detail: SubmissionDetail }) {
  const revisions = useQuery(revisionsQuery(detail.agency.code, detail.period.code));
  const latest = revisions.data?.revisions.find((r) => r.revision === detail.revision);
  if (!revisions.data || !latest) return null;
  const returned = returnAnswered(revisions.data.revisions, detail.revision);
  if (!returned && !latest.reply) return null;
  const before = detail.revision - 1;
  return (
    <div className="changes-since-return">
      <h3>The agency’s answer to your return of revision {before}</h3>
      <Conversation returned={returned} reply={latest.reply} />
      <h3>What changed since revision {before}</h3>
      <DiffTable agency={detail.agency.code} period={detail.period.code} from={before} to={detail.revision} />
    </div>
  );
}
