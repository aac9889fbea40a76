/**
 * A report's history: every submitted revision with who sent it and when, each review, and a
 * comparison of any two versions (or a version and the current draft).
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Catalog } from '../../../../api/domain/catalog';
import { LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../components/usePageTitle';
import { meQuery } from '../auth/queries';
import { useCoalitionTimeZone } from '../auth/useCoalitionToday';
import { ReadOnlyCount } from '../dataEntry/ReadOnlyCount';
import { reportPath } from '../dataEntry/reportState';
import type { SubmissionRef } from '../submissions/mutations';
import {
  catalogVersionQuery,
  diffQuery,
  revisionsQuery,
  submissionDetailQuery,
} from '../submissions/queries';
import { LateBadge, StatusBadge } from '../submissions/StatusBadge';
import type { RevisionReview, RevisionSummary, SubmissionDetail } from '../submissions/types';
import { Conversation } from './Conversation';
import { RemoveText } from './RemoveText';
import {
  defaultComparison,
  describeReview,
  describeSubmission,
  explanationTopic,
  hasWorkingDraft,
  parseVersion,
  returnAnswered,
  reviewCommentLabel,
  type Version,
  versionName,
  versionsOf,
} from './revisions';
import './history.css';

/** The page at `/report/:agency/:period/history`. */
export function HistoryPage() {
  const { agency = '', period = '' } = useParams();
  usePageTitle(`${period} report history`);
  const detail = useQuery(submissionDetailQuery(agency, period));
  const revisions = useQuery(revisionsQuery(agency, period));
  const catalogId = detail.data?.catalogVersionId;
  const catalog = useQuery({ ...catalogVersionQuery(catalogId ?? 0), enabled: catalogId !== undefined });
  const heading = `${period} report: versions and changes`;

  const failed = detail.isError ? detail : revisions.isError ? revisions : null;
  if (failed) {
    return (
      <>
        <h1>{heading}</h1>
        <LoadError
          what="this report's history"
          error={failed.error}
          onRetry={() => void failed.refetch()}
          retrying={failed.isFetching}
        />
      </>
    );
  }
  if (!detail.data || !revisions.data) {
    return (
      <>
        <h1>{heading}</h1>
        <Loading label="Loading the report's history…" />
      </>
    );
  }
  return (
    <History
      heading={heading}
      detail={detail.data}
      revisions={revisions.data.revisions}
      catalog={catalog.data?.catalog}
    />
  );
}

export default HistoryPage;

function History({
  heading,
  detail,
  revisions,
  catalog,
}: {
  heading: string;
  detail: SubmissionDetail;
  revisions: RevisionSummary[];
  catalog: Catalog | undefined;
}) {
  const newestFirst = [...revisions].sort((a, b) => b.revision - a.revision);
  const me = useQuery(meQuery());
  // Only admins may remove a kept text; the server refuses anyone else.
  const removableIn =
    me.data?.role === 'admin' ? { agency: detail.agency.code, period: detail.period.code } : null;
  return (
    <div className="report-history">
      <p className="eyebrow">{detail.agency.name}</p>
      <h1>{heading}</h1>
      <p className="status-line">
        <span className="status-line__label">Status now:</span> <StatusBadge status={detail.status} />
      </p>
      <p>
        <Link to={reportPath(detail.agency.code, detail.period.code)}>
          Back to the {detail.period.code} report
        </Link>
      </p>

      {revisions.length === 0 ? (
        <p className="notice notice--info">
          This report hasn't been submitted yet, so there are no versions to show. Each time it is submitted,
          a copy is kept here.
        </p>
      ) : (
        <>
          <Comparison detail={detail} revisions={revisions} />
          <section className="section" aria-labelledby="revisions-heading">
            <h2 id="revisions-heading">Every version, newest first</h2>
            <ol className="revision-list" reversed>
              {newestFirst.map((revision) => (
                <RevisionItem
                  key={revision.revision}
                  revision={revision}
                  answers={returnAnswered(revisions, revision.revision)}
                  catalog={catalog}
                  removableIn={removableIn}
                />
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}

function RevisionItem({
  revision,
  answers,
  catalog,
  removableIn,
}: {
  revision: RevisionSummary;
  /** The return this revision was sent in answer to, if it was. */
  answers: RevisionReview | null;
  catalog: Catalog | undefined;
  /** The report, when the viewer may remove its texts. */
  removableIn: SubmissionRef | null;
}) {
  const timeZone = useCoalitionTimeZone();
  const headingId = `revision-${revision.revision}-heading`;
  const explanations = Object.entries(revision.explanations);
  return (
    <li className="panel revision">
      <h3 id={headingId}>{versionName(revision.revision)}</h3>
      <p className="status-line">
        {describeSubmission(revision, timeZone)}.{revision.late ? <LateBadge note="Submitted late" /> : null}
      </p>
      {answers || revision.reply ? (
        <>
          <h4>Reply to the return</h4>
          <Conversation returned={answers} reply={revision.reply}>
            {revision.reply && removableIn ? (
              <RemoveText
                report={removableIn}
                textId={revision.reply.textId}
                text={revision.reply.text}
                what={`the reply sent with ${versionName(revision.revision).toLowerCase()}`}
              />
            ) : null}
          </Conversation>
        </>
      ) : null}
      {explanations.length > 0 ? (
        <>
          <h4>Explanations given</h4>
          <dl className="explanations">
            {explanations.map(([code, text]) => (
              <div key={code}>
                <dt>{explanationTopic(catalog, code)}</dt>
                <dd>
                  {text}
                  {removableIn ? (
                    <RemoveText
                      report={removableIn}
                      textId={revision.explanationIds[code]}
                      text={text}
                      what={`the explanation of “${explanationTopic(catalog, code)}” in ${versionName(revision.revision).toLowerCase()}`}
                    />
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {revision.reviews.length > 0 ? (
        <>
          <h4>Reviews</h4>
          <ul className="plain-list">
            {revision.reviews.map((review) => (
              <li key={`${review.action}-${review.reviewedAt}`}>
                {describeReview(review, timeZone)}.
                {review.comment ? (
                  <span className="review-comment">
                    {reviewCommentLabel(review.action)}: {review.comment}
                  </span>
                ) : null}
                {review.comment && removableIn ? (
                  <RemoveText
                    report={removableIn}
                    textId={review.commentId}
                    text={review.comment}
                    what={`the ${review.action === 'reopen' ? 'reason for reopening' : 'comment'} (${describeReview(review, timeZone)})`}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">Not reviewed yet.</p>
      )}
    </li>
  );
}

function Comparison({ detail, revisions }: { detail: SubmissionDetail; revisions: RevisionSummary[] }) {
  const draft = hasWorkingDraft(detail);
  const versions = versionsOf(revisions, draft);
  const initial = defaultComparison(revisions, draft);
  const [from, setFrom] = useState<number | null>(initial?.from ?? null);
  const [to, setTo] = useState<Version | null>(initial?.to ?? null);
  const id = useId();

  if (versions.length < 2 || from === null || to === null) {
    return (
      <section className="section" aria-labelledby="compare-heading">
        <h2 id="compare-heading">Compare versions</h2>
        <p>There is only one version so far, so there is nothing to compare it with yet.</p>
      </section>
    );
  }

  return (
    <section className="section" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare versions</h2>
      <div className="compare-controls">
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <select
            id={`${id}-from`}
            value={String(from)}
            onChange={(event) => {
              const version = parseVersion(event.target.value);
              if (typeof version === 'number') setFrom(version);
            }}
          >
            {versions
              .filter((v): v is number => v !== 'draft')
              .map((v) => (
                <option key={v} value={String(v)}>
                  {versionName(v)}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <select
            id={`${id}-to`}
            value={String(to)}
            onChange={(event) => {
              const version = parseVersion(event.target.value);
              if (version !== null) setTo(version);
            }}
          >
            {versions.map((v) => (
              <option key={v} value={String(v)}>
                {versionName(v)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {from === to ? (
        <p>Choose two different versions to see what changed between them.</p>
      ) : (
        <DiffTable agency={detail.agency.code} period={detail.period.code} from={from} to={to} />
      )}
    </section>
  );
}

export function DiffTable({
  agency,
  period,
  from,
  to,
}: {
  agency: string;
  period: string;
  from: number;
  to: Version;
}) {
  const diff = useQuery(diffQuery(agency, period, from, to));
  const what = `changes from ${versionName(from).toLowerCase()} to ${versionName(to).toLowerCase()}`;
  if (diff.isError)
    return (
      <LoadError
        what={`the ${what}`}
        error={diff.error}
        onRetry={() => void diff.refetch()}
        retrying={diff.isFetching}
      />
    );
  if (!diff.data) return <Loading label="Comparing the two versions…" />;
  if (diff.data.changes.length === 0)
    return (
      <p className="notice notice--info">
        No differences: every count is the same in {versionName(from).toLowerCase()} and{' '}
        {versionName(to).toLowerCase()}.
      </p>
    );
  return (
    <TableScroll captionId="diff-caption">
      <table className="numeric-table">
        <caption id="diff-caption">
          {diff.data.changes.length} {diff.data.changes.length === 1 ? 'count changed' : 'counts changed'}{' '}
          from {versionName(from).toLowerCase()} to {versionName(to).toLowerCase()}
        </caption>
        <thead>
          <tr>
            <th scope="col">Count</th>
            <th scope="col" className="num">
              {versionName(from)}
            </th>
            <th scope="col" className="num">
              {versionName(to)}
            </th>
          </tr>
        </thead>
        <tbody>
          {diff.data.changes.map((change) => (
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
  );
}
