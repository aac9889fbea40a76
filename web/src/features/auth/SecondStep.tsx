import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../components/QueryStatus';
import {
  useConfirmSignInEnrollment,
  useContinueSignedIn,
  useSecondStep,
  useStartSignInEnrollment,
} from './mutations';
import { RecoveryCodes } from './RecoveryCodes';
import { TwoFactorSetupFields } from './TwoFactorSetupFields';
import './twoFactor.css';

/** The sign-in has ended (too slow, or too many wrong codes): only starting over helps. */
const isExpired = (error: unknown) => isApiError(error) && error.code === 'sign-in-expired';

function StartOver({ onStartOver }: { onStartOver: () => void }) {
  return (
    <button type="button" className="button button--secondary" onClick={onStartOver}>
      Start again with your password
    </button>
  );
}

/**
 * The second step of a sign-in for a person with two-factor on: the code their authenticator app
 * shows, or one of their recovery codes when they don't have their phone.
 */
export function CodeStep({
  onStartOver,
  recovery: initialRecovery = false,
}: {
  onStartOver: () => void;
  recovery?: boolean;
}) {
  const secondStep = useSecondStep();
  const [recovery, setRecovery] = useState(initialRecovery);
  const errorId = 'second-step-error';
  const failed = secondStep.isError;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (secondStep.isPending) return;
    const value = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    secondStep.mutate(recovery ? { recoveryCode: value } : { code: value });
  }

  return (
    <section aria-labelledby="second-step-heading">
      <h2 id="second-step-heading">{recovery ? 'Enter a recovery code' : 'Enter the code from your app'}</h2>
      <p>
        {recovery
          ? 'Type one of the recovery codes you saved when you set up two-factor sign-in. Each works once.'
          : 'Open your authenticator app and type the 6-digit code it shows for Scope. The code changes every 30 seconds.'}
      </p>
      <form className="form" onSubmit={handleSubmit}>
        <div role="alert" id={errorId} className="form-error">
          {failed ? errorMessage(secondStep.error) : null}
        </div>
        {failed && isExpired(secondStep.error) ? (
          <StartOver onStartOver={onStartOver} />
        ) : (
          <>
            {recovery ? (
              <div className="field" key="recovery">
                <label htmlFor="second-step-code">Recovery code</label>
                <input
                  id="second-step-code"
                  name="code"
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  required
                  aria-invalid={failed || undefined}
                  aria-describedby={failed ? errorId : undefined}
                />
              </div>
            ) : (
              <div className="field" key="code">
                <label htmlFor="second-step-code">6-digit code</label>
                <input
                  id="second-step-code"
                  name="code"
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  pattern="[0-9 ]*"
                  maxLength={7}
                  required
                  aria-invalid={failed || undefined}
                  aria-describedby={failed ? errorId : undefined}
                />
              </div>
            )}
            <button type="submit" className="button" aria-disabled={secondStep.isPending}>
              {secondStep.isPending ? 'Checking…' : 'Sign in'}
            </button>
          </>
        )}
      </form>
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            secondStep.reset();
            setRecovery(!recovery);
          }}
        >
          {recovery ? 'Use a code from your app instead' : 'Use a recovery code instead'}
        </button>
      </p>
    </section>
  );
}

/**
 * The second step for an admin whose coalition requires two-factor sign-in and who has not set it
 * up: they add Scope to an authenticator app, confirm with a code, and see their recovery codes
 * before they go on.
 */
export function EnrollStep({ onStartOver }: { onStartOver: () => void }) {
  const start = useStartSignInEnrollment();
  const confirm = useConfirmSignInEnrollment();
  const continueSignedIn = useContinueSignedIn();
  const expired = isExpired(start.error) || isExpired(confirm.error);

  if (confirm.data) {
    const signedIn = confirm.data;
    return (
      <section aria-labelledby="enroll-heading">
        <h2 id="enroll-heading">Two-factor sign-in is on</h2>
        <RecoveryCodes codes={signedIn.recoveryCodes} headingId="enroll-codes-heading" />
        <button type="button" className="button" onClick={() => continueSignedIn({ user: signedIn.user })}>
          I have saved these, continue
        </button>
      </section>
    );
  }

  return (
    <section aria-labelledby="enroll-heading">
      <h2 id="enroll-heading">Set up two-factor sign-in</h2>
      <p>
        Your coalition asks admins to sign in with a second step: a code from an app on your phone, as well as
        your password. It takes about two minutes, once.
      </p>
      {expired ? (
        <div className="notice notice--error" role="alert">
          <p>{errorMessage(start.error ?? confirm.error)}</p>
          <StartOver onStartOver={onStartOver} />
        </div>
      ) : start.data ? (
        <TwoFactorSetupFields
          setup={start.data}
          idPrefix="enroll"
          pending={confirm.isPending}
          error={confirm.error}
          onConfirm={(code) => confirm.mutate(code)}
        />
      ) : (
        <>
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
      )}
    </section>
  );
}
