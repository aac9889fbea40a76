import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { formatDateTime, formatDayOf } from '../../lib/dates';
import { useCoalitionTimeZone } from '../auth/useCoalitionToday';
import { changedValueText, kindNames, outdatedNote, progressText, releaseName } from './builder';
import { ConfidentialPurpose } from './ConfidentialPurpose';
import { useRegenerateReport } from './mutations';
import { changesQuery, reportListQuery } from './queries';
import { ReportDownloads } from './ReportFiles';
import type { ReportChanges, ReportSummary } from './types';

/**
 * Every kept report, newest first, with its downloads, and a way to regenerate one a correction outdated
 * or a removed text withdrew.
 */
export function ReportHistory() {
  const reports = useQuery(reportListQuery());
  const timeZone = useCoalitionTimeZone();
  return (
    <section className="section" id="history" aria-labelledby="history-heading">
      <h2 id="history-heading">Report history</h2>
      {reports.isPending ? (
        <Loading label="Loading the reports made so far…" />
      ) : reports.isError ? (
        <LoadError
          what="the reports made so far"
          error={reports.error}
          onRetry={() => void reports.refetch()}
          retrying={reports.isFetching}
        />
      ) : (
        <ReportHistoryView reports={reports.data.reports} timeZone={timeZone} />
      )}
    </section>
  );
}

/** The kept reports as a list; exported for tests. */
export function ReportHistoryView({
  reports,
  timeZone,
}: {
  reports: readonly ReportSummary[];
  timeZone: string;
}) {
  if (reports.length === 0) return <p className="muted">No report has been made yet.</p>;
  return (
    <>
      <p className="muted">
        Newest first. Each file downloads exactly as it was made; its SHA-256 lets a funder check they have
        the same file.
      </p>
      <ol className="report-history" aria-label="Reports made, newest first">
        {reports.map((report) => (
          <li key={report.id}>
            <HistoryEntry report={report} timeZone={timeZone} />
          </li>
        ))}
      </ol>
    </>
  );
}

function HistoryEntry({ report, timeZone }: { report: ReportSummary; timeZone: string }) {
  const headingId = `report-${report.id}-heading`;
  const withdrawn = report.withdrawn;
  return (
    <article className="report-entry" id={`report-${report.id}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="report-entry__title">
        {report.template.name} · {report.period.label}
      </h3>
      <dl className="report-entry__facts">
        <div>
          <dt>Area</dt>
          <dd>{report.area.name}</dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>
            {report.kind === 'confidential' ? (
              <strong className="report-kind-mark">{kindNames.confidential}</strong>
            ) : (
              kindNames.protected
            )}
          </dd>
        </div>
        <div>
          <dt>Made</dt>
          <dd>
            {formatDateTime(report.createdAt, timeZone)} by {report.createdBy}
          </dd>
        </div>
        {report.purpose ? (
          <div>
            <dt>Purpose</dt>
            <dd>{report.purpose}</dd>
          </div>
        ) : null}
        <div>
          <dt>Releases used</dt>
          <dd>
            {report.releases.length > 0 ? report.releases.map(releaseName).join(', ') : 'None (exact counts)'}
          </dd>
        </div>
        <div>
          <dt>Report number</dt>
          <dd>
            {report.id}, from template version {report.template.version}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{statusText(report)}</dd>
        </div>
      </dl>
      {report.status === 'failed' && report.failure ? <p className="form-error">{report.failure}</p> : null}
      {report.status === 'ready' && !withdrawn ? <ReportDownloads report={report} /> : null}
      {report.regeneratedAs !== null ? (
        <p className="muted">
          Made again as <a href={`#report-${report.regeneratedAs}`}>report {report.regeneratedAs}</a>.
        </p>
      ) : null}
      {/* A withdrawn report is made again from today's releases too, so it needs no outdated notice as well. */}
      {withdrawn ? (
        <WithdrawnNotice report={report} withdrawnAt={withdrawn.at} timeZone={timeZone} />
      ) : (
        <OutdatedNotice report={report} />
      )}
      {report.regenerationOf !== null && report.status === 'ready' ? <WhatChanged report={report} /> : null}
    </article>
  );
}

function statusText(report: ReportSummary): string {
  if (report.withdrawn) return 'Withdrawn — its files were deleted';
  if (report.status === 'rendering') return `Being made: ${progressText(report)}`;
  if (report.status === 'failed') return 'Failed — not made';
  return report.outdated ? 'Ready, but outdated' : 'Ready';
}

/** When a correction replaced a release the report used: says so, and offers to make it again. */
function OutdatedNotice({ report }: { report: ReportSummary }) {
  const regenerate = useRegenerateReport();
  const note = outdatedNote(report);
  if (!note) return null;
  const remadeAs = regenerate.data?.id ?? report.regeneratedAs;
  return (
    <div className="report-outdated">
      <p>
        <strong>{note}</strong>{' '}
        {remadeAs === null
          ? 'Its figures may differ from today’s. Regenerate it to make a new report from today’s releases, with the same choices and words; this one stays in the history.'
          : `It has been made again from today’s releases as report ${remadeAs}.`}
      </p>
      <Regenerate report={report} regenerate={regenerate} remade={remadeAs !== null} />
    </div>
  );
}

/**
 * When an admin removed a text the report printed: its files are gone, so instead of downloads it
 * says why and offers to make it again, which prints the removal note in the text's place.
 */
function WithdrawnNotice({
  report,
  withdrawnAt,
  timeZone,
}: {
  report: ReportSummary;
  withdrawnAt: string;
  timeZone: string;
}) {
  const regenerate = useRegenerateReport();
  const remadeAs = regenerate.data?.id ?? report.regeneratedAs;
  return (
    <div className="report-withdrawn">
      <p>
        <strong>Withdrawn on {formatDayOf(withdrawnAt, timeZone)}: a text it printed was removed.</strong>{' '}
        {remadeAs === null
          ? 'Regenerate it to make it again without that text.'
          : `It has been made again without that text as report ${remadeAs}.`}
      </p>
      <Regenerate report={report} regenerate={regenerate} remade={remadeAs !== null} />
    </div>
  );
}

/**
 * The Regenerate button until the report has been made again, then where the new one is. A
 * confidential report needs the regenerating admin's own purpose, asked for beside the button.
 */
function Regenerate({
  report,
  regenerate,
  remade,
}: {
  report: ReportSummary;
  regenerate: ReturnType<typeof useRegenerateReport>;
  remade: boolean;
}) {
  const [purpose, setPurpose] = useState('');
  const [purposeMissing, setPurposeMissing] = useState(false);
  const confidential = report.kind === 'confidential';
  const purposeId = `report-${report.id}-purpose`;
  const regeneratingId = `report-${report.id}-regenerating`;

  function start() {
    if (regenerate.isPending) return;
    if (confidential && purpose.trim() === '') {
      setPurposeMissing(true);
      document.getElementById(purposeId)?.focus();
      return;
    }
    // The button goes once it has worked: focus moves to the words saying where the new report is.
    regenerate.mutate(
      { id: report.id, ...(confidential ? { purpose: purpose.trim() } : {}) },
      { onSuccess: () => requestAnimationFrame(() => document.getElementById(regeneratingId)?.focus()) },
    );
  }

  return (
    <>
      {remade ? null : (
        <>
          {confidential ? (
            <ConfidentialPurpose
              id={purposeId}
              label={`Your purpose for regenerating report ${report.id} (required)`}
              recordedAction="Regenerating it"
              value={purpose}
              missing={purposeMissing}
              onChange={(next) => {
                setPurpose(next);
                regenerate.reset();
              }}
            />
          ) : null}
          <button type="button" className="button" aria-disabled={regenerate.isPending} onClick={start}>
            {regenerate.isPending ? 'Starting…' : `Regenerate report ${report.id}`}
          </button>
        </>
      )}
      <div role="status">
        {regenerate.isSuccess ? (
          <p id={regeneratingId} tabIndex={-1}>
            Regenerated as report {regenerate.data.id}, at the top of the list.
          </p>
        ) : null}
      </div>
      <div role="alert">
        {regenerate.isError ? (
          <p className="form-error">It wasn’t regenerated. {errorMessage(regenerate.error)}</p>
        ) : null}
      </div>
    </>
  );
}

/** The figures that changed since the report this one regenerated, loaded when opened. */
function WhatChanged({ report }: { report: ReportSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="report-changes" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>What changed since report {report.regenerationOf}</summary>
      {open ? <ChangesLoader id={report.id} /> : null}
    </details>
  );
}

function ChangesLoader({ id }: { id: number }) {
  const changes = useQuery(changesQuery(id));
  if (changes.isPending) return <Loading label="Comparing the figures…" />;
  if (changes.isError) {
    return (
      <LoadError
        what="what changed"
        error={changes.error}
        onRetry={() => void changes.refetch()}
        retrying={changes.isFetching}
      />
    );
  }
  return <ChangesTable id={id} changes={changes.data} />;
}

/** The figures that differ, section by section; exported for tests. */
export function ChangesTable({ id, changes }: { id: number; changes: ReportChanges }) {
  if (changes.changes.length === 0) {
    return (
      <p>
        No figure changed: report {id} shows the same numbers as report {changes.against}.
      </p>
    );
  }
  const captionId = `changes-${id}-caption`;
  return (
    <TableScroll captionId={captionId}>
      <table className="numeric-table report-changes__table">
        <caption id={captionId}>
          Figures that changed between report {changes.against} and report {id}
        </caption>
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Row</th>
            <th scope="col" className="num">
              Before
            </th>
            <th scope="col" className="num">
              After
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.changes.map((change) => (
            <tr key={`${change.section}-${change.row}`}>
              <td>{change.sectionTitle}</td>
              <th scope="row">{change.row}</th>
              <td className="num">{changedValueText(change.before)}</td>
              <td className="num">{changedValueText(change.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
