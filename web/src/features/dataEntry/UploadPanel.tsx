/**
 * Uploading a CSV file: download the template, choose a file, check what it would change (nothing
 * is stored yet), then apply it or cancel. A refused file is explained row by row, in the server's
 * words; nothing from the file itself is shown back.
 */
import { useId, useRef, useState } from 'react';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { useUploadFile } from '../submissions/mutations';
import { uploadProblemsOf } from '../submissions/problems';
import { submissionPath } from '../submissions/queries';
import type { SubmissionDetail, UploadProblem, UploadResponse } from '../submissions/types';
import { describeCounts } from './findings';
import { ReadOnlyCount } from './ReadOnlyCount';
import { describeUploadProblem, summarizeChanges } from './upload';
import type { Draft } from './useDraft';

type UploadView =
  | { kind: 'idle' }
  | { kind: 'no-file' }
  | { kind: 'preview'; result: UploadResponse; file: File }
  | { kind: 'applied'; result: UploadResponse }
  | { kind: 'refused'; message: string; problems: UploadProblem[] };

export function UploadPanel({ detail, draft }: { detail: SubmissionDetail; draft: Draft }) {
  const upload = useUploadFile({ agency: detail.agency.code, period: detail.period.code });
  const [view, setView] = useState<UploadView>({ kind: 'idle' });
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const fileId = `${id}-file`;

  const showResult = (next: UploadView) => {
    setView(next);
    requestAnimationFrame(() => resultRef.current?.focus());
  };

  const send = async (file: File, dryRun: boolean) => {
    try {
      // Typed changes go first, so the preview compares the file with everything on screen.
      await draft.flush();
      const result = await upload.mutateAsync({ file, dryRun });
      if (dryRun) showResult({ kind: 'preview', result, file });
      else {
        draft.reset();
        if (fileRef.current) fileRef.current.value = '';
        showResult({ kind: 'applied', result });
      }
    } catch (error) {
      const refused = isApiError(error, 'upload-refused') || isApiError(error, 'personal-data');
      showResult({
        kind: 'refused',
        message: refused ? errorMessage(error) : `The file wasn't uploaded. ${errorMessage(error)}`,
        problems: uploadProblemsOf(error),
      });
    }
  };

  const onCheck = () => {
    if (upload.isPending) return;
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setView({ kind: 'no-file' });
      fileRef.current?.focus();
      return;
    }
    void send(file, true);
  };

  const templateHref = `${submissionPath(detail.agency.code, detail.period.code)}/template.csv`;

  return (
    <section id="upload" className="panel upload-panel" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload a CSV file instead</h2>
      <p>
        If your case-management system can export counts, you can upload them rather than typing. Download the
        template, fill in the <code>value</code> column (leave a value empty for "not reported"), and upload
        it. You'll see exactly what would change before anything is saved.
      </p>
      <p>
        <a href={templateHref} download={`${detail.agency.code}-${detail.period.code}-template.csv`}>
          Download the CSV template
        </a>{' '}
        <span className="muted">(already filled in with what is saved so far)</span>
      </p>
      <div className="field">
        <label htmlFor={fileId}>CSV file</label>
        <input
          ref={fileRef}
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          aria-invalid={view.kind === 'no-file' ? true : undefined}
          aria-describedby={view.kind === 'no-file' ? `${fileId}-error` : undefined}
          onChange={() => setView({ kind: 'idle' })}
        />
        {view.kind === 'no-file' ? (
          <p id={`${fileId}-error`} className="field-error">
            Choose a CSV file first.
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={upload.isPending}
          onClick={onCheck}
        >
          {upload.isPending && upload.variables?.dryRun ? 'Checking the file…' : 'Check file'}
        </button>
      </div>

      <div ref={resultRef} tabIndex={-1} className="upload-panel__result">
        <div role="alert">
          {view.kind === 'refused' ? (
            <div className="notice notice--error">
              <p className="notice__title">{view.message}</p>
              {view.problems.length > 0 ? (
                <>
                  <p>
                    Correct {view.problems.length === 1 ? 'this' : 'these'} in your file, then check it again:
                  </p>
                  <ul className="plain-list upload-problems">
                    {view.problems.map((problem, index) => (
                      // Problems have no id of their own; their order is the server's and never changes.
                      // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one response
                      <li key={index}>{describeUploadProblem(problem)}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ) : null}
        </div>
        <div role="status">
          {view.kind === 'applied' ? (
            <p className="notice notice--info">
              Applied. {summarizeChanges(view.result.changes, view.result.unchanged, true)}
            </p>
          ) : null}
        </div>
        {view.kind === 'preview' ? (
          <UploadPreview
            result={view.result}
            busy={upload.isPending}
            onApply={() => {
              if (!upload.isPending) void send(view.file, false);
            }}
            onCancel={() => {
              if (fileRef.current) fileRef.current.value = '';
              setView({ kind: 'idle' });
              fileRef.current?.focus();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}

function UploadPreview({
  result,
  busy,
  onApply,
  onCancel,
}: {
  result: UploadResponse;
  busy: boolean;
  onApply: () => void;
  onCancel: () => void;
}) {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const afterwards = describeCounts({ errors, warnings: result.findings.length - errors });
  return (
    <div className="upload-preview">
      <h3>What this file would change</h3>
      <p>{summarizeChanges(result.changes, result.unchanged, false)} Nothing has been saved yet.</p>
      {result.changes.length > 0 ? (
        <TableScroll captionId="upload-preview-caption">
          <table className="numeric-table">
            <caption id="upload-preview-caption">Counts the file would change</caption>
            <thead>
              <tr>
                <th scope="col">Count</th>
                <th scope="col" className="num">
                  Now
                </th>
                <th scope="col" className="num">
                  From the file
                </th>
              </tr>
            </thead>
            <tbody>
              {result.changes.map((change) => (
                <tr key={change.cell}>
                  <th scope="row" className="wrap">
                    {change.label}
                  </th>
                  <td className="num">
                    <ReadOnlyCount value={change.from} />
                  </td>
                  <td className="num">
                    <ReadOnlyCount value={change.to} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {afterwards ? (
        <p>
          After these changes, the checks would find {afterwards}. You can still apply the file and deal with{' '}
          {result.findings.length === 1 ? 'it' : 'them'} on the form.
        </p>
      ) : null}
      <div className="button-row">
        {result.changes.length > 0 ? (
          <button type="button" className="button" aria-disabled={busy} onClick={onApply}>
            {busy ? 'Applying…' : 'Apply these changes'}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {result.changes.length > 0 ? 'Cancel' : 'Close'}
        </button>
      </div>
    </div>
  );
}
