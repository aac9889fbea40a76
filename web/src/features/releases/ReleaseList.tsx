import { useEffect, useState } from 'react';
import { describePeriod } from '../../../../api/domain/periods';
import { errorMessage } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { listWords } from '../../lib/text';
import { downloadCellsCsv } from './download';
import { provisionalPeriodsSentence } from './periods';
import { ReleaseShape } from './ReleaseShape';
import { describeReleaseStatus, isDownloadable, releaseName, releaseWhen, replacedBy } from './status';
import {
  audienceCellLines,
  audienceName,
  audienceSummaryRows,
  audiences,
  audienceWho,
  auditText,
  hiddenCellsText,
} from './summary';
import type { Audience, AudienceSummary, Release } from './types';

/**
 * Every release, newest first: a table to compare them at a glance, then each release's full
 * details (what each audience lost to protection, the audit, the open-data files). Times read on
 * the clock of `timeZone`, the coalition's.
 */
export function ReleaseList({ releases, timeZone }: { releases: readonly Release[]; timeZone: string }) {
  useOpenDetailsFromHash();
  if (releases.length === 0) {
    return <p>No quarter has been published yet. When you publish one, it appears here.</p>;
  }
  return (
    <>
      <ReleasesTable releases={releases} timeZone={timeZone} />
      <h3 className="release-details__heading">Details of each release</h3>
      <div className="release-details-list">
        {releases.map((release) => (
          <ReleaseDetails key={release.id} release={release} releases={releases} timeZone={timeZone} />
        ))}
      </div>
    </>
  );
}

/**
 * Opens the details a link points at (`#release-12`), and the one named in the address when the
 * page loads, so "Details" in the table and "See what each audience sees" land on an open section.
 */
function useOpenDetailsFromHash() {
  useEffect(() => {
    function open() {
      const id = window.location.hash.slice(1);
      if (!id.startsWith('release-')) return;
      const target = document.getElementById(id);
      if (target instanceof HTMLDetailsElement) {
        target.open = true;
        target.querySelector('summary')?.focus();
      }
    }
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);
}

function StatusLabel({ release, releases }: { release: Release; releases: readonly Release[] }) {
  const view = describeReleaseStatus(release, releases);
  return (
    <span className={`release-status release-status--${view.tone}`}>
      <ReleaseShape shape={view.shape} />
      {view.label}
    </span>
  );
}

function AuditLabel({ status }: { status: AudienceSummary['status'] }) {
  return (
    <span className={`release-audit release-audit--${status}`}>
      <ReleaseShape shape={status === 'passed' ? 'tick' : 'cross'} />
      {auditText(status)}
    </span>
  );
}

/** The releases at a glance; exported for tests. */
export function ReleasesTable({ releases, timeZone }: { releases: readonly Release[]; timeZone: string }) {
  return (
    <TableScroll captionId="releases-caption">
      <table className="release-table">
        <caption id="releases-caption">
          Every release, newest first, with how many cells each audience has hidden
        </caption>
        <thead>
          <tr>
            <th scope="col">Release</th>
            <th scope="col">Status</th>
            <th scope="col">Published</th>
            <th scope="col">Periods</th>
            {audiences.map((audience) => (
              <th scope="col" key={audience}>
                {audienceName(audience)}
              </th>
            ))}
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {releases.map((release) => (
            <tr key={release.id}>
              <th scope="row">
                {release.period}
                <span className="cell-note">Release {release.sequence}</span>
              </th>
              <td>
                <StatusLabel release={release} releases={releases} />
              </td>
              <td className="release-table__when">{releaseWhen(release, timeZone)}</td>
              <td>
                {release.periods.length > 0 ? release.periods.join(', ') : release.period}
                {release.provisional ? (
                  <span className="cell-note">
                    Provisional: {release.provisionalPeriods.map((p) => p.period).join(', ')}
                  </span>
                ) : null}
              </td>
              {audiences.map((audience) => {
                const summary = release.audiences[audience];
                return (
                  <td key={audience} className="release-table__audience">
                    {summary ? (
                      <>
                        <span className="release-table__hidden">{hiddenCellsText(summary)}</span>
                        <AuditLabel status={summary.status} />
                      </>
                    ) : (
                      <span className="muted">{audienceCellLines(summary, release.status)[0]}</span>
                    )}
                  </td>
                );
              })}
              <td>
                <a href={`#release-${release.id}`}>
                  Details<span className="visually-hidden"> of {releaseName(release)}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One release's full details in a disclosure; exported for tests. */
export function ReleaseDetails({
  release,
  releases,
  timeZone,
}: {
  release: Release;
  releases: readonly Release[];
  timeZone: string;
}) {
  const status = describeReleaseStatus(release, releases);
  const newer = release.status === 'superseded' ? replacedBy(release, releases) : undefined;
  return (
    <details className="release-details" id={`release-${release.id}`}>
      <summary>
        <span className="release-details__name">{releaseName(release)}</span>{' '}
        <span className="release-details__status">· {status.label}</span>
      </summary>
      <div className="release-details__body">
        <p>
          {releaseWhen(release, timeZone)}. Catalog version {release.catalogVersion}.
          {newer ? ` Replaced by release ${newer.sequence}; its numbers are no longer shown.` : ''}
        </p>
        {release.periods.length > 0 ? (
          <p>Publishes {listWords(release.periods.map(describePeriod))}.</p>
        ) : null}
        {release.provisional ? <p>{provisionalPeriodsSentence(release.provisionalPeriods)}</p> : null}
        {release.status === 'failed' ? (
          <p className="release-details__failure">
            <strong>Why it was not published:</strong>{' '}
            {release.failureReason ?? 'Scope could not prove that every hidden number is safe.'}
          </p>
        ) : null}
        <div className="release-audiences">
          {audiences.map((audience) => (
            <AudienceDetails key={audience} release={release} audience={audience} />
          ))}
        </div>
      </div>
    </details>
  );
}

function AudienceDetails({ release, audience }: { release: Release; audience: Audience }) {
  const summary = release.audiences[audience];
  const headingId = `release-${release.id}-${audience}`;
  return (
    <section className="release-audience" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {audienceName(audience)}
        <span className="cell-note">{audienceWho(audience)}</span>
      </h4>
      {summary ? (
        <dl className="release-facts">
          {audienceSummaryRows(summary).map((row) => (
            <div key={row.label} className="release-facts__row">
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{audienceCellLines(summary, release.status)[0]}.</p>
      )}
      {isDownloadable(release) ? <DownloadCsv release={release} audience={audience} /> : null}
    </section>
  );
}

function DownloadCsv({ release, audience }: { release: Release; audience: Audience }) {
  const [state, setState] = useState<{ busy: boolean; message: string; error: string }>({
    busy: false,
    message: '',
    error: '',
  });
  const label =
    audience === 'public'
      ? 'Download the public figures (CSV)'
      : "Download the coalition members' figures (CSV)";
  return (
    <div className="release-download">
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={state.busy}
        onClick={() => {
          if (state.busy) return;
          setState({ busy: true, message: 'Preparing the file…', error: '' });
          downloadCellsCsv(release, audience).then(
            (name) => setState({ busy: false, message: `Downloaded ${name}.`, error: '' }),
            (error: unknown) =>
              setState({
                busy: false,
                message: '',
                error: `The file didn't download. ${errorMessage(error)}`,
              }),
          );
        }}
      >
        {label}
        <span className="visually-hidden"> for {releaseName(release)}</span>
      </button>
      <p role="status" className="release-download__status">
        {state.message}
      </p>
      <div role="alert">{state.error ? <p className="form-error">{state.error}</p> : null}</div>
    </div>
  );
}
