/**
 * "Remind agencies": the agencies missing a quarter's report, as the server lists them (every active
 * agency expected that quarter, whatever the matrix's filters), whom a reminder reaches, when each
 * was last reminded, and each reminder's text, which the server writes. With mail set up the admin
 * sends them; without it (or when the mail server fails) they copy each one, and Scope records the copy.
 */
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, LoadError, Loading } from '../../components/QueryStatus';
import { formatDateTime } from '../../lib/dates';
import { countOf } from '../../lib/text';
import { useCoalitionTimeZone } from '../auth/useCoalitionToday';
import { StatusBadge } from '../submissions/StatusBadge';
import { useCopyText } from './copy';
import { type SentReminders, useRecordCopiedReminders, useSendReminders } from './mutations';
import { remindersQuery } from './queries';
import type { ReminderAgency, ReminderOverview } from './types';

/** The value of the preview's choice that stands for one text to every agency chosen. */
const everyone = '';

/** The panel for one quarter, wired to the API. */
export function RemindAgencies({ period }: { period: string }) {
  const query = useQuery(remindersQuery(period));
  const send = useSendReminders();
  const copied = useRecordCopiedReminders();
  const timeZone = useCoalitionTimeZone();
  const [unchosen, setUnchosen] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const [previewed, setPreviewed] = useState(everyone);

  if (query.isPending) return <Loading label="Loading the agencies to remind…" />;
  if (query.isError)
    return (
      <LoadError
        what="the agencies to remind"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  const chosen = query.data.agencies.filter((a) => !unchosen.has(a.code)).map((a) => a.code);
  return (
    <RemindAgenciesView
      overview={query.data}
      timeZone={timeZone}
      chosen={chosen}
      onChoose={(code, on) =>
        setUnchosen((current) => {
          const next = new Set(current);
          if (on) next.delete(code);
          else next.add(code);
          return next;
        })
      }
      note={note}
      onNote={setNote}
      previewed={previewed}
      onPreview={setPreviewed}
      sending={send.isPending}
      sent={send.data ?? null}
      error={send.error ?? copied.error}
      onSend={() => send.mutate({ period, agencies: chosen, note: note.trim() || null })}
      onCopied={(agencies) => copied.mutate({ period, agencies })}
    />
  );
}

/** The panel as drawn from its state; exported for tests. */
export function RemindAgenciesView({
  overview,
  timeZone,
  chosen,
  onChoose,
  note,
  onNote,
  previewed,
  onPreview,
  sending,
  sent,
  error,
  onSend,
  onCopied,
}: {
  overview: ReminderOverview;
  timeZone: string;
  chosen: readonly string[];
  onChoose: (code: string, chosen: boolean) => void;
  note: string;
  onNote: (note: string) => void;
  previewed: string;
  onPreview: (code: string) => void;
  sending: boolean;
  sent: SentReminders | null;
  error: unknown;
  onSend: () => void;
  onCopied: (agencies: string[]) => void;
}) {
  const { period, agencies } = overview;
  if (agencies.length === 0)
    return (
      <section className="remind" aria-labelledby="remind-heading">
        <h3 id="remind-heading">Remind agencies</h3>
        <p>Every agency expected for {period.code} has sent its report: there is no one to remind.</p>
      </section>
    );
  // Once the mail server has failed, the rest of the work is copying.
  const byMail = overview.mailConfigured && !sent?.mailProblem;
  const reachable = agencies.filter((a) => chosen.includes(a.code) && a.reporters.length > 0);
  return (
    <section className="remind" aria-labelledby="remind-heading">
      <h3 id="remind-heading">Remind agencies</h3>
      <p>
        {byMail
          ? `Scope mails each agency's reporters their own reminder, with the link to their ${period.code} form. Replies come to you.`
          : "Mail isn't set up for Scope, so copy each reminder into your own mail program and send it to the addresses shown. Scope records each copy, so this list shows when an agency was last reminded."}
      </p>
      <fieldset className="remind__agencies">
        <legend>Agencies to remind about {period.code}</legend>
        <ul className="missing-list">
          {agencies.map((agency) => (
            <AgencyChoice
              key={agency.code}
              agency={agency}
              chosen={chosen.includes(agency.code)}
              onChoose={onChoose}
              timeZone={timeZone}
            />
          ))}
        </ul>
      </fieldset>
      {byMail ? (
        <div className="remind__note">
          <label htmlFor="remind-note">A note of your own (optional)</label>
          <p id="remind-note-help" className="muted">
            Added to each reminder after the greeting. Leave out names and anything that could identify a
            survivor.
          </p>
          <textarea
            id="remind-note"
            rows={3}
            value={note}
            maxLength={2000}
            aria-describedby="remind-note-help"
            onChange={(event) => onNote(event.target.value)}
          />
        </div>
      ) : null}
      <Preview
        overview={overview}
        chosen={chosen}
        previewed={previewed}
        onPreview={onPreview}
        copyable={!byMail}
        onCopied={onCopied}
      />
      {byMail ? (
        <div className="reminder__actions">
          <button
            type="button"
            className="button"
            disabled={sending || reachable.length === 0}
            onClick={onSend}
          >
            {sending ? 'Sending…' : `Send by mail to ${countOf(reachable.length, 'agency', 'agencies')}`}
          </button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="form-error">
          {errorMessage(error)}
        </p>
      ) : null}
      <SendResults sent={sent} />
    </section>
  );
}

function lastRemindedWords(last: ReminderAgency['lastReminded'], timeZone: string): string {
  if (!last) return 'Not reminded yet for this quarter.';
  return `Last reminded ${formatDateTime(last.at, timeZone)} (${last.channel === 'mail' ? 'by mail' : 'copied to send'}).`;
}

function AgencyChoice({
  agency,
  chosen,
  onChoose,
  timeZone,
}: {
  agency: ReminderAgency;
  chosen: boolean;
  onChoose: (code: string, chosen: boolean) => void;
  timeZone: string;
}) {
  const id = `remind-${agency.code}`;
  return (
    <li className="missing-list__item">
      <span className="missing-list__name">
        <span>
          <input
            type="checkbox"
            id={id}
            checked={chosen}
            onChange={(event) => onChoose(agency.code, event.target.checked)}
            aria-describedby={`${id}-who`}
          />{' '}
          <label htmlFor={id} className="missing-list__link">
            {agency.name}
          </label>
        </span>
        <span id={`${id}-who`} className="muted">
          {agency.reporters.length === 0 ? (
            <>
              No reporter yet, so no one to send to.{' '}
              <Link to={agency.inviteUrl ?? '/people'}>Invite a reporter for {agency.name}</Link>.
            </>
          ) : (
            `Goes to ${countOf(agency.reporters.length, 'reporter', 'reporters')}: ${agency.reporters.map((r) => r.email).join(', ')}.`
          )}{' '}
          {lastRemindedWords(agency.lastReminded, timeZone)}
        </span>
      </span>
      <StatusBadge status={agency.status} />
    </li>
  );
}

/** The reminder to read before sending, or to copy: one agency's, or one text for every agency chosen. */
function Preview({
  overview,
  chosen,
  previewed,
  onPreview,
  copyable,
  onCopied,
}: {
  overview: ReminderOverview;
  chosen: readonly string[];
  previewed: string;
  onPreview: (code: string) => void;
  copyable: boolean;
  onCopied: (agencies: string[]) => void;
}) {
  const field = useRef<HTMLTextAreaElement>(null);
  const { copy, message } = useCopyText('The reminder');
  const agency = overview.agencies.find((a) => a.code === previewed);
  const text = agency?.text ?? overview.textForAll ?? '';
  // A copy is recorded only for agencies it can reach: one without a reporter has no one to send it to.
  const copiedFor = (agency ? [agency] : overview.agencies.filter((a) => chosen.includes(a.code)))
    .filter((a) => a.reporters.length > 0)
    .map((a) => a.code);
  return (
    <div className="reminder">
      <label htmlFor="remind-preview-choice" className="reminder__label">
        Show the reminder for
      </label>
      <select
        id="remind-preview-choice"
        value={previewed}
        onChange={(event) => onPreview(event.target.value)}
      >
        <option value={everyone}>Every agency chosen: one text that names none (for BCC)</option>
        {overview.agencies.map((a) => (
          <option key={a.code} value={a.code}>
            {a.name}
          </option>
        ))}
      </select>
      <label htmlFor="reminder-text" className="reminder__label">
        Reminder text
      </label>
      <textarea id="reminder-text" className="reminder__text" readOnly rows={16} value={text} ref={field} />
      {copyable ? (
        <div className="reminder__actions">
          <button
            type="button"
            className="button"
            disabled={copiedFor.length === 0}
            onClick={() => {
              void copy(text, field.current);
              onCopied(copiedFor);
            }}
          >
            {agency ? `Copy reminder for ${agency.name}` : 'Copy reminder for every agency chosen'}
          </button>
          <p role="status" className="reminder__status">
            {message}
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** What happened to each agency's reminder, in words, and why some were not mailed. */
function SendResults({ sent }: { sent: SentReminders | null }) {
  if (!sent) return <p role="status" className="reminder__status" />;
  return (
    <div role="status" className="remind__results">
      {sent.mailProblem ? <p className="form-error">{sent.mailProblem}</p> : null}
      <ul className="plain-list">
        {sent.results.map((result) => (
          <li key={result.code}>
            <strong>{result.name}</strong>: {result.message}
            {result.inviteUrl ? (
              <>
                {' '}
                <Link to={result.inviteUrl}>Invite a reporter</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
