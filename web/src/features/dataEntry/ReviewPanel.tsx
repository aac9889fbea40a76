/**
 * The coalition admin's actions on a report: approve it (which locks it), return it with a comment
 * the agency will read, or reopen an approved report. What is offered follows the server's
 * `permissions`, so the buttons never promise something the server would refuse.
 */
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../components/QueryStatus';
import { useApproveReport, useReopenReport, useReturnReport } from '../submissions/mutations';
import type { SubmissionDetail } from '../submissions/types';
import { ChangesSinceReturn } from './ReviewConversation';
import { historyPath } from './reportState';

export function ReviewPanel({
  detail,
  onDone,
}: {
  detail: SubmissionDetail;
  onDone: (message: string) => void;
}) {
  const { review, reopen } = detail.permissions;
  if (!review && !reopen) return null;
  return (
    <section className="panel panel--featured review-panel" aria-labelledby="review-heading">
      <h2 id="review-heading">Review</h2>
      {review ? <ApproveOrReturn detail={detail} onDone={onDone} /> : null}
      {reopen ? <Reopen detail={detail} onDone={onDone} /> : null}
      <p className="field-help">
        An explanation or comment mentions a person? Remove it from the{' '}
        <Link to={historyPath(detail.agency.code, detail.period.code)}>report's history</Link>, where each one
        has a "Remove this text" action.
      </p>
    </section>
  );
}

function ApproveOrReturn({
  detail,
  onDone,
}: {
  detail: SubmissionDetail;
  onDone: (message: string) => void;
}) {
  const ref = { agency: detail.agency.code, period: detail.period.code };
  const approve = useApproveReport(ref);
  const giveBack = useReturnReport(ref);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const commentId = `${id}-comment`;
  const busy = approve.isPending || giveBack.isPending;
  const failure = approve.error ?? giveBack.error;

  return (
    <>
      <p>
        {detail.agency.name} submitted revision {detail.revision}. Check the counts below, then approve the
        report or return it with a comment saying what to correct.
      </p>
      {detail.revision > 1 ? <ChangesSinceReturn detail={detail} /> : null}
      <div role="alert">{failure ? <p className="form-error">{errorMessage(failure)}</p> : null}</div>
      <div className="review-actions">
        <div>
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() => {
              if (busy) return;
              giveBack.reset();
              // mutateAsync, not mutate's onSuccess: the approved report replaces this panel before the
              // refetches it starts have finished, and a callback of an unmounted component's mutate never runs.
              approve
                .mutateAsync()
                .then(() => onDone('Approved. The report is now locked.'), ignoreShownFailure);
            }}
          >
            {approve.isPending ? 'Approving…' : 'Approve report'}
          </button>
        </div>
        <form
          className="review-return"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (busy) return;
            if (comment.trim() === '') {
              setMissing(true);
              document.getElementById(commentId)?.focus();
              return;
            }
            approve.reset();
            giveBack.mutateAsync(comment.trim()).then(() => {
              setComment('');
              onDone('Returned to the agency with your comment.');
            }, ignoreShownFailure);
          }}
        >
          <div className="field">
            <label htmlFor={commentId}>Comment for the agency (required to return)</label>
            <p id={`${commentId}-help`} className="field-help">
              Say what needs correcting, for example "The gender breakdown adds up to 41, but 43 survivors are
              listed as served." Please don't include names or anything that could identify a person.
            </p>
            <textarea
              id={commentId}
              rows={3}
              maxLength={2000}
              required
              aria-invalid={missing && comment.trim() === '' ? true : undefined}
              aria-describedby={`${commentId}-help${missing ? ` ${commentId}-error` : ''}`}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
            {missing && comment.trim() === '' ? (
              <p id={`${commentId}-error`} className="field-error">
                Write a comment so the agency knows what to correct.
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button--secondary" aria-disabled={busy}>
            {giveBack.isPending ? 'Returning…' : 'Return for correction'}
          </button>
        </form>
      </div>
    </>
  );
}

function Reopen({ detail, onDone }: { detail: SubmissionDetail; onDone: (message: string) => void }) {
  const reopen = useReopenReport({ agency: detail.agency.code, period: detail.period.code });
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const reasonId = `${id}-reason`;
  return (
    <form
      className="review-return"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (reopen.isPending) return;
        if (reason.trim() === '') {
          setMissing(true);
          document.getElementById(reasonId)?.focus();
          return;
        }
        reopen.mutateAsync(reason.trim()).then(() => {
          setReason('');
          onDone('Reopened. The agency can correct the report and submit it again.');
        }, ignoreShownFailure);
      }}
    >
      <p>This report is approved and locked. If it needs correcting, you can reopen it for the agency.</p>
      <div role="alert">
        {reopen.error ? <p className="form-error">{errorMessage(reopen.error)}</p> : null}
      </div>
      <div className="field">
        <label htmlFor={reasonId}>Reason for reopening (required)</label>
        <textarea
          id={reasonId}
          rows={2}
          maxLength={2000}
          required
          aria-invalid={missing && reason.trim() === '' ? true : undefined}
          aria-describedby={missing ? `${reasonId}-error` : undefined}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {missing && reason.trim() === '' ? (
          <p id={`${reasonId}-error`} className="field-error">
            Say why the report is being reopened.
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button--secondary" aria-disabled={reopen.isPending}>
        {reopen.isPending ? 'Reopening…' : 'Reopen report'}
      </button>
    </form>
  );
}

/** A failed review action is shown from the mutation's own state, beside its button. */
const ignoreShownFailure = () => undefined;
