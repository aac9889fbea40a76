/**
 * Recovery codes as they are shown the one time Scope has them in the clear: a list to print, write
 * down or copy, with what they are for.
 */
export function RecoveryCodes({ codes, headingId }: { codes: string[]; headingId: string }) {
  return (
    <section className="recovery-codes" aria-labelledby={headingId}>
      <h2 id={headingId}>Your recovery codes</h2>
      <p>
        If you lose your phone, each of these codes signs you in once instead of a code from your app. Keep
        them somewhere safe, away from your phone: printed, or in a password manager. Scope shows them only
        now.
      </p>
      <ul className="recovery-codes__list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
