import type { SubmissionStatus } from '../../api/types';
import { describeStatus } from './status';

/** A submission's status as words, with a colour and border style that only ever repeat the words. */
export function StatusBadge({ status }: { status: SubmissionStatus }) {
  const { label, tone } = describeStatus(status);
  return <span className={`status status--${tone}`}>{label}</span>;
}

/** A note such as "Submitted late", styled to stand apart from the status itself. */
export function LateBadge({ note }: { note: string }) {
  return <span className="status status--late">{note}</span>;
}
