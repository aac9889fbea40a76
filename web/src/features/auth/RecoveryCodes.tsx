/**
 * Recovery codes as they are shown the one time Scope has them in the clear: a list to print, write
 * down or copy, with what they are for.
 */
export function RecoveryCodes({
  codes,
  headingId,
  headingLevel = 2,
}: {
  codes: string[];
  headingId: string;
  /** 3 where the codes sit inside a section of their own. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="recovery-codes" aria-labelledby={headingId}>
      <Heading id={headingId}>Your recovery codes</Heading>
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
