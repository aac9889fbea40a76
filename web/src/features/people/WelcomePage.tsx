import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage, Loading } from '../../components/QueryStatus';
import { usePageTitle } from '../../components/usePageTitle';
import type { SignInPrefill } from '../auth/SignInPage';
import { useAcceptInvitation } from './mutations';
import { NewPasswordFields, newPasswordProblem } from './NewPassword';
import { roleInSentence } from './people';
import { invitationQuery } from './queries';

const errorId = 'welcome-error';

/**
 * `/welcome/:token`, for someone invited, not yet signed in: who the invitation is for, then their
 * name and a password, then a link to sign in with their email already filled in.
 */
export function WelcomePage() {
  usePageTitle('Accept your invitation');
  const { token = '' } = useParams();
  const invitation = useQuery(invitationQuery(token));
  const accept = useAcceptInvitation(token);
  const [problem, setProblem] = useState<string | null>(null);

  if (accept.isSuccess) return <AccountReady email={accept.data.email} />;
  if (invitation.isPending) return <Loading label="Opening your invitation…" />;
  if (invitation.isError)
    return (
      <div className="sign-in">
        <h1>This invitation doesn’t work</h1>
        <p className="notice notice--error">{errorMessage(invitation.error)}</p>
      </div>
    );

  const { email, role, agency, coalitionName } = invitation.data;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (accept.isPending) return;
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const found = name
      ? newPasswordProblem(password, String(form.get('passwordAgain') ?? ''))
      : 'Enter your name.';
    setProblem(found);
    if (!found) accept.mutate({ name, password });
  }

  const message = problem ?? (accept.isError ? errorMessage(accept.error) : null);
  return (
    <div className="sign-in">
      <h1>Welcome to Scope</h1>
      <p className="lede">
        You are invited to join {coalitionName ?? 'your coalition'} as{' '}
        <strong>{roleInSentence(role, agency?.name ?? null)}</strong>, signing in as <strong>{email}</strong>.
      </p>
      <p>Choose your name as others in the coalition will see it, and a password.</p>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <div role="alert" id={errorId} className="form-error">
          {message}
        </div>
        <div className="field">
          <label htmlFor="welcome-name">Your name</label>
          <input id="welcome-name" name="name" type="text" autoComplete="name" required maxLength={100} />
        </div>
        <NewPasswordFields describedBy={message ? errorId : undefined} />
        <button type="submit" className="button" aria-disabled={accept.isPending}>
          {accept.isPending ? 'Making your account…' : 'Make my account'}
        </button>
      </form>
    </div>
  );
}

/** Done: the way to sign in, with their email waiting in the form. */
export function AccountReady({ email, title = 'Your account is ready' }: { email: string; title?: string }) {
  return (
    <div className="sign-in">
      <h1>{title}</h1>
      <p>Sign in with {email} and the password you just chose.</p>
      <p>
        <Link className="button" to="/sign-in" state={{ email } satisfies SignInPrefill}>
          Sign in
        </Link>
      </p>
    </div>
  );
}
