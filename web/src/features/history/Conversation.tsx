/**
 * A return and the reporter's reply to it, read as a conversation: what the reviewer asked, then
 * what the agency answered when it sent the corrected report.
 */
import type { ReactNode } from 'react';
import type { RevisionReview, RevisionSummary } from '../submissions/types';

export function Conversation({
  returned,
  reply,
  children,
}: {
  /** The return the reply answers (its comment, or a note once removed). */
  returned: RevisionReview | null;
  reply: RevisionSummary['reply'];
  /** Actions beside the reply, such as removing it. */
  children?: ReactNode;
}) {
  return (
    <div className="conversation">
      {returned?.comment ? (
        <div className="comment">
          <p className="comment__label">Returned:</p>
          <p className="comment__text">{returned.comment}</p>
        </div>
      ) : null}
      {reply ? (
        <div className="comment conversation__reply">
          <p className="comment__label">Reply from {reply.by ?? 'the agency'}:</p>
          <p className="comment__text">{reply.text}</p>
          {children}
        </div>
      ) : (
        <p className="muted">The agency sent the corrected report without a reply.</p>
      )}
    </div>
  );
}
