import './twoFactor.css';
import type { FormEvent } from 'react';
import { errorMessage } from '../../components/QueryStatus';

/** A new secret for an authenticator app, as setting up two-factor answers. */
export type TwoFactorSetup = { secret: string; otpauthUri: string; qrCodeSvg: string };

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * Adding Scope to an authenticator app: the QR code to scan, the secret as text for those who can't
 * scan it, and the code the app then shows, to confirm. Used at sign-in and on the account page.
 */
export function TwoFactorSetupFields({
  setup,
  idPrefix,
  pending,
  error,
  onConfirm,
}: {
  setup: TwoFactorSetup;
  idPrefix: string;
  pending: boolean;
  error: unknown;
  onConfirm: (code: string) => void;
}) {
  const errorId = `${idPrefix}-error`;
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    onConfirm(String(new FormData(event.currentTarget).get('code') ?? '').trim());
  }
  return (
    <div className="two-factor-setup">
      <ol className="two-factor-setup__steps">
        <li>
          Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator
          or 1Password) and add an account.
        </li>
        <li>
          Scan this QR code with it.
          <img
            className="two-factor-setup__qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrCodeSvg)}`}
            alt="QR code holding your two-factor secret for Scope"
            width={180}
            height={180}
          />
          If you can't scan it, type this key into the app instead:{' '}
          <code className="two-factor-setup__secret">{groupedSecret(setup.secret)}</code>
        </li>
        <li>Enter the 6-digit code the app now shows for Scope.</li>
      </ol>
      <form className="form" onSubmit={handleSubmit}>
        <div role="alert" id={errorId} className="form-error">
          {error ? errorMessage(error) : null}
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-code`}>Code from your app</label>
          <input
            id={`${idPrefix}-code`}
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9 ]*"
            maxLength={7}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
        </div>
        <button type="submit" className="button" aria-disabled={pending}>
          {pending ? 'Checking…' : 'Turn on two-factor sign-in'}
        </button>
      </form>
    </div>
  );
}
