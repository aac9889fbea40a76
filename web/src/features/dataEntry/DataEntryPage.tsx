/**
 * The form for one agency's quarter, generated from the catalog: every section the agency reports,
 * with totals and breakdowns, checks as the reporter types, autosave, CSV upload and submit. Admins
 * see the same page read-only, with their review actions.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { Catalog } from '../../../../api/domain/catalog';
import { sectionsFor } from '../../../../api/domain/catalog';
import { type Finding, validateQuarter } from '../../../../api/domain/validation';
import { LoadError, Loading } from '../../components/QueryStatus';
import { usePageTitle } from '../../components/usePageTitle';
import { meQuery } from '../auth/queries';
import { useCoalitionTimeZone, useCoalitionToday } from '../auth/useCoalitionToday';
import { catalogVersionQuery, submissionDetailQuery } from '../submissions/queries';
import type { SubmissionDetail } from '../submissions/types';
import { ChecksSummary } from './Checks';
import { EntrySections, SectionNav } from './EntryForm';
import { countBySection, findingsByAnchor, findingsByCell } from './findings';
import { type FormModel, FormModelContext } from './formModel';
import { cellsOf, enterOrder, layoutSections, type SectionLayout } from './layout';
import { ReportHeader, ReturnComment } from './ReportHeader';
import { CopiedBanner, CopyPrevious, ReplyBox } from './ReviewConversation';
import { ReviewPanel } from './ReviewPanel';
import { describeSave, historyPath, lockReason } from './reportState';
import { SubmitPanel } from './SubmitPanel';
import { UploadPanel } from './UploadPanel';
import { type Draft, usableExplanations, useDraft } from './useDraft';
import './dataEntry.css';

/** The page at `/report/:agency/:period`. */
export function DataEntryPage() {
  const { agency = '', period = '' } = useParams();
  usePageTitle(`${period} report`);
  const detail = useQuery(submissionDetailQuery(agency, period));
  const catalogId = detail.data?.catalogVersionId;
  const catalog = useQuery({ ...catalogVersionQuery(catalogId ?? 0), enabled: catalogId !== undefined });

  const failed = detail.isError ? detail : catalog.isError ? catalog : null;
  if (failed) {
    return (
      <>
        <h1>{period} report</h1>
        <LoadError
          what={failed === detail ? 'this report' : 'the form for this report'}
          error={failed.error}
          onRetry={() => void failed.refetch()}
          retrying={failed.isFetching}
        />
      </>
    );
  }
  if (!detail.data || !catalog.data) {
    return (
      <>
        <h1>{period} report</h1>
        <Loading label="Loading the report form…" />
      </>
    );
  }
  // Keyed by the report, so moving to another agency or quarter starts with a clean working copy.
  return <ReportForm key={`${agency}/${period}`} detail={detail.data} catalog={catalog.data.catalog} />;
}

export default DataEntryPage;

function ReportForm({ detail, catalog }: { detail: SubmissionDetail; catalog: Catalog }) {
  const me = useQuery(meQuery());
  const viewerIsAdmin = me.data?.role === 'admin';
  const draft = useDraft(detail);
  const editable = detail.permissions.edit;
  const today = useCoalitionToday();
  const timeZone = useCoalitionTimeZone();
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const sections = useMemo(
    () => layoutSections(catalog, sectionsFor(catalog, detail.agency.type)),
    [catalog, detail.agency.type],
  );
  const order = useMemo(() => enterOrder(sections), [sections]);
  const labels = useMemo(() => cellLabels(sections), [sections]);
  const history = useMemo(() => new Map(Object.entries(detail.history)), [detail.history]);

  // The browser runs the server's own checks on what is on screen; a locked report shows the
  // server's findings for what it stored.
  const findings: Finding[] = useMemo(
    () =>
      editable
        ? validateQuarter({ catalog, agencyType: detail.agency.type, values: draft.values, history })
        : detail.findings,
    [editable, catalog, detail.agency.type, draft.values, history, detail.findings],
  );

  const cellProblems = useMemo(() => {
    const problems = new Map<string, string>();
    if (draft.save.kind === 'refused')
      for (const { cell, message } of draft.save.cells) problems.set(cell, message);
    for (const [key, message] of draft.invalid) problems.set(key, message);
    return problems;
  }, [draft.save, draft.invalid]);

  const byCell = useMemo(() => findingsByCell(findings), [findings]);
  const byAnchor = useMemo(() => findingsByAnchor(findings), [findings]);
  const model: FormModel = {
    editable,
    values: draft.values,
    saved: detail.values,
    entries: draft.entries,
    setEntry: draft.setEntry,
    cellProblems,
    byCell,
    byAnchor,
    explanations: draft.explanations,
    explanationProblems: draft.explanationProblems,
    setExplanation: draft.setExplanation,
    order,
  };

  const announce = (message: string) => {
    setNotice(message);
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  const locked = lockReason(detail, viewerIsAdmin, today);
  const historyHref = detail.revision > 0 ? historyPath(detail.agency.code, detail.period.code) : null;
  const extraLinks = [
    ...(editable ? [{ href: '#upload', label: 'Upload a CSV file instead' }] : []),
    ...(detail.permissions.submit ? [{ href: '#submit', label: 'Check and submit' }] : []),
  ];

  return (
    <FormModelContext value={model}>
      <div className="data-entry">
        <ReportHeader detail={detail} today={today} timeZone={timeZone} historyHref={historyHref} />

        <div ref={noticeRef} tabIndex={-1} role="status" className="data-entry__notice">
          {notice ? <p className="notice notice--info">{notice}</p> : null}
        </div>

        {detail.status === 'returned' && detail.returnComment ? (
          <ReturnComment comment={detail.returnComment}>
            {detail.permissions.reply ? <ReplyBox draft={draft} /> : null}
          </ReturnComment>
        ) : null}
        {detail.copiedFromPeriod ? <CopiedBanner from={detail.copiedFromPeriod} /> : null}
        {/* Once anything is typed the report is no longer empty, so the offer goes. */}
        {editable && Object.keys(draft.entries).length === 0 ? (
          <CopyPrevious detail={detail} onCopied={announce} />
        ) : null}
        {locked ? <p className="notice notice--info lock-notice">{locked}</p> : null}
        <ReviewPanel detail={detail} onDone={announce} />

        {editable ? <SaveStatus draft={draft} updatedAt={detail.updatedAt} timeZone={timeZone} /> : null}

        <SectionNav sections={sections} counts={countBySection(findings)} extraLinks={extraLinks} />
        <ChecksSummary
          findings={findings}
          catalog={catalog}
          explanations={usableExplanations(draft)}
          editable={editable}
        />
        {editable ? <UploadPanel detail={detail} draft={draft} /> : null}

        <form
          className="entry-form"
          aria-label={`Counts for ${detail.period.code}`}
          noValidate
          onSubmit={(event) => event.preventDefault()}
        >
          <EntrySections sections={sections} />
        </form>

        {detail.permissions.submit || editable ? (
          <SubmitPanel
            detail={detail}
            catalog={catalog}
            draft={draft}
            findings={findings}
            labels={labels}
            onSubmitted={(submitted) =>
              announce(
                `Thank you. Your report was submitted as revision ${submitted.revision}. The coalition will review it and let you know if anything needs correcting.`,
              )
            }
          />
        ) : null}
      </div>
    </FormModelContext>
  );
}

/** The autosave state, in a polite live region that stays in view while scrolling. */
function SaveStatus({
  draft,
  updatedAt,
  timeZone,
}: {
  draft: Draft;
  updatedAt: string | null;
  timeZone: string;
}) {
  const text = describeSave(draft.save, {
    unsaved: draft.unsaved,
    invalidCount: draft.invalid.size,
    heldBackExplanations: draft.explanationProblems.size,
    updatedAt,
    timeZone,
  });
  const trouble = draft.save.kind === 'retrying' || draft.save.kind === 'refused';
  return (
    <div className={`save-status${trouble ? ' save-status--trouble' : ''}`}>
      <p role="status" aria-live="polite" className="save-status__text">
        {text}
      </p>
    </div>
  );
}

function cellLabels(sections: readonly SectionLayout[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const { elements } of sections) {
    for (const { total, disaggregations } of elements) {
      labels.set(total.key, total.label);
      for (const layout of disaggregations)
        for (const cell of cellsOf(layout)) labels.set(cell.key, cell.label);
    }
  }
  return labels;
}
