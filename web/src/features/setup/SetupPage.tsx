import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { addQuarters, comparePeriods, parseQuarter, periodLabel } from '../../../../api/domain/periods';
import { errorMessage, LoadError, Loading } from '../../components/QueryStatus';
import { usePageTitle } from '../../components/usePageTitle';
import { type SetupProblems, type SetupRequest, setupProblemsOf, useCompleteSetup } from './mutations';
import { type SetupFormOptions, setupLinkQuery } from './queries';
import './setup.css';

/** The page a set-up link opens: a new coalition's one form, then a way to sign in. */
export function SetupPage() {
  const { token = '' } = useParams();
  usePageTitle('Set up your coalition');
  const link = useQuery(setupLinkQuery(token));
  const setup = useCompleteSetup(token);

  if (setup.isSuccess)
    return (
      <div className="setup">
        <h1>Your coalition is set up</h1>
        <p className="notice notice--info" role="status">
          Your coalition is set up. <Link to="/sign-in">Sign in</Link> with the email and password you just
          chose.
        </p>
      </div>
    );
  if (link.isPending) return <Loading label="Checking your set-up link…" />;
  if (link.isError)
    return <LoadError what="your set-up link" error={link.error} onRetry={() => link.refetch()} />;
  if (!link.data.usable)
    return (
      <div className="setup">
        <h1>This set-up link can’t be used</h1>
        <p>{link.data.message}</p>
        <p>
          Whoever runs Scope’s server can print a new one with <code>npm run admin -- create EMAIL</code>, or
          by restarting Scope. Already set up? <Link to="/sign-in">Sign in</Link>.
        </p>
      </div>
    );
  return (
    <div className="setup">
      <h1>Set up your coalition</h1>
      <p className="setup__intro">
        This link works once. Fill in your coalition and your own account as its first admin; everything here
        can be changed later on the Settings page.
      </p>
      <SetupForm
        options={link.data.form}
        email={link.data.email}
        problems={setupProblemsOf(setup.error)}
        failure={
          setup.isError && Object.keys(setupProblemsOf(setup.error)).length === 0
            ? errorMessage(setup.error)
            : null
        }
        pending={setup.isPending}
        onSubmit={(request) => setup.mutate(request)}
      />
    </div>
  );
}

/** The quarters a coalition may start from, newest first. */
function firstQuarterChoices(options: Pick<SetupFormOptions, 'earliestFirstPeriod' | 'latestFirstPeriod'>) {
  const choices: string[] = [];
  const earliest = parseQuarter(options.earliestFirstPeriod);
  for (let quarter = parseQuarter(options.latestFirstPeriod); quarter && earliest; ) {
    if (comparePeriods(quarter.code, earliest.code) < 0) break;
    choices.push(quarter.code);
    quarter = addQuarters(quarter, -1);
  }
  return choices;
}

type SetupFormProps = {
  options: SetupFormOptions;
  /** The email the link was made for: the first admin's, fixed. */
  email: string | null;
  /** What the server found wrong, by field. */
  problems: SetupProblems;
  /** Any other failure, in words. */
  failure: string | null;
  pending: boolean;
  onSubmit: (request: SetupRequest) => void;
};

/** The set-up form: the coalition, its counties and settings, then the first admin. */
export function SetupForm({ options, email, problems, failure, pending, onSubmit }: SetupFormProps) {
  const [stateCode, setStateCode] = useState(options.states[0]?.code ?? '');
  const [counties, setCounties] = useState<ReadonlySet<string>>(new Set());
  const [search, setSearch] = useState('');
  const [twoFactor, setTwoFactor] = useState(options.defaults.adminTwoFactor);
  const state = options.states.find((s) => s.code === stateCode) ?? options.states[0];
  const shown = (state?.counties ?? []).filter((c) =>
    c.name.toLowerCase().includes(search.trim().toLowerCase()),
  );
  const chosen = options.states.flatMap((s) => s.counties).filter((c) => counties.has(c.fips));

  function toggle(fips: string, on: boolean) {
    const next = new Set(counties);
    if (on) next.add(fips);
    else next.delete(fips);
    setCounties(next);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    onSubmit({
      coalitionName: text('coalitionName'),
      shortName: text('shortName'),
      counties: [...counties],
      timeZone: text('timeZone'),
      deadlineDays: Number(text('deadlineDays')),
      firstPeriod: text('firstPeriod'),
      adminTwoFactor: twoFactor,
      adminName: text('adminName'),
      adminEmail: email ?? text('adminEmail'),
      password: text('password'),
    });
  }

  return (
    <form className="form setup__form" onSubmit={handleSubmit} noValidate>
      <div role="alert" className="form-error">
        {failure ??
          (Object.keys(problems).length > 0
            ? 'Some answers need another look: see the notes by each field.'
            : null)}
      </div>

      <h2>Your coalition</h2>
      <Field label="Coalition name" name="coalitionName" problem={problems.coalitionName}>
        {(props) => <input {...props} type="text" autoComplete="organization" />}
      </Field>
      <Field
        label="Short name"
        name="shortName"
        problem={problems.shortName}
        hint="Shown on narrow screens and in reports’ headers, such as SBCEHT."
      >
        {(props) => <input {...props} type="text" autoComplete="off" />}
      </Field>

      <fieldset
        className="setup__group"
        aria-describedby={problems.counties ? 'setup-counties-problem' : undefined}
      >
        <legend>Counties your coalition serves</legend>
        <Field label="State" name="state">
          {(props) => (
            <select {...props} value={stateCode} onChange={(event) => setStateCode(event.target.value)}>
              {options.states.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Find a county" name="countySearch" hint="Type part of its name to shorten the list.">
          {(props) => (
            <input
              {...props}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          )}
        </Field>
        {problems.counties ? (
          <p className="setup__problem" id="setup-counties-problem">
            {problems.counties}
          </p>
        ) : null}
        <ul className="setup__counties">
          {shown.map((county) => (
            <li key={county.fips}>
              <input
                type="checkbox"
                id={`county-${county.fips}`}
                checked={counties.has(county.fips)}
                onChange={(event) => toggle(county.fips, event.target.checked)}
              />
              <label htmlFor={`county-${county.fips}`}>{county.name}</label>
            </li>
          ))}
          {shown.length === 0 ? <li>No county’s name contains “{search.trim()}”.</li> : null}
        </ul>
        <p role="status" className="setup__chosen">
          {chosen.length === 0
            ? 'No county chosen yet.'
            : `Chosen (${chosen.length}): ${chosen.map((c) => c.name).join(', ')}.`}
        </p>
      </fieldset>

      <h2>Reporting</h2>
      <Field
        label="Time zone"
        name="timeZone"
        problem={problems.timeZone}
        hint="Its calendar says when a quarter ends and when a report is late."
      >
        {(props) => (
          <select {...props} defaultValue={options.defaults.timeZone}>
            {options.timeZones.some((t) => t.zone === options.defaults.timeZone) ? null : (
              <option value={options.defaults.timeZone}>{options.defaults.timeZone}</option>
            )}
            {options.timeZones.map((t) => (
              <option key={t.zone} value={t.zone}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Reports are due this many days after a quarter ends"
        name="deadlineDays"
        problem={problems.deadlineDays}
      >
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={0}
            max={365}
            defaultValue={options.defaults.deadlineDays}
          />
        )}
      </Field>
      <Field
        label="First quarter your coalition collects"
        name="firstPeriod"
        problem={problems.firstPeriod}
        hint="Agencies report every quarter from this one on. Choose an earlier quarter to enter past reports."
      >
        {(props) => (
          <select {...props} defaultValue={options.defaults.firstPeriod}>
            {firstQuarterChoices(options).map((code) => (
              <option key={code} value={code}>
                {periodLabel(code)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <fieldset className="setup__group">
        <legend>Signing in for admins</legend>
        <div className="setup__choice">
          <input
            type="radio"
            id="setup-two-factor-required"
            name="adminTwoFactor"
            checked={twoFactor === 'required'}
            onChange={() => setTwoFactor('required')}
          />
          <label htmlFor="setup-two-factor-required">
            Admins must also enter a code from an authenticator app (recommended)
          </label>
        </div>
        <div className="setup__choice">
          <input
            type="radio"
            id="setup-two-factor-optional"
            name="adminTwoFactor"
            checked={twoFactor === 'optional'}
            onChange={() => setTwoFactor('optional')}
          />
          <label htmlFor="setup-two-factor-optional">Each admin decides for themselves</label>
        </div>
        {twoFactor === 'optional' ? (
          <p className="notice notice--error">
            <strong>Warning:</strong> admins see every agency’s numbers before they are protected, and decide
            who has access. Without a code, anyone who learns an admin’s password can do the same.
          </p>
        ) : null}
      </fieldset>

      <h2>You, the first admin</h2>
      <Field label="Your name" name="adminName" problem={problems.adminName}>
        {(props) => <input {...props} type="text" autoComplete="name" />}
      </Field>
      <Field
        label="Your email"
        name="adminEmail"
        problem={problems.adminEmail}
        hint={email ? 'This link was made for this address.' : undefined}
      >
        {(props) =>
          email ? (
            <input {...props} type="email" value={email} readOnly />
          ) : (
            <input {...props} type="email" autoComplete="email" inputMode="email" spellCheck={false} />
          )
        }
      </Field>
      <Field
        label="Password"
        name="password"
        problem={problems.password}
        hint="At least 12 characters. A few ordinary words together are easy to remember and hard to guess. Not a common password, and not your name or email."
      >
        {(props) => <input {...props} type="password" autoComplete="new-password" />}
      </Field>

      <button type="submit" className="button" aria-disabled={pending}>
        {pending ? 'Setting up…' : 'Set up the coalition'}
      </button>
    </form>
  );
}

type FieldProps = {
  label: string;
  name: string;
  hint?: string | undefined;
  problem?: string | undefined;
  children: (props: {
    id: string;
    name: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
};

/** A labelled field with its hint and, when the server refused it, what is wrong, read with it. */
function Field({ label, name, hint, problem, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const describedBy = [problemId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {problem ? (
        <p className="setup__problem" id={problemId}>
          {problem}
        </p>
      ) : null}
      {children({ id, name, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p className="setup__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
