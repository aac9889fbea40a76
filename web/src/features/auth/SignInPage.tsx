import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorMessage, Loading } from '../../components/QueryStatus';
import { usePageTitle } from '../../components/usePageTitle';
import { coalitionQuery } from '../coalition/queries';
import { type SignedOutState, useSignIn } from './mutations';
import { meQuery } from './queries';
import { CodeStep, EnrollStep } from './SecondStep';

const errorId = 'sign-in-error';

/** Navigation state from a page that just made or reset an account: its email, filled in. */
export type SignInPrefill = { email: string };

/** Where people sign in. Already signed in, or once signed in, they go to the home page. */
export function SignInPage() {
  const me = useQuery(meQuery());
  const coalitionName = useQuery(coalitionQuery()).data?.name;
  const signIn = useSignIn();
  const location = useLocation();
  usePageTitle('Sign in');
  const state = location.state as Partial<SignedOutState & SignInPrefill> | null;
  const signedOut = state?.signedOut === true;

  // A successful sign-in stores the person under `me`, which lands here and moves them on.
  if (me.data) return <Navigate to="/" replace />;
  if (me.isPending) return <Loading label="Checking whether you're already signed in…" />;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    const form = new FormData(event.currentTarget);
    signIn.mutate({
      email: String(form.get('email') ?? '').trim(),
      password: String(form.get('password') ?? ''),
      signOutOthers: form.get('signOutOthers') === 'on',
    });
  }

  const failed = signIn.isError;
  // The password was right and a second step is still to come: it takes the form's place.
  const secondStep = signIn.data && 'twoFactor' in signIn.data ? signIn.data.twoFactor : undefined;
  if (secondStep)
    return (
      <div className="sign-in">
        <h1>Sign in to Scope</h1>
        {secondStep === 'code' ? (
          <CodeStep onStartOver={() => signIn.reset()} />
        ) : (
          <EnrollStep onStartOver={() => signIn.reset()} />
        )}
      </div>
    );

  return (
    <div className="sign-in">
      <h1>Sign in to Scope</h1>
      <div className="sign-in__intro">
        <p>
          Scope is where member agencies of {coalitionName ?? 'the coalition'} share their service numbers
          each quarter, and where the coalition reviews and publishes them.
        </p>
        <p>
          Agencies enter <strong>aggregate, de-identified counts only</strong>: how many people they served,
          never who. No survivor's name or identifying detail is ever entered here.
        </p>
      </div>

      {signedOut && !failed ? (
        <p className="notice notice--info" role="status">
          You have signed out.
        </p>
      ) : null}

      <form className="form" onSubmit={handleSubmit}>
        <div role="alert" id={errorId} className="form-error">
          {failed ? errorMessage(signIn.error) : null}
        </div>
        <div className="field">
          <label htmlFor="sign-in-email">Email</label>
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            defaultValue={state?.email}
            required
            aria-invalid={failed || undefined}
            aria-describedby={failed ? errorId : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={failed || undefined}
            aria-describedby={failed ? errorId : undefined}
          />
        </div>
        <div className="sign-in__option">
          <input
            id="sign-in-others"
            name="signOutOthers"
            type="checkbox"
            aria-describedby="sign-in-others-hint"
          />
          <label htmlFor="sign-in-others">Sign me out everywhere else</label>
          <p id="sign-in-others-hint" className="sign-in__option-hint">
            Ends your Scope sessions on every other computer and browser, for example one you forgot to sign
            out of.
          </p>
        </div>
        <button type="submit" className="button" aria-disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="sign-in__help">
        Trouble signing in? Your coalition admin can check your account and send you a link to choose a new
        password.
      </p>
    </div>
  );
}
