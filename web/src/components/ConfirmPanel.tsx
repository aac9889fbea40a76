import { type ReactNode, useEffect, useRef } from 'react';
import './confirm-panel.css';

/**
 * "Are you sure?" before an action that can't be taken back (publishing, revoking). Its heading takes
 * focus when it appears, so a keyboard or screen-reader user lands on the question; an error from the
 * attempt is announced in place, and the confirm button stays put (aria-disabled) while it runs.
 */
export function ConfirmPanel({
  id,
  question,
  confirmLabel,
  pendingLabel,
  danger = false,
  pending,
  error,
  onConfirm,
  onCancel,
  children,
}: {
  /** The heading's id, unique on the page. */
  id: string;
  question: string;
  confirmLabel: string;
  pendingLabel: string;
  /** A destructive action: the confirm button is drawn in the error colour. */
  danger?: boolean;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** What will happen, in plain words. */
  children: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="panel panel--attention" aria-labelledby={id}>
      <h3 id={id} tabIndex={-1} ref={headingRef}>
        {question}
      </h3>
      {children}
      <div role="alert">{error ? <p className="form-error">{error}</p> : null}</div>
      <div className="confirm-actions">
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button'}
          aria-disabled={pending}
          onClick={() => {
            if (!pending) onConfirm();
          }}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
