import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type Ref, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { defaultThresholds } from '../../../../api/disclosure/types';
import type { ReportingPeriod } from '../../api/types';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { QuarterPicker } from '../../components/QuarterPicker';
import { errorMessage, LoadError, Loading } from '../../components/QueryStatus';
import { usePageTitle } from '../../components/usePageTitle';
import { describeDeadline } from '../../lib/dates';
import { useCoalitionTimeZone, useCoalitionToday } from '../auth/useCoalitionToday';
import { entryLabel } from '../dataEntry/entry';
import { periodsQuery } from '../home/queries';
import { PlanSection } from '../plan/PlanSection';
import { isPeriodCode } from '../review/queue';
import { StatusBadge } from '../submissions/StatusBadge';
import { afterReleaseChange, usePublishRelease } from './mutations';
import { publishesSentence, yearNote } from './periods';
import {
  completenessHeadline,
  confirmIncludes,
  correctionNote,
  defaultPublishPeriod,
  isProvisional,
  missingFigures,
  nextSequence,
  periodOptionLabel,
  provisionalMissing,
  provisionalSummary,
  publishBlocker,
  publishButtonLabel,
  publishedSequences,
  sortMissing,
} from './preview';
import { progressAnnouncement, progressText, progressView, releaseOutcome } from './progress';
import { disclosurePolicyQuery, releaseDetailQuery, releaseListQuery, releasePreviewQuery } from './queries';
import { ReleaseList } from './ReleaseList';
import { computingRelease, releaseName, releaseWhen } from './status';
import { audienceName } from './summary';
import type { Audience, Release, ReleasePreview } from './types';
import './releases.css';

const heading = 'Releases';

/**
 * `/releases?period=2026Q3`: publish a quarter (after seeing how complete it is and what publishing
 * does), watch it being protected, and look back over every release with what each audience lost.
 */
export function ReleasesPage() {
  usePageTitle(heading);
  const [searchParams, setSearchParams] = useSearchParams();
  const today = useCoalitionToday();
  const timeZone = useCoalitionTimeZone();
  const periods = useQuery(periodsQuery());
  const releases = useQuery(releaseListQuery());
  const releaseList = releases.data?.releases ?? [];
  const computing = computingRelease(releaseList);

  // The release whose progress (and then outcome) is shown: the one just started here, or one
  // already computing when the page opened. Only one computes at a time, so a new one takes over.
  const [watched, setWatched] = useState<{ id: number; startedHere: boolean } | null>(null);
  const computingId = computing?.id;
  useEffect(() => {
    if (computingId === undefined) return;
    setWatched((current) =>
      current?.id === computingId ? current : { id: computingId, startedHere: false },
    );
  }, [computingId]);

  const [confirming, setConfirming] = useState(false);
  const requested = searchParams.get('period');
  const period = isPeriodCode(requested)
    ? requested
    : periods.data
      ? defaultPublishPeriod(periods.data.periods, today)
      : undefined;

  function choosePeriod(code: string) {
    setConfirming(false);
    setSearchParams({ period: code });
  }

  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">
        Publishing a quarter makes its numbers available to coalition members and the public, protected so no
        survivor can be identified. Dashboards, grant reports and exports only ever show published releases.
      </p>

      <section className="section release-publish" aria-labelledby="publish-heading">
        <h2 id="publish-heading">Publish a quarter</h2>
        {watched ? (
          <ReleaseProgress
            key={watched.id}
            id={watched.id}
            focusOnStart={watched.startedHere}
            onDismiss={() => setWatched(null)}
            onTryAgain={(code) => {
              setWatched(null);
              setSearchParams({ period: code });
              setConfirming(true);
            }}
          />
        ) : null}
        {periods.isError ? (
          <LoadError
            what="the list of quarters"
            error={periods.error}
            onRetry={() => void periods.refetch()}
            retrying={periods.isFetching}
          />
        ) : periods.data ? (
          <PeriodPicker
            key={period}
            periods={periods.data.periods}
            releases={releaseList}
            current={period}
            onChoose={choosePeriod}
          />
        ) : null}
        {period ? (
          <PublishPreview
            period={period}
            releases={releaseList}
            computing={computing}
            confirming={confirming}
            onConfirming={setConfirming}
            onStarted={(release) => {
              setConfirming(false);
              setWatched({ id: release.id, startedHere: true });
            }}
          />
        ) : periods.isPending ? (
          <Loading label="Loading the quarters…" />
        ) : periods.data ? (
          <p className="notice notice--info">
            There are no reporting quarters yet, so there is nothing to publish.
          </p>
        ) : null}
      </section>

      <section className="section" aria-labelledby="releases-heading">
        <h2 id="releases-heading">Releases so far</h2>
        {releases.isPending ? (
          <Loading label="Loading the releases…" />
        ) : releases.isError ? (
          <LoadError
            what="the releases"
            error={releases.error}
            onRetry={() => void releases.refetch()}
            retrying={releases.isFetching}
          />
        ) : (
          <ReleaseList releases={releaseList} timeZone={timeZone} />
        )}
      </section>

      <PlanSection />
    </>
  );
}

function PeriodPicker({
  periods,
  releases,
  current,
  onChoose,
}: {
  periods: readonly ReportingPeriod[];
  releases: readonly Release[];
  current: string | undefined;
  onChoose: (period: string) => void;
}) {
  return (
    <QuarterPicker
      id="release-period"
      label="Choose a quarter to publish"
      options={periods.map((period) => ({
        value: period.period,
        label: periodOptionLabel(period, releases),
      }))}
      current={current}
      onChoose={onChoose}
    />
  );
}

function PublishPreview({
  period,
  releases,
  computing,
  confirming,
  onConfirming,
  onStarted,
}: {
  period: string;
  releases: readonly Release[];
  computing: Release | undefined;
  confirming: boolean;
  onConfirming: (confirming: boolean) => void;
  onStarted: (release: Release) => void;
}) {
  const today = useCoalitionToday();
  const timeZone = useCoalitionTimeZone();
  const query = useQuery(releasePreviewQuery(period));
  const policy = useQuery(disclosurePolicyQuery());
  const publish = usePublishRelease();

  if (query.isPending) return <Loading label={`Checking how complete ${period} is…`} />;
  if (query.isError) {
    return (
      <LoadError
        what={`how complete ${period} is`}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return (
    <PublishPreviewView
      preview={query.data}
      releases={releases}
      thresholds={policy.data?.policy ?? defaultThresholds}
      computing={computing}
      today={today}
      timeZone={timeZone}
      confirming={confirming}
      publishing={publish.isPending}
      publishError={publish.isError ? errorMessage(publish.error) : null}
      onStartConfirm={() => {
        publish.reset();
        onConfirming(true);
      }}
      onCancel={() => {
        publish.reset();
        onConfirming(false);
        requestAnimationFrame(() => document.getElementById('publish-button')?.focus());
      }}
      onConfirm={() => {
        if (publish.isPending) return;
        // The confirmation showed who is missing whenever the preview is provisional.
        publish.mutate(
          { period: query.data.period, confirmProvisional: isProvisional(query.data) },
          { onSuccess: ({ release }) => onStarted(release) },
        );
      }}
    />
  );
}

/** The preview of one quarter, what publishing does, and the publish button; exported for tests. */
export function PublishPreviewView({
  preview,
  releases,
  thresholds,
  computing,
  today,
  confirming,
  publishing,
  publishError,
  onStartConfirm,
  onCancel,
  onConfirm,
  timeZone,
}: {
  preview: ReleasePreview;
  releases: readonly Release[];
  thresholds: Record<Audience, number>;
  computing: Release | undefined;
  today: string;
  confirming: boolean;
  publishing: boolean;
  publishError: string | null;
  onStartConfirm: () => void;
  onCancel: () => void;
  onConfirm: () => void;
  /** The coalition's, on whose clock earlier releases' times read. */
  timeZone: string;
}) {
  const deadline = describeDeadline(preview.deadline, today);
  const figures = missingFigures(preview);
  const missing = sortMissing(preview.missingAgencies);
  const earlier = releases
    .filter((release) => release.period === preview.period)
    .sort((a, b) => b.sequence - a.sequence);
  const blocker = publishBlocker(preview, computing);
  const years = yearNote(preview.period, preview.periods);
  const sequence = nextSequence(preview.period, releases);
  const published = publishedSequences(preview.period, releases);
  // The server's own answer decides whether this is a correction, even if the list is behind.
  const isCorrection = preview.previousReleases.length > 0 || published.length > 0;
  const correction = correctionNote(preview.period, published, sequence);
  const provisional = isProvisional(preview);
  const buttonLabel = `${publishButtonLabel(preview.period, isCorrection, sequence)}${provisional ? ' as provisional' : ''}`;

  return (
    <>
      <section className="panel panel--featured" aria-labelledby="preview-heading">
        <p className="eyebrow">
          {preview.period} · {entryLabel(preview, today)} · {deadline.label}
          {deadline.relative ? ` (${deadline.relative})` : ''}
        </p>
        <h3 id="preview-heading" className="release-preview__headline">
          {completenessHeadline(preview)} for {preview.period}
        </h3>
        {figures.length > 0 ? (
          <ul className="release-figures" aria-label="Reports not yet approved">
            {figures.map((figure) => (
              <li key={figure.label}>
                <span className="release-figures__count">{figure.count}</span> {figure.label}
              </li>
            ))}
          </ul>
        ) : null}

        {missing.length > 0 ? (
          <>
            <h4 id="missing-heading">Not included unless approved first</h4>
            <ul className="release-missing" aria-labelledby="missing-heading">
              {missing.map((agency) => (
                <li key={agency.code} className="release-missing__item">
                  <Link
                    to={`/report/${encodeURIComponent(agency.code)}/${encodeURIComponent(preview.period)}`}
                    className="release-missing__link"
                  >
                    {agency.name}
                  </Link>
                  <StatusBadge status={agency.status} />
                </li>
              ))}
            </ul>
            <p className="muted">
              Their numbers will be missing from every figure. You can approve waiting reports on the{' '}
              <Link to={`/review?period=${encodeURIComponent(preview.period)}`}>review page</Link>, or publish
              now and publish a correction once they are in.
            </p>
          </>
        ) : null}

        {preview.warnings.length > 0 ? (
          <div className="release-warnings">
            <h4 id="warnings-heading">Before you publish</h4>
            <ul className="plain-list" aria-labelledby="warnings-heading">
              {preview.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        ) : null}

        {earlier.length > 0 || correction ? (
          <>
            <h4 id="earlier-heading">Published before</h4>
            {correction ? <p>{correction}</p> : null}
            {earlier.length > 0 ? (
              <ul className="plain-list" aria-labelledby="earlier-heading">
                {earlier.map((release) => (
                  <li key={release.id}>
                    Release {release.sequence}: {releaseWhen(release, timeZone)}
                    {release.status === 'failed' ? ' (failed, not published)' : ''}
                    {release.status === 'superseded' ? ' (replaced by a correction)' : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}

        {preview.periods.length > 0 ? (
          <>
            <h4>What it will publish</h4>
            <p>{publishesSentence(preview.periods)}</p>
            {years ? <p className="muted">{years}</p> : null}
          </>
        ) : null}
      </section>

      <WhatPublishingDoes thresholds={thresholds} />

      <div className="release-action">
        {blocker ? (
          <p className="notice notice--info">{blocker}</p>
        ) : confirming ? (
          <ConfirmPublish
            preview={preview}
            correction={isCorrection}
            sequence={sequence}
            pending={publishing}
            error={publishError}
            onConfirm={onConfirm}
            onCancel={onCancel}
          />
        ) : (
          <button type="button" id="publish-button" className="button" onClick={onStartConfirm}>
            {buttonLabel}…
          </button>
        )}
      </div>
    </>
  );
}

/** The plain-words explanation of what publishing does, with the thresholds in force. */
export function WhatPublishingDoes({ thresholds }: { thresholds: Record<Audience, number> }) {
  return (
    <section className="release-explainer" aria-labelledby="explainer-heading">
      <h3 id="explainer-heading">What publishing does</h3>
      <ol className="release-explainer__steps">
        <li>
          <strong>Adds up the approved reports</strong> into coalition-wide and county figures. Reports that
          aren't approved are left out.
        </li>
        <li>
          <strong>Protects every number for two audiences.</strong>
          <ul>
            <li>
              {audienceName('coalition')} who are signed in (workgroups, grant reports): counts of people
              under {thresholds.coalition} are hidden.
            </li>
            <li>
              {audienceName('public')}: coalition-wide tables with one breakdown at a time, and counts of
              people under {thresholds.public} are hidden.
            </li>
          </ul>
          A number is also hidden when one agency makes up so much of it that the agency could work out the
          others' small count. Zeros are shown. Hidden numbers appear as “S”, never as zero.
        </li>
        <li>
          <strong>Hides a few more numbers</strong> so the hidden ones can't be worked out by subtraction, for
          example from a total and its other parts.
        </li>
        <li>
          <strong>Proves it with an audit.</strong> Scope checks, by calculation, that no hidden number can be
          worked out or narrowed to a small range, by anyone outside or by a member agency using its own
          numbers. If the audit fails, nothing is published and you are told why.
        </li>
        <li>
          <strong>Freezes the result.</strong> Everyone then sees only these numbers, and they don't change. A
          later correction makes a new release, checked together with every number already published.
        </li>
      </ol>
    </section>
  );
}

function ConfirmPublish({
  preview,
  correction,
  sequence,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  preview: ReleasePreview;
  correction: boolean;
  sequence: number;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const provisional = isProvisional(preview);
  const as = provisional ? ' as provisional' : '';
  const missing = provisionalMissing(preview);
  return (
    <ConfirmPanel
      id="confirm-publish-heading"
      question={
        correction
          ? `Publish a correction of ${preview.period} (release ${sequence})${as} now?`
          : `Publish ${preview.period}${as} now?`
      }
      confirmLabel={
        correction ? `Yes, publish release ${sequence}${as}` : `Yes, publish ${preview.period}${as}`
      }
      pendingLabel="Starting…"
      pending={pending}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {provisional ? (
        <div className="release-provisional">
          <p>
            <strong>{provisionalSummary(preview)}</strong> It will be marked provisional wherever it appears:
            dashboards and the public page keep opening on the newest period that is not provisional, and no
            change is shown against it.
          </p>
          <h4 id="provisional-missing-heading">
            {missing.length === 1 ? 'Missing: 1 agency' : `Missing: ${missing.length} agencies`}
          </h4>
          <ul className="plain-list" aria-labelledby="provisional-missing-heading">
            {missing.map((agency) => (
              <li key={agency.code}>{agency.name}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{confirmIncludes(preview)}</p>
      <p>
        Protecting and checking the numbers can take a few minutes; you can watch it here. Once published, the
        numbers are frozen: to change them, you publish a correction.
      </p>
    </ConfirmPanel>
  );
}

/** Polls one release while it computes; when it ends, refreshes the list and previews. */
function ReleaseProgress({
  id,
  focusOnStart,
  onDismiss,
  onTryAgain,
}: {
  id: number;
  focusOnStart: boolean;
  onDismiss: () => void;
  onTryAgain: (period: string) => void;
}) {
  const queryClient = useQueryClient();
  const query = useQuery(releaseDetailQuery(id));
  const status = query.data?.release.status;
  const finished = status !== undefined && status !== 'computing';
  useEffect(() => {
    if (finished) void afterReleaseChange(queryClient);
  }, [finished, queryClient]);

  // Started from the confirmation (which has now gone), keyboard and screen-reader users land on
  // the panel rather than at the top of the page.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnStart) headingRef.current?.focus();
  }, [focusOnStart]);

  if (query.isPending) return <Loading label="Checking the release's progress…" />;
  if (query.isError) {
    return (
      <LoadError
        what="the release's progress"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return (
    <ReleaseProgressView
      release={query.data.release}
      headingRef={headingRef}
      onDismiss={onDismiss}
      onTryAgain={onTryAgain}
    />
  );
}

/** The progress bar while a release computes, then how it ended; exported for tests. */
export function ReleaseProgressView({
  release,
  headingRef,
  onDismiss,
  onTryAgain,
}: {
  release: Release;
  headingRef?: Ref<HTMLHeadingElement>;
  onDismiss: () => void;
  onTryAgain: (period: string) => void;
}) {
  const view = progressView(release);
  const outcome = releaseOutcome(release);
  const tone =
    outcome.kind === 'failed' ? 'failed' : outcome.kind === 'published' ? 'published' : 'computing';
  return (
    <section
      className={`panel release-progress release-progress--${tone}`}
      aria-labelledby="progress-heading"
    >
      <h3 id="progress-heading" tabIndex={-1} ref={headingRef}>
        {releaseName(release)}
      </h3>
      {outcome.kind === 'computing' ? (
        <>
          <label htmlFor="release-progress-bar" className="release-progress__label">
            Protecting and checking the numbers
          </label>
          <div className="release-progress__bar">
            {view.value === null ? (
              <progress id="release-progress-bar" max={view.max} aria-describedby="release-progress-text" />
            ) : (
              <progress
                id="release-progress-bar"
                value={view.value}
                max={view.max}
                aria-describedby="release-progress-text"
              />
            )}
            <span id="release-progress-text" className="release-progress__percent">
              {progressText(view)}
            </span>
          </div>
        </>
      ) : null}
      {/* Kept in the page throughout, so screen readers hear each stage and then the result. */}
      <div role="status" className="release-progress__status">
        {outcome.kind === 'computing' ? (
          <p>{progressAnnouncement(view)}</p>
        ) : outcome.kind === 'published' ? (
          <>
            <p className="release-progress__title">{outcome.title}.</p>
            <p>{outcome.text}</p>
          </>
        ) : null}
      </div>
      <div role="alert">
        {outcome.kind === 'failed' ? (
          <>
            <p className="release-progress__title">{outcome.title}.</p>
            <p>{outcome.reason}</p>
            <p className="release-progress__next">What to do next:</p>
            <ul className="plain-list">
              {outcome.nextSteps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {outcome.kind === 'computing' ? (
        <p className="muted">
          You can leave this page: publishing carries on, and the result will be here when you come back.
        </p>
      ) : (
        <div className="release-actions">
          {outcome.kind === 'failed' ? (
            <>
              <Link className="button" to={`/review?period=${encodeURIComponent(release.period)}`}>
                Check the reports for {release.period}
              </Link>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onTryAgain(release.period)}
              >
                Try publishing again
              </button>
            </>
          ) : (
            <a className="button button--secondary" href={`#release-${release.id}`}>
              See what each audience sees
            </a>
          )}
          <button type="button" className="button button--secondary" onClick={onDismiss}>
            Close this message
          </button>
        </div>
      )}
    </section>
  );
}
