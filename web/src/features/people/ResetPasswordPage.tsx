import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage, Loading } from '../../components/QueryStatus';
import { usePageTitle } from '../../components/usePageTitle';
import { useResetPassword } from './mutations';
import { NewPasswordFields, newPasswordProblem } from './NewPassword';
import { resetQuery } from './queries';
import { AccountReady } from './WelcomePage';

const errorId = 'reset-error';

/** `/reset-password/:token`: choosing a new password with the link an admin made. */
export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const { token = '' } = useParams();
  const reset = useQuery(resetQuery(token));
  const change = useResetPassword(token);
  const [problem, setProblem] = useState<string | null>(null);

  if (change.isSuccess) return <AccountReady email={change.data.email} title="Your password is changed" />;
  if (reset.isPending) return <Loading label="Opening your link…" />;
  if (reset.isError)
    return (
      <div className="sign-in">
        <h1>This link doesn’t work</h1>
        <p className="notice notice--error">{errorMessage(reset.error)}</p>
      </div>
    );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    const found = newPasswordProblem(password, String(form.get('passwordAgain') ?? ''));
    setProblem(found);
    if (!found) change.mutate(password);
  }

  const message = problem ?? (change.isError ? errorMessage(change.error) : null);
  return (
    <div className="sign-in">
      <h1>Choose a new password</h1>
      <p className="lede">
        For <strong>{reset.data.email}</strong>. Once it is changed, you are signed out everywhere you were
        signed in, and sign in again with the new one.
      </p>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <div role="alert" id={errorId} className="form-error">
          {message}
        </div>
        <NewPasswordFields describedBy={message ? errorId : undefined} />
        <button type="submit" className="button" aria-disabled={change.isPending}>
          {change.isPending ? 'Changing your password…' : 'Change my password'}
        </button>
      </form>
    </div>
  );
}
