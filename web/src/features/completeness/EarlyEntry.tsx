/**
 * On the completeness page: quarters still under way, which open for entry the day after they end,
 * and the admin's way to open one early for every agency (or close it again), after a confirm step.
 */
import { useState } from 'react';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { errorMessage } from '../../components/QueryStatus';
import { formatDate } from '../../lib/dates';
import { entryState } from '../dataEntry/entry';
import { useEarlyEntry } from './mutations';
import type { CompletenessPeriod } from './types';

type EntryPeriod = Pick<CompletenessPeriod, 'code' | 'open' | 'opensOn' | 'openedEarly'>;

/** Quarters that haven't ended as of `today`: not open yet, or opened early. Oldest first. */
export function quartersUnderWay<P extends EntryPeriod>(periods: readonly P[], today: string): P[] {
  return periods
    .filter((p) => p.openedEarly || entryState(p, today) === 'not-yet')
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** The section, when any quarter in view is still under way; nothing otherwise. */
export function EarlyEntrySection({ periods, today }: { periods: readonly EntryPeriod[]; today: string }) {
  const underWay = quartersUnderWay(periods, today);
  if (underWay.length === 0) return null;
  return (
    <section className="section" aria-labelledby="early-entry-heading">
      <h2 id="early-entry-heading">Quarters still under way</h2>
      <p>
        A quarter opens for entry the day after it ends, so agencies report on a whole quarter. If the
        coalition needs a quarter's reports sooner, you can open it early for every agency.
      </p>
      {underWay.map((period) => (
        <EarlyEntryPeriod key={period.code} period={period} />
      ))}
    </section>
  );
}

function EarlyEntryPeriod({ period }: { period: EntryPeriod }) {
  const change = useEarlyEntry();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <EarlyEntryView
      period={period}
      confirming={confirming}
      pending={change.isPending}
      error={change.isError ? errorMessage(change.error) : null}
      done={done}
      onAsk={() => {
        change.reset();
        setDone(null);
        setConfirming(true);
      }}
      onCancel={() => setConfirming(false)}
      onConfirm={() =>
        change.mutate(
          { period: period.code, open: !period.openedEarly },
          {
            onSuccess: (entry) => {
              setConfirming(false);
              setDone(
                entry.open
                  ? `${entry.period} is open for entry now. Every agency's reporters can enter and submit it.`
                  : `${entry.period} is closed again until ${formatDate(entry.opensOn)}.`,
              );
            },
          },
        )
      }
    />
  );
}

/** One quarter under way, with its open-early (or close-again) action; exported for tests. */
export function EarlyEntryView({
  period,
  confirming,
  pending,
  error,
  done,
  onAsk,
  onConfirm,
  onCancel,
}: {
  period: EntryPeriod;
  confirming: boolean;
  pending: boolean;
  error: string | null;
  done: string | null;
  onAsk: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { code } = period;
  const opensOn = formatDate(period.opensOn);
  const headingId = `early-entry-${code}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{code}</h3>
      <p>
        {period.openedEarly
          ? `${code} was opened for entry early: agencies can enter and submit it now. Without that it would open on ${opensOn}.`
          : `${code} opens for entry on ${opensOn}, the day after it ends. Until then agencies can't enter or submit it.`}
      </p>
      <p role="status">{done}</p>
      {confirming ? (
        period.openedEarly ? (
          <ConfirmPanel
            id={`${headingId}-confirm`}
            question={`Close ${code} again until ${opensOn}?`}
            confirmLabel={`Close ${code} until ${opensOn}`}
            pendingLabel="Closing…"
            pending={pending}
            error={error}
            onConfirm={onConfirm}
            onCancel={onCancel}
          >
            <p>
              Reporters won't be able to change their {code} counts until {opensOn}. Drafts already saved are
              kept, and reports already submitted stay with the coalition for review. This is recorded in the
              audit log.
            </p>
          </ConfirmPanel>
        ) : (
          <ConfirmPanel
            id={`${headingId}-confirm`}
            question={`Open ${code} for entry now, for every agency?`}
            confirmLabel={`Open ${code} now`}
            pendingLabel="Opening…"
            pending={pending}
            error={error}
            onConfirm={onConfirm}
            onCancel={onCancel}
          >
            <p>
              Every member agency's reporters will be able to enter, upload and submit their {code} counts
              from now on, before the quarter has ended, so some may send counts for less than the whole
              quarter. You can close it again until {opensOn}. This is recorded in the audit log.
            </p>
          </ConfirmPanel>
        )
      ) : (
        <p>
          <button type="button" className="button button--secondary" onClick={onAsk}>
            {period.openedEarly ? `Close ${code} until ${opensOn}…` : `Open ${code} for entry early…`}
          </button>
        </p>
      )}
    </section>
  );
}
