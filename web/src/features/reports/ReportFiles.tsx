import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, apiPath } from '../../api/client';
import { LoadError, Loading } from '../../components/QueryStatus';
import { fileSize, formats, progressText, shortHash } from './builder';
import { reportDetailQuery, reportKeys } from './queries';
import type { ReportSummary } from './types';

/**
 * The report just made: its progress while it renders (polled), then its downloads. Focus moves to
 * it when it appears, since the button that made it stays where it was.
 */
export function MadeReport({ id }: { id: number }) {
  const queryClient = useQueryClient();
  const query = useQuery(reportDetailQuery(id));
  const status = query.data?.status;
  const finished = status !== undefined && status !== 'rendering';
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: reportKeys.list() });
  }, [finished, queryClient]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="panel report-made" aria-labelledby="made-heading">
      <h3 id="made-heading" tabIndex={-1} ref={headingRef}>
        Your report
      </h3>
      {query.isPending ? (
        <Loading label="Checking the report’s progress…" />
      ) : query.isError ? (
        <LoadError
          what="the report’s progress"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <MadeReportView report={query.data} />
      )}
    </section>
  );
}

/** A report being made, made, or failed; exported for tests. */
export function MadeReportView({ report }: { report: ReportSummary }) {
  const progress = report.progress;
  return (
    <>
      {report.status === 'rendering' ? (
        <div className="report-made__progress">
          <label htmlFor={`report-${report.id}-progress`}>Making the PDF, workbook and CSV</label>
          {progress && progress.total > 0 ? (
            <progress id={`report-${report.id}-progress`} value={progress.done} max={progress.total} />
          ) : (
            <progress id={`report-${report.id}-progress`} />
          )}
        </div>
      ) : null}
      {/* Kept in the page throughout, so screen readers hear each stage and then the result. */}
      <div role="status">
        {report.status === 'rendering' ? (
          <p>{progressText(report)}</p>
        ) : report.status === 'ready' ? (
          <p>
            <strong>The report is ready.</strong> It is kept in the report history below.
          </p>
        ) : null}
      </div>
      <div role="alert">
        {report.status === 'failed' ? (
          <p className="form-error">
            The report couldn’t be made. {report.failure ?? 'Please try again in a moment.'}
          </p>
        ) : null}
      </div>
      {report.status === 'ready' ? <ReportDownloads report={report} /> : null}
    </>
  );
}

/** A report's kept files: links to download each, with its size and SHA-256 (short, the whole on request). */
export function ReportDownloads({ report }: { report: ReportSummary }) {
  const files = report.files;
  if (!files) return null;
  return (
    <ul className="report-downloads" aria-label={`Downloads of report ${report.id}`}>
      {formats.map(({ format, name }) => {
        const file = files[format];
        if (!file) return null;
        const pages = format === 'pdf' ? (file.pages ?? report.pages) : null;
        return (
          <li key={format} className="report-download">
            <a
              className="report-download__link"
              href={apiPath(
                api.reports[':id'].file[':format'].$path({ param: { id: String(report.id), format } }),
              )}
              download
            >
              Download the {name}
            </a>
            <span className="report-download__about">
              <span className="muted">
                {pages ? `${pages} ${pages === 1 ? 'page' : 'pages'}, ` : ''}
                {fileSize(file.bytes)}
              </span>
              <details className="report-hash">
                <summary>
                  SHA-256 <code>{shortHash(file.sha256)}…</code>
                </summary>
                <code className="report-hash__full">{file.sha256}</code>
              </details>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
