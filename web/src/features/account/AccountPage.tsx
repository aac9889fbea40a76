import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { Me } from '../../api/types';
import { errorMessage, LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../lib/dates';
import { RecoveryCodes } from '../auth/RecoveryCodes';
import { useSignedInUser } from '../auth/RequireSignIn';
import { roleLabel } from '../auth/roles';
import { TwoFactorSetupFields } from '../auth/TwoFactorSetupFields';
import {
  useChangePassword,
  useConfirmTwoFactor,
  useEndOtherSessions,
  useEndSession,
  useNewRecoveryCodes,
  useStartTwoFactor,
  useTurnOffTwoFactor,
} from './mutations';
import { sessionsQuery, twoFactorQuery } from './queries';
import '../auth/twoFactor.css';

/** The signed-in person's own account: who they are, their password, two-factor sign-in and sessions. */
export function AccountPage() {
  const me = useSignedInUser();
  usePageTitle('Your account');
  return (
    <>
      <h1>Your account</h1>
      <dl className="account-summary">
        <dt>Name</dt>
        <dd>{me.name}</dd>
        <dt>Email</dt>
        <dd>{me.email}</dd>
        <dt>Role</dt>
        <dd>
          {roleLabel(me.role)}
          {me.agency ? ` · ${me.agency.name}` : ''}
        </dd>
      </dl>
      <p>To change your name, email or role, ask your coalition admin.</p>
      <ChangePassword />
      <TwoFactor />
      <Sessions me={me} />
    </>
  );
}

/** Values of a submitted form's fields, by name. */
const fieldsOf = (event: FormEvent<HTMLFormElement>) => {
  const form = new FormData(event.currentTarget);
  return (name: string) => String(form.get(name) ?? '');
};

export function ChangePassword() {
  const change = useChangePassword();
  const [mismatch, setMismatch] = useState(false);
  const errorId = 'password-error';
  const problem = mismatch
    ? 'The two new passwords are not the same. Type it again in both.'
    : change.isError
      ? errorMessage(change.error)
      : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const field = fieldsOf(event);
    const newPassword = field('newPassword');
    setMismatch(newPassword !== field('repeatPassword'));
    if (newPassword !== field('repeatPassword')) return;
    const form = event.currentTarget;
    change.mutate(
      { currentPassword: field('currentPassword'), newPassword },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <section className="account-section" aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      <p id="password-policy">
        Use at least 12 characters. A few ordinary words together are easy to remember and hard to guess.
        Scope refuses passwords people choose often, and ones with your name or email in them. Changing it
        signs you out everywhere else.
      </p>
      <form className="form" onSubmit={handleSubmit}>
        <div role="alert" id={errorId} className="form-error">
          {problem}
        </div>
        {change.isSuccess && !problem ? (
          <p className="notice notice--info" role="status">
            Your password is changed.
            {change.data.signedOut > 0
              ? ` ${change.data.signedOut === 1 ? 'One other session was' : `${change.data.signedOut} other sessions were`} signed out.`
              : ''}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="current-password">Current password</label>
          <input
            id="current-password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        <div className="field">
          <label htmlFor="new-password">New password</label>
          <input
            id="new-password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            aria-describedby={problem ? `password-policy ${errorId}` : 'password-policy'}
            aria-invalid={problem ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="repeat-password">New password again</label>
          <input
            id="repeat-password"
            name="repeatPassword"
            type="password"
            autoComplete="new-password"
            required
          />
        </div>
        <button type="submit" className="button" aria-disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}

/** Two-factor sign-in: set it up, see how many recovery codes are left, get new ones, turn it off. */
export function TwoFactor() {
  const { timeZone } = useSignedInUser();
  const status = useQuery(twoFactorQuery());
  const start = useStartTwoFactor();
  const confirm = useConfirmTwoFactor();
  const renew = useNewRecoveryCodes();
  const turnOff = useTurnOffTwoFactor();
  const shownCodes = confirm.data?.recoveryCodes ?? renew.data?.recoveryCodes;

  let body: ReactNode;
  if (status.isPending) body = <Loading label="Loading your two-factor sign-in…" />;
  else if (status.isError)
    body = <LoadError error={status.error} what="your two-factor sign-in" onRetry={() => status.refetch()} />;
  else if (shownCodes)
    body = (
      <>
        <RecoveryCodes codes={shownCodes} headingId="account-codes-heading" headingLevel={3} />
        <button
          type="button"
          className="button"
          onClick={() => {
            confirm.reset();
            renew.reset();
            start.reset();
          }}
        >
          I have saved these
        </button>
      </>
    );
  else if (!status.data.enabled)
    body = start.data ? (
      <TwoFactorSetupFields
        setup={start.data}
        idPrefix="account-two-factor"
        pending={confirm.isPending}
        error={confirm.error}
        onConfirm={(code) => confirm.mutate(code)}
      />
    ) : (
      <>
        <p>
          Two-factor sign-in is <strong>off</strong>. With it on, signing in needs a code from an app on your
          phone as well as your password, so a stolen password alone can't open your account.
          {status.data.requiredForYou ? ' Your coalition requires it for admins.' : ''}
        </p>
        <div role="alert" className="form-error">
          {start.isError ? errorMessage(start.error) : null}
        </div>
        <button
          type="button"
          className="button"
          aria-disabled={start.isPending}
          onClick={() => {
            if (!start.isPending) start.mutate();
          }}
        >
          {start.isPending ? 'Preparing…' : 'Set up two-factor sign-in'}
        </button>
      </>
    );
  else
    body = (
      <>
        <p>
          Two-factor sign-in is <strong>on</strong>
          {status.data.enabledAt ? ` since ${formatDateTime(status.data.enabledAt, timeZone)}` : ''}. You have{' '}
          <strong>
            {status.data.recoveryCodesLeft} recovery {status.data.recoveryCodesLeft === 1 ? 'code' : 'codes'}
          </strong>{' '}
          left.
        </p>
        <CodeForm
          idPrefix="renew-codes"
          title="Get new recovery codes"
          hint="Your old codes stop working. Enter the code your app shows now."
          submit="Get new codes"
          pending={renew.isPending}
          error={renew.error}
          onSubmit={({ code }) => renew.mutate(code)}
        />
        {status.data.requiredForYou ? (
          <p>Your coalition requires two-factor sign-in for admins, so you can't turn it off.</p>
        ) : (
          <CodeForm
            idPrefix="turn-off"
            title="Turn off two-factor sign-in"
            hint="Enter your password and the code your app shows now (or a recovery code)."
            submit="Turn off"
            withPassword
            pending={turnOff.isPending}
            error={turnOff.error}
            onSubmit={({ code, password }) => turnOff.mutate({ code, password })}
          />
        )}
      </>
    );

  return (
    <section className="account-section" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">Two-factor sign-in</h2>
      {body}
    </section>
  );
}

/** A small form asking for a code from the app (and the password when `withPassword`). */
function CodeForm({
  idPrefix,
  title,
  hint,
  submit,
  withPassword = false,
  pending,
  error,
  onSubmit,
}: {
  idPrefix: string;
  title: string;
  hint: string;
  submit: string;
  withPassword?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (values: { code: string; password: string }) => void;
}) {
  const errorId = `${idPrefix}-error`;
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const field = fieldsOf(event);
    onSubmit({ code: field('code').trim(), password: field('password') });
  }
  return (
    <form className="form" onSubmit={handleSubmit} aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>{title}</h3>
      <p id={`${idPrefix}-hint`}>{hint}</p>
      <div role="alert" id={errorId} className="form-error">
        {error ? errorMessage(error) : null}
      </div>
      {withPassword ? (
        <div className="field">
          <label htmlFor={`${idPrefix}-password`}>Password</label>
          <input
            id={`${idPrefix}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${idPrefix}-code`}>
          {withPassword ? 'Code from your app, or a recovery code' : 'Code from your app'}
        </label>
        <input
          id={`${idPrefix}-code`}
          name="code"
          autoComplete="one-time-code"
          inputMode={withPassword ? 'text' : 'numeric'}
          spellCheck={false}
          required
          aria-describedby={error ? `${idPrefix}-hint ${errorId}` : `${idPrefix}-hint`}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <button type="submit" className="button button--secondary" aria-disabled={pending}>
        {pending ? 'Working…' : submit}
      </button>
    </form>
  );
}

/** Where the person is signed in, with a way to end each session and all the others. */
export function Sessions({ me }: { me: Me }) {
  const sessions = useQuery(sessionsQuery());
  const endSession = useEndSession();
  const endOthers = useEndOtherSessions();
  const captionId = 'sessions-caption';
  const others = sessions.data?.sessions.filter((session) => !session.current).length ?? 0;

  return (
    <section className="account-section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are signed in</h2>
      {sessions.isPending ? (
        <Loading label="Loading your sessions…" />
      ) : sessions.isError ? (
        <LoadError error={sessions.error} what="your sessions" onRetry={() => sessions.refetch()} />
      ) : (
        <>
          <div role="alert" className="form-error">
            {endSession.isError
              ? errorMessage(endSession.error)
              : endOthers.isError
                ? errorMessage(endOthers.error)
                : null}
          </div>
          <TableScroll captionId={captionId}>
            <table>
              <caption id={captionId}>Your sessions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Browser</th>
                  <th scope="col">Started</th>
                  <th scope="col">Last used</th>
                  <th scope="col">From address</th>
                  <th scope="col">Second step</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.sessions.map((session) => (
                  <tr key={session.id}>
                    <th scope="row">
                      {session.browser}
                      {session.current ? <strong> (this one)</strong> : null}
                    </th>
                    <td>{formatDateTime(session.startedAt, me.timeZone)}</td>
                    <td>{formatDateTime(session.lastActiveAt, me.timeZone)}</td>
                    <td>{session.address ?? 'Not known'}</td>
                    <td>{session.twoFactor ? 'Code from app' : 'Password only'}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-disabled={endSession.isPending}
                        onClick={() => {
                          if (!endSession.isPending) endSession.mutate(session.id);
                        }}
                      >
                        Sign out
                        <span className="visually-hidden">
                          {session.current
                            ? ' here'
                            : ` ${session.browser}, started ${formatDateTime(session.startedAt, me.timeZone)}`}
                        </span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {others > 0 ? (
            <button
              type="button"
              className="button"
              aria-disabled={endOthers.isPending}
              onClick={() => {
                if (!endOthers.isPending) endOthers.mutate();
              }}
            >
              {endOthers.isPending ? 'Signing out…' : 'Sign out everywhere else'}
            </button>
          ) : (
            <p>You are signed in only here.</p>
          )}
        </>
      )}
    </section>
  );
}
