import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { errorMessage, LoadError, Loading } from '../../components/QueryStatus';
import { usePageTitle } from '../../components/usePageTitle';
import { ConfidentialSetting } from './ConfidentialSetting';
import { useSaveSettings } from './mutations';
import { settingsQuery } from './queries';
import type { CoalitionSettings, ServedCounty } from './types';
import './settings.css';

/** The coalition's settings, for its admins: one section per subject, each saved on its own. */
export function SettingsPage() {
  usePageTitle('Settings');
  const settings = useQuery(settingsQuery());
  return (
    <>
      <h1>Settings</h1>
      <p>
        How the coalition runs Scope. Each section is saved on its own; what you change elsewhere stays as you
        left it.
      </p>
      {settings.isPending ? (
        <Loading label="Loading the settings…" />
      ) : settings.isError ? (
        <LoadError
          what="the settings"
          error={settings.error}
          onRetry={() => void settings.refetch()}
          retrying={settings.isFetching}
        />
      ) : (
        <SettingsSections settings={settings.data.settings} />
      )}
    </>
  );
}

/** Every section, drawn from the settings in force; exported for tests. */
export function SettingsSections({ settings }: { settings: CoalitionSettings }) {
  return (
    <>
      <CoalitionSection profile={settings.profile} />
      <CountiesSection counties={settings.counties} states={settings.states} />
      <ReportingSection settings={settings} />
      <ProtectionSection thresholds={settings.thresholds} publication={settings.publication} />
      <ConfidentialSetting on={settings.reports.confidentialReports} />
      <SignInSection adminTwoFactor={settings.profile.adminTwoFactor} />
    </>
  );
}

/** A section's heading, its form and its Save button with the outcome beside it. */
function SettingsForm({
  id,
  title,
  saveLabel,
  save,
  onSubmit,
  savedWords,
  children,
}: {
  id: string;
  title: string;
  saveLabel: string;
  save: ReturnType<typeof useSaveSettings>;
  onSubmit: () => void;
  savedWords: string;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) onSubmit();
  };
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <form className="form settings-form" onSubmit={submit} noValidate>
        {children}
        <div className="settings-form__save">
          <button type="submit" className="button" aria-disabled={save.isPending}>
            {save.isPending ? 'Saving…' : saveLabel}
          </button>
          <SaveOutcome save={save} savedWords={savedWords} />
        </div>
      </form>
    </section>
  );
}

/** What became of a section's last save: kept in the page while empty so it is announced when it fills. */
function SaveOutcome({ save, savedWords }: { save: ReturnType<typeof useSaveSettings>; savedWords: string }) {
  return (
    <>
      <p role="status" className="muted">
        {save.isSuccess ? savedWords : ''}
      </p>
      <div role="alert">
        {save.isError ? <p className="form-error">Nothing was changed. {errorMessage(save.error)}</p> : null}
      </div>
    </>
  );
}

function TextField({
  label,
  hint,
  value,
  onChange,
  type = 'text',
  inputMode,
  autoComplete = 'off',
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number';
  inputMode?: 'numeric' | 'decimal';
  autoComplete?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="muted settings-hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** A number as typed: a blank or unreadable entry is sent as it is, so the server says what is wrong. */
const typedNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function CoalitionSection({ profile }: { profile: CoalitionSettings['profile'] }) {
  const save = useSaveSettings();
  const [name, setName] = useState(profile.name ?? '');
  const [shortName, setShortName] = useState(profile.shortName ?? '');
  return (
    <SettingsForm
      id="coalition-heading"
      title="The coalition"
      saveLabel="Save names"
      save={save}
      savedWords="Saved: the new names show in the header and on reports made from now on."
      onSubmit={() => save.mutate({ name, shortName })}
    >
      <TextField
        label="Name"
        hint="As pages and reports print it: 3 to 120 characters."
        value={name}
        onChange={setName}
      />
      <TextField
        label="Short name"
        hint="For narrow screens: 2 to 24 characters."
        value={shortName}
        onChange={setShortName}
      />
    </SettingsForm>
  );
}

/** The counties a county's agencies would stop being removed, in words; null when none. */
export function countyInUse(county: ServedCounty): string | null {
  const agencies = [...county.basedHere, ...county.servingHere];
  if (agencies.length === 0) return null;
  const names =
    agencies.length === 1 ? agencies[0] : `${agencies.slice(0, -1).join(', ')} and ${agencies.at(-1)}`;
  return `Can’t be removed while ${names} ${agencies.length === 1 ? 'is' : 'are'} based in it or ${agencies.length === 1 ? 'serves' : 'serve'} it.`;
}

function CountiesSection({
  counties,
  states,
}: {
  counties: CoalitionSettings['counties'];
  states: CoalitionSettings['states'];
}) {
  const save = useSaveSettings();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState('');
  const [removing, setRemoving] = useState<ServedCounty | null>(null);
  const searchId = useId();
  const selectId = useId();
  const served = new Set(counties.flatMap((county) => (county.fips ? [county.fips] : [])));
  const servedList = [...served];
  const wanted = search.trim().toLowerCase();
  const choices = states.flatMap((state) =>
    state.counties
      .filter((county) => !served.has(county.fips) && county.name.toLowerCase().includes(wanted))
      .map((county) => ({ ...county, state: state.name })),
  );
  const selected = choices.some((county) => county.fips === chosen) ? chosen : (choices[0]?.fips ?? '');
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending || !selected) return;
    save.mutate({ counties: [...servedList, selected] }, { onSuccess: () => setSearch('') });
  };
  return (
    <section className="section" aria-labelledby="counties-heading">
      <h2 id="counties-heading">Counties served</h2>
      {counties.length === 0 ? (
        <p>The coalition serves no county yet. Add the first one below.</p>
      ) : (
        <ul className="settings-counties">
          {counties.map((county) => {
            const inUse = countyInUse(county);
            return (
              <li key={county.code} className="settings-counties__item">
                <span>
                  <strong>{county.name}</strong>{' '}
                  <span className="muted">{county.fips ? `FIPS ${county.fips}` : 'no FIPS code'}</span>
                </span>
                {inUse ? (
                  <span className="muted">{inUse}</span>
                ) : county.fips ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setRemoving(county)}
                    aria-label={`Remove ${county.name}`}
                  >
                    Remove
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {removing ? (
        <ConfirmPanel
          id="remove-county-heading"
          question={`Remove ${removing.name}?`}
          confirmLabel={`Remove ${removing.name}`}
          pendingLabel="Removing…"
          danger
          pending={save.isPending}
          error={null}
          onConfirm={() =>
            save.mutate(
              { counties: servedList.filter((fips) => fips !== removing.fips) },
              { onSettled: () => setRemoving(null) },
            )
          }
          onCancel={() => setRemoving(null)}
        >
          <p>
            {removing.name} will no longer be listed as a county the coalition serves, and new agencies can’t
            be based in it. Figures already published for it stay as they were. You can add it again later.
          </p>
        </ConfirmPanel>
      ) : null}
      <form className="form settings-form" onSubmit={add} noValidate>
        <h3 className="settings-form__title">Add a county</h3>
        <div className="field">
          <label htmlFor={searchId}>Find a county by name</label>
          <input
            id={searchId}
            type="search"
            autoComplete="off"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={selectId}>County to add</label>
          <select
            id={selectId}
            className="settings-select"
            value={selected}
            onChange={(event) => setChosen(event.target.value)}
          >
            {choices.length === 0 ? <option value="">No county matches</option> : null}
            {choices.map((county) => (
              <option key={county.fips} value={county.fips}>
                {county.name}, {county.state} ({county.fips})
              </option>
            ))}
          </select>
        </div>
        <div className="settings-form__save">
          <button type="submit" className="button" aria-disabled={save.isPending || !selected}>
            {save.isPending ? 'Saving…' : 'Add county'}
          </button>
          <SaveOutcome save={save} savedWords="Saved: the counties served are as listed above." />
        </div>
      </form>
    </section>
  );
}

/** Time zones of the United States, west to east after the mainland; the one in force is kept if elsewhere. */
const usTimeZones = [
  ['America/Los_Angeles', 'Pacific (Los Angeles)'],
  ['America/Denver', 'Mountain (Denver)'],
  ['America/Phoenix', 'Mountain without daylight saving (Phoenix)'],
  ['America/Chicago', 'Central (Chicago)'],
  ['America/New_York', 'Eastern (New York)'],
  ['America/Anchorage', 'Alaska (Anchorage)'],
  ['Pacific/Honolulu', 'Hawaii (Honolulu)'],
  ['America/Puerto_Rico', 'Atlantic (Puerto Rico)'],
] as const;

function ReportingSection({ settings }: { settings: CoalitionSettings }) {
  const { profile, firstPeriodFixed } = settings;
  const save = useSaveSettings();
  const [deadlineDays, setDeadlineDays] = useState(String(profile.deadlineDays));
  const [timeZone, setTimeZone] = useState(profile.timeZone);
  const [firstPeriod, setFirstPeriod] = useState(profile.firstPeriod ?? '');
  const zoneId = useId();
  const zones = usTimeZones.some(([zone]) => zone === profile.timeZone)
    ? usTimeZones
    : [[profile.timeZone, profile.timeZone] as const, ...usTimeZones];
  return (
    <SettingsForm
      id="reporting-heading"
      title="Reporting"
      saveLabel="Save reporting"
      save={save}
      savedWords="Saved: quarters that have not ended have the new deadline."
      onSubmit={() =>
        save.mutate({
          deadlineDays: typedNumber(deadlineDays),
          timeZone,
          ...(firstPeriodFixed || firstPeriod.trim() === '' ? {} : { firstPeriod: firstPeriod.trim() }),
        })
      }
    >
      <TextField
        label="Reports are due this many days after a quarter ends"
        hint="From 1 to 120. A change applies to quarters that have not ended; ended quarters keep the deadline they had."
        type="number"
        inputMode="numeric"
        value={deadlineDays}
        onChange={setDeadlineDays}
      />
      <div className="field">
        <label htmlFor={zoneId}>Time zone</label>
        <p id={`${zoneId}-hint`} className="muted settings-hint">
          The coalition’s calendar: what day it is for deadlines and late reports.
        </p>
        <select
          id={zoneId}
          className="settings-select"
          aria-describedby={`${zoneId}-hint`}
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
        >
          {zones.map(([zone, words]) => (
            <option key={zone} value={zone}>
              {words}
            </option>
          ))}
        </select>
      </div>
      {firstPeriodFixed ? (
        <div className="field">
          <p className="settings-readonly">
            <strong>First quarter collected:</strong>{' '}
            {profile.firstPeriod ?? 'the earliest quarter Scope has'}
          </p>
          <p className="muted settings-hint">It can’t change now: agencies have already reported from it.</p>
        </div>
      ) : (
        <TextField
          label="First quarter collected"
          hint="Like 2026Q1. Agencies are not asked for quarters before it."
          value={firstPeriod}
          onChange={setFirstPeriod}
        />
      )}
    </SettingsForm>
  );
}

function ProtectionSection({
  thresholds,
  publication,
}: {
  thresholds: CoalitionSettings['thresholds'];
  publication: CoalitionSettings['publication'];
}) {
  const save = useSaveSettings();
  const { minimums, policy } = thresholds;
  const { ranges, settings } = publication;
  const [publicThreshold, setPublicThreshold] = useState(String(policy.public));
  const [membersThreshold, setMembersThreshold] = useState(String(policy.coalition));
  const [share, setShare] = useState(String(Math.round(settings.provisionalShare * 100)));
  const [countyAgencies, setCountyAgencies] = useState(String(settings.countyBreakdownAgencies));
  return (
    <SettingsForm
      id="protection-heading"
      title="Protection"
      saveLabel="Save protection"
      save={save}
      savedWords="Saved: releases published from now on use these. Published releases keep theirs."
      onSubmit={() =>
        save.mutate({
          thresholds: { public: typedNumber(publicThreshold), coalition: typedNumber(membersThreshold) },
          publication: {
            provisionalShare: typedNumber(share) / 100,
            countyBreakdownAgencies: typedNumber(countyAgencies),
          },
        })
      }
    >
      <TextField
        label="Public figures: hide counts of people below"
        hint={`At least ${minimums.public}: smaller counts could identify a survivor.`}
        type="number"
        inputMode="numeric"
        value={publicThreshold}
        onChange={setPublicThreshold}
      />
      <TextField
        label="Members’ figures: hide counts of people below"
        hint={`At least ${minimums.coalition}.`}
        type="number"
        inputMode="numeric"
        value={membersThreshold}
        onChange={setMembersThreshold}
      />
      <TextField
        label="Provisional share, as a percentage"
        hint={`A quarter is published as provisional until this share of the agencies expected have an approved report: from ${ranges.provisionalShare.min * 100}% to ${ranges.provisionalShare.max * 100}%.`}
        type="number"
        inputMode="numeric"
        value={share}
        onChange={setShare}
      />
      <TextField
        label="Agencies each county needs for county figures"
        hint={`County breakdowns are published only where every county has at least this many reporting agencies: from ${ranges.countyBreakdownAgencies.min} to ${ranges.countyBreakdownAgencies.max}.`}
        type="number"
        inputMode="numeric"
        value={countyAgencies}
        onChange={setCountyAgencies}
      />
    </SettingsForm>
  );
}

function SignInSection({ adminTwoFactor }: { adminTwoFactor: 'required' | 'optional' }) {
  const save = useSaveSettings();
  const [choice, setChoice] = useState(adminTwoFactor);
  const name = useId();
  return (
    <SettingsForm
      id="sign-in-heading"
      title="Sign-in"
      saveLabel="Save sign-in"
      save={save}
      savedWords="Saved: admins are asked for this from their next sign-in."
      onSubmit={() => save.mutate({ adminTwoFactor: choice })}
    >
      <fieldset className="settings-choices">
        <legend>Two-factor sign-in for admins</legend>
        {(
          [
            [
              'required',
              'Required: admins sign in with a code from an authenticator app as well as their password',
            ],
            [
              'optional',
              'Optional: each admin decides (not recommended: an admin can see every agency’s figures)',
            ],
          ] as const
        ).map(([value, words]) => (
          <label key={value} className="settings-choice">
            <input
              type="radio"
              name={name}
              value={value}
              checked={choice === value}
              onChange={() => setChoice(value)}
            />
            {words}
          </label>
        ))}
      </fieldset>
    </SettingsForm>
  );
}
