/**
 * Submitting. The button is always available; pressing it either submits or says exactly what is in
 * the way (boxes that aren't counts, problems, unexplained warnings), with links to each. The
 * server checks again and its answer, if it refuses, is shown the same way.
 */
import { useId, useRef, useState } from 'react';
import type { Catalog } from '../../../../api/domain/catalog';
import type { Finding } from '../../../../api/domain/validation';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../components/QueryStatus';
import { useSubmitReport } from '../submissions/mutations';
import { findingsOf } from '../submissions/problems';
import type { SubmissionDetail } from '../submissions/types';
import { FindingList } from './Checks';
import { describeBlockers, isBlocked, type SubmitBlockers, submitBlockers } from './findings';
import { cellInputId, focusCell } from './formModel';
import { type Draft, usableExplanations } from './useDraft';

type Outcome =
  | { kind: 'none' }
  | { kind: 'blocked'; blockers: SubmitBlockers; fromServer: boolean }
  | { kind: 'failed'; message: string };

export function SubmitPanel({
  detail,
  catalog,
  draft,
  findings,
  labels,
  onSubmitted,
}: {
  detail: SubmissionDetail;
  catalog: Catalog;
  draft: Draft;
  findings: readonly Finding[];
  /** Each cell's accessible name, to list boxes that aren't counts. */
  labels: ReadonlyMap<string, string>;
  onSubmitted: (detail: SubmissionDetail) => void;
}) {
  const submit = useSubmitReport({ agency: detail.agency.code, period: detail.period.code });
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const resubmitting = detail.revision > 0;
  // A draft started from another quarter's figures goes only once the reporter says they checked them.
  const copiedFrom = detail.copiedFromPeriod;
  const [checkedCopied, setCheckedCopied] = useState(false);
  const checkId = `${useId()}-checked`;

  const show = (next: Outcome) => {
    setOutcome(next);
    // After React renders the alert, move focus to it so the reason is read and the links are next.
    requestAnimationFrame(() => alertRef.current?.focus());
  };

  const onSubmit = async () => {
    if (busy) return;
    const blockers = submitBlockers(findings, usableExplanations(draft), draft.invalid.size);
    if (isBlocked(blockers)) {
      show({ kind: 'blocked', blockers, fromServer: false });
      return;
    }
    // A refused reply would otherwise be left behind without a word: the reporter changes or clears it first.
    if (draft.replyProblem) {
      show({
        kind: 'failed',
        message:
          'Your reply to the coalition was not saved because it looks like it contains details about a person. Change or clear it, then submit.',
      });
      return;
    }
    if (copiedFrom && !checkedCopied) {
      show({
        kind: 'failed',
        message: `These figures were copied from ${copiedFrom}. Check every number, then tick "I have checked every figure" above the button.`,
      });
      return;
    }
    setBusy(true);
    setOutcome({ kind: 'none' });
    try {
      await draft.flush();
      const explanations: Record<string, string> = {};
      const usable = usableExplanations(draft);
      for (const finding of findings) {
        const text = usable[finding.code]?.trim();
        if (finding.severity === 'warning' && text) explanations[finding.code] = text;
      }
      const submitted = await submit.mutateAsync(
        copiedFrom ? { explanations, checkedCopied: true } : { explanations },
      );
      onSubmitted(submitted);
    } catch (error) {
      if (isApiError(error, 'validation-failed')) {
        const serverFindings = findingsOf(error);
        show({
          kind: 'blocked',
          blockers: submitBlockers(serverFindings, draft.explanations),
          fromServer: true,
        });
      } else {
        show({ kind: 'failed', message: errorMessage(error) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="submit" className="panel submit-panel" aria-labelledby="submit-heading">
      <h2 id="submit-heading">{resubmitting ? 'Check and submit again' : 'Check and submit'}</h2>
      <p>
        When the counts are in and the checks are clear, submit the report to the coalition. You can't change
        it while it is being reviewed; if anything needs correcting, the coalition will return it with a
        comment.
      </p>
      <div ref={alertRef} tabIndex={-1} role="alert" className="submit-panel__alert">
        {outcome.kind === 'blocked' ? (
          <BlockedSummary
            blockers={outcome.blockers}
            fromServer={outcome.fromServer}
            catalog={catalog}
            draft={draft}
            labels={labels}
          />
        ) : outcome.kind === 'failed' ? (
          <div className="notice notice--error">
            <p className="notice__title">The report wasn't submitted.</p>
            <p>{outcome.message}</p>
          </div>
        ) : null}
      </div>
      {copiedFrom ? (
        <div className="field submit-panel__check">
          <input
            id={checkId}
            type="checkbox"
            checked={checkedCopied}
            aria-describedby={`${checkId}-help`}
            onChange={(event) => setCheckedCopied(event.target.checked)}
          />
          <label htmlFor={checkId}>I have checked every figure</label>
          <p id={`${checkId}-help`} className="field-help">
            This report started from {copiedFrom}'s figures. Tick this once each number is right for{' '}
            {detail.period.code}.
          </p>
        </div>
      ) : null}
      <button type="button" className="button" aria-disabled={busy} onClick={() => void onSubmit()}>
        {busy ? 'Submitting…' : resubmitting ? 'Submit the corrected report' : 'Submit report'}
      </button>
    </section>
  );
}

function BlockedSummary({
  blockers,
  fromServer,
  catalog,
  draft,
  labels,
}: {
  blockers: SubmitBlockers;
  fromServer: boolean;
  catalog: Catalog;
  draft: Draft;
  labels: ReadonlyMap<string, string>;
}) {
  const invalid = [...draft.invalid.entries()];
  return (
    <div className="notice notice--error">
      <p className="notice__title">{describeBlockers(blockers)}</p>
      {fromServer ? <p>The coalition's server checked the report and found these.</p> : null}
      {blockers.invalidCells > 0 ? (
        <ul className="finding-list">
          {invalid.map(([key, message]) => (
            <li key={key} className="finding-list__item finding-list__item--error">
              <a
                href={`#${cellInputId(key)}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusCell(key);
                }}
              >
                {labels.get(key) ?? key}
              </a>
              <span className="cell-note">{message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <FindingList
        findings={[...blockers.errors, ...blockers.unexplained]}
        catalog={catalog}
        explanations={usableExplanations(draft)}
        editable
      />
    </div>
  );
}
