/**
 * "Remove this text" beside an explanation or review comment, for coalition admins: a text with a
 * person's details should never have been kept, and removing it blanks it for every reader (the
 * revision and the audit log refer to it by id, so they stay as they were). A confirm step asks why.
 */

import type { InvalidateQueryFilters } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { isRemovedTextNote } from '../../../../api/domain/freeText';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { errorMessage } from '../../components/QueryStatus';
import type { SubmissionRef } from '../submissions/mutations';
import { reportTexts, useRemoveText } from './mutations';

export function RemoveText({
  report,
  textId,
  text,
  what,
}: {
  report: SubmissionRef;
  /** The kept text's id; none, nothing to remove. */
  textId: number | null | undefined;
  /** The text as served: a removal note offers no second removal. */
  text: string;
  /** What the text is, in words: "the explanation of …", "the return comment". */
  what: string;
}) {
  const [confirming, setConfirming] = useState(false);
  if (textId == null || isRemovedTextNote(text)) return null;
  return confirming ? (
    <ConfirmRemove
      showing={reportTexts(report)}
      textId={textId}
      what={what}
      onClose={() => setConfirming(false)}
    />
  ) : (
    <button
      type="button"
      className="button button--secondary remove-text"
      aria-label={`Remove this text: ${what}`}
      onClick={() => setConfirming(true)}
    >
      Remove this text
    </button>
  );
}

export function ConfirmRemove({
  showing,
  textId,
  what,
  onClose,
}: {
  /** The queries that show the text, refreshed once it is gone. */
  showing: readonly InvalidateQueryFilters[];
  textId: number;
  what: string;
  onClose: () => void;
}) {
  const remove = useRemoveText(showing);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const reasonId = `${id}-reason`;
  const empty = reason.trim() === '';
  return (
    <ConfirmPanel
      id={`${id}-heading`}
      question={`Remove ${what}?`}
      confirmLabel="Yes, remove it"
      pendingLabel="Removing…"
      danger
      pending={remove.isPending}
      error={remove.error ? errorMessage(remove.error) : null}
      onConfirm={() => {
        if (empty) {
          setMissing(true);
          document.getElementById(reasonId)?.focus();
          return;
        }
        remove.mutate({ id: textId, reason: reason.trim() }, { onSuccess: onClose });
      }}
      onCancel={onClose}
    >
      <p>
        Everyone will see “removed by an administrator” and the date instead of the words. This can't be
        undone.
      </p>
      <div className="field">
        <label htmlFor={reasonId}>Why are you removing it? (required, kept for the record)</label>
        <p id={`${reasonId}-help`} className="field-help">
          For example "It named a survivor." Don't repeat the details you are removing.
        </p>
        <textarea
          id={reasonId}
          rows={2}
          maxLength={500}
          required
          aria-invalid={missing && empty ? true : undefined}
          aria-describedby={`${reasonId}-help${missing && empty ? ` ${reasonId}-error` : ''}`}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {missing && empty ? (
          <p id={`${reasonId}-error`} className="field-error">
            Say why the text is being removed.
          </p>
        ) : null}
      </div>
    </ConfirmPanel>
  );
}
