import { useState } from 'react';

/** The server's rule, stated where people choose a password; the server checks the rest. */
export const passwordMinLength = 12;

export const passwordPolicyWords = `Use at least ${passwordMinLength} characters. A few ordinary words together are easy to remember and hard to guess. Scope refuses passwords people choose most often, and ones containing your email address or name.`;

/** Why what was typed can't be sent yet, or null: the checks a person can fix before asking the server. */
export function newPasswordProblem(password: string, again: string): string | null {
  if (password.length < passwordMinLength) return `Use at least ${passwordMinLength} characters.`;
  if (password !== again) return 'The two passwords are different. Type the same one twice.';
  return null;
}

/** A new password typed twice, with the policy said before anyone types. */
export function NewPasswordFields({ describedBy }: { describedBy?: string }) {
  const [shown, setShown] = useState(false);
  const type = shown ? 'text' : 'password';
  const hint = describedBy ? `new-password-hint ${describedBy}` : 'new-password-hint';
  return (
    <>
      <div className="field">
        <label htmlFor="new-password">New password</label>
        <p id="new-password-hint" className="field__hint">
          {passwordPolicyWords}
        </p>
        <input
          id="new-password"
          name="password"
          type={type}
          autoComplete="new-password"
          required
          minLength={passwordMinLength}
          aria-describedby={hint}
        />
      </div>
      <div className="field">
        <label htmlFor="new-password-again">Type it again</label>
        <input
          id="new-password-again"
          name="passwordAgain"
          type={type}
          autoComplete="new-password"
          required
          aria-describedby={describedBy}
        />
      </div>
      <div className="sign-in__option">
        <input id="new-password-show" type="checkbox" checked={shown} onChange={() => setShown(!shown)} />
        <label htmlFor="new-password-show">Show the password</label>
      </div>
    </>
  );
}
