import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, LoadError, Loading } from '../../components/QueryStatus';
import { usePageTitle } from '../../components/usePageTitle';
import { meQuery } from '../auth/queries';
import {
  confidentialUnavailable,
  defaultPeriod,
  kindNames,
  kindsOffered,
  newestFirst,
  periodAllows,
  periodOptionLabel,
} from './builder';
import { ConfidentialPurpose } from './ConfidentialPurpose';
import { useMakeReport, usePreviewReport } from './mutations';
import { NarrativeFields } from './NarrativeFields';
import { choicesQuery, templatesQuery } from './queries';
import { MadeReport } from './ReportFiles';
import { ReportHistory } from './ReportHistory';
import type { ReportChoices, ReportKind, ReportRequest, Template } from './types';
import './reports.css';

const heading = 'Grant reports';

/**
 * `/reports`: build a grant report (template, period, area, kind, the narratives), see it as it will
 * print, make it as a PDF, workbook and CSV, and look back over every report kept.
 */
export function ReportsPage() {
  usePageTitle(heading);
  const me = useQuery(meQuery()).data;
  const templates = useQuery(templatesQuery());
  const isAdmin = me?.role === 'admin';

  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">
        The numbers the coalition sends to funders and shares with members, made from published releases. Each
        report is kept, so you can download exactly the same file again.
      </p>

      <section className="section" aria-labelledby="builder-heading">
        <h2 id="builder-heading">Make a report</h2>
        {templates.isPending ? (
          <Loading label="Loading the report templates…" />
        ) : templates.isError ? (
          <LoadError
            what="the report templates"
            error={templates.error}
            onRetry={() => void templates.refetch()}
            retrying={templates.isFetching}
          />
        ) : templates.data.length === 0 ? (
          <p className="notice notice--info">There are no report templates yet.</p>
        ) : (
          <ReportBuilder templates={templates.data} />
        )}
      </section>

      {isAdmin ? (
        <p className="muted">
          Whether confidential reports may be made is set on the <Link to="/settings">Settings</Link> page.
        </p>
      ) : null}

      <ReportHistory />
    </>
  );
}

function ReportBuilder({ templates }: { templates: readonly Template[] }) {
  const [templateCode, setTemplateCode] = useState(templates[0]?.code ?? '');
  const template = templates.find((candidate) => candidate.code === templateCode) ?? templates[0];
  if (!template) return null;
  return (
    <>
      <TemplateChooser templates={templates} current={template} onChoose={setTemplateCode} />
      <TemplateChoices key={template.code} template={template} />
    </>
  );
}

/** The templates as a group of radio buttons, each with its description. */
export function TemplateChooser({
  templates,
  current,
  onChoose,
}: {
  templates: readonly Template[];
  current: Template;
  onChoose: (code: string) => void;
}) {
  return (
    <fieldset className="report-templates">
      <legend>Which report?</legend>
      {templates.map((template) => (
        <div key={template.code} className="report-choice">
          <input
            type="radio"
            id={`template-${template.code}`}
            name="template"
            value={template.code}
            checked={template.code === current.code}
            aria-describedby={`template-${template.code}-about`}
            onChange={() => onChoose(template.code)}
          />
          <label htmlFor={`template-${template.code}`}>{template.name}</label>
          <p id={`template-${template.code}-about`} className="report-choice__about">
            {template.description}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

function TemplateChoices({ template }: { template: Template }) {
  const choices = useQuery(choicesQuery(template.code));
  if (choices.isPending) return <Loading label="Loading the periods this report can be made for…" />;
  if (choices.isError) {
    return (
      <LoadError
        what="the periods this report can be made for"
        error={choices.error}
        onRetry={() => void choices.refetch()}
        retrying={choices.isFetching}
      />
    );
  }
  if (choices.data.periods.length === 0) {
    return (
      <p className="notice notice--info">
        There is no period this report can be made for yet: it needs a published release, or approved reports
        for a confidential one.
      </p>
    );
  }
  return <ReportForm template={template} choices={choices.data} />;
}

/**
 * The period, area and kind of one template's report, its narratives, and the preview and make
 * buttons; exported for tests.
 */
export function ReportForm({ template, choices }: { template: Template; choices: ReportChoices }) {
  const kinds = kindsOffered(template, choices);
  const confidentialNote = confidentialUnavailable(template, choices);
  const confidentialOffered = kinds.includes('confidential');
  const periods = newestFirst(choices.periods);

  const [kind, setKind] = useState<ReportKind>('protected');
  const [period, setPeriod] = useState(() => defaultPeriod(periods, 'protected') ?? '');
  const [area, setArea] = useState(choices.areas[0]?.code ?? 'coalition');
  const [purpose, setPurpose] = useState('');
  const [purposeMissing, setPurposeMissing] = useState(false);
  const [madeId, setMadeId] = useState<number | null>(null);
  const preview = usePreviewReport();
  const make = useMakeReport();
  const ids = useId();
  const purposeId = `${ids}-purpose`;
  const chosen = periods.find((candidate) => candidate.code === period);
  const usable = chosen !== undefined && periodAllows(chosen, kind);

  function request(): ReportRequest | null {
    if (kind === 'confidential' && purpose.trim() === '') {
      setPurposeMissing(true);
      document.getElementById(purposeId)?.focus();
      return null;
    }
    return {
      template: template.code,
      period,
      area,
      kind,
      ...(kind === 'confidential' ? { purpose: purpose.trim() } : {}),
    };
  }

  // A preview shows one set of choices: changing any of them puts it away rather than leaving it misleading.
  function changed() {
    preview.reset();
    make.reset();
  }

  function chooseKind(next: ReportKind) {
    setKind(next);
    changed();
    const current = periods.find((candidate) => candidate.code === period);
    if (!current || !periodAllows(current, next)) setPeriod(defaultPeriod(periods, next) ?? period);
  }

  function showPreview(event: FormEvent) {
    event.preventDefault();
    if (!usable || preview.isPending) return;
    const made = request();
    if (made) preview.mutate(made);
  }

  function makeReport() {
    const made = request();
    if (!made || make.isPending) return;
    make.mutate(made, { onSuccess: ({ id }) => setMadeId(id) });
  }

  return (
    <form className="report-form" onSubmit={showPreview} noValidate>
      {template.notes.length > 0 ? (
        <div className="report-notes">
          <h3 id="notes-heading">What a protected report of it can’t show</h3>
          <ul aria-labelledby="notes-heading">
            {template.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="report-form__row">
        <div className="field report-period">
          <label htmlFor={`${ids}-period`}>Period</label>
          <select
            id={`${ids}-period`}
            value={period}
            aria-describedby={usable ? undefined : `${ids}-period-note`}
            onChange={(event) => {
              setPeriod(event.target.value);
              changed();
            }}
          >
            {periods.map((option) => (
              <option key={option.code} value={option.code}>
                {periodOptionLabel(option, confidentialOffered)}
              </option>
            ))}
          </select>
          {!usable && chosen ? (
            <p id={`${ids}-period-note`} className="field-error">
              {kind === 'protected'
                ? `${chosen.label} isn’t published yet, so a protected report can’t be made for it.`
                : `No report for ${chosen.label} is approved yet, so there are no counts to report.`}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-area`}>Area</label>
          <select
            id={`${ids}-area`}
            value={area}
            onChange={(event) => {
              setArea(event.target.value);
              changed();
            }}
          >
            {choices.areas.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <fieldset className="report-kind">
        <legend>Kind of figures</legend>
        <div className="report-choice">
          <input
            type="radio"
            id={`${ids}-protected`}
            name="kind"
            value="protected"
            checked={kind === 'protected'}
            aria-describedby={`${ids}-protected-about`}
            onChange={() => chooseKind('protected')}
          />
          <label htmlFor={`${ids}-protected`}>{kindNames.protected}</label>
          <p id={`${ids}-protected-about`} className="report-choice__about">
            The published figures, exactly as the dashboard shows them. Small counts are hidden and shown as
            “S”. Safe to share.
          </p>
        </div>
        {confidentialOffered ? (
          <div className="report-choice">
            <input
              type="radio"
              id={`${ids}-confidential`}
              name="kind"
              value="confidential"
              checked={kind === 'confidential'}
              aria-describedby={`${ids}-confidential-about`}
              onChange={() => chooseKind('confidential')}
            />
            <label htmlFor={`${ids}-confidential`}>{kindNames.confidential}</label>
            <p id={`${ids}-confidential-about`} className="report-choice__about">
              For a funder whose agreement entitles it to exact numbers. Shows every approved count, including
              counts so small they could identify a survivor. Every page says so.
            </p>
          </div>
        ) : null}
        {confidentialNote ? <p className="muted report-kind__note">{confidentialNote}</p> : null}
      </fieldset>

      {kind === 'confidential' ? (
        <ConfidentialPurpose
          id={purposeId}
          recordedAction="Making or previewing it"
          value={purpose}
          missing={purposeMissing}
          onChange={(next) => {
            setPurpose(next);
            changed();
          }}
        />
      ) : null}

      {period ? (
        <NarrativeFields template={template} draftKey={{ template: template.code, period, area }} />
      ) : null}

      <div className="report-actions">
        <button
          type="submit"
          className="button button--secondary"
          aria-disabled={!usable || preview.isPending}
        >
          {preview.isPending ? 'Preparing the preview…' : 'Preview'}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={!usable || make.isPending}
          onClick={() => {
            if (usable) makeReport();
          }}
        >
          {make.isPending ? 'Starting…' : 'Make the report'}
        </button>
      </div>
      <div role="alert">
        {preview.isError ? (
          <p className="form-error">The preview didn’t work. {errorMessage(preview.error)}</p>
        ) : null}
        {make.isError ? (
          <p className="form-error">The report wasn’t made. {errorMessage(make.error)}</p>
        ) : null}
      </div>

      {madeId !== null && make.isSuccess ? <MadeReport id={madeId} /> : null}
      {preview.data !== undefined ? (
        <ReportPreview key={preview.submittedAt} html={preview.data} name={template.name} />
      ) : null}
    </form>
  );
}

/** The report as it will print: the same page the PDF is drawn from, in a sandbox with no scripts. */
export function ReportPreview({ html, name }: { html: string; name: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The preview arrives after the button is pressed; keyboard and screen-reader users are taken to it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="report-preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading" tabIndex={-1} ref={headingRef}>
        Preview
      </h3>
      <p className="muted">This is the page the PDF prints, page breaks aside.</p>
      <iframe className="report-preview__frame" sandbox="" srcDoc={html} title={`Preview of the ${name}`} />
    </section>
  );
}
