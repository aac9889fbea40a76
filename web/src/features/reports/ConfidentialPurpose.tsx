/**
 * The warning and the required purpose line a confidential report needs, where it is made (the builder)
 * and where it is made again (the history), so both say the same thing.
 */
export function ConfidentialPurpose({
  id,
  label = 'Purpose (required)',
  recordedAction,
  value,
  missing,
  onChange,
}: {
  /** The input's id; its help and error take it as a prefix. */
  id: string;
  /** The field's name; one that says which report when several could be on the page. */
  label?: string;
  /** What the audit log records, as the sentence starts: "Making or previewing it", "Regenerating it". */
  recordedAction: string;
  value: string;
  /** Someone tried to go on without a purpose: the field says so while it is still empty. */
  missing: boolean;
  onChange: (purpose: string) => void;
}) {
  const showError = missing && value.trim() === '';
  return (
    <div className="report-confidential">
      <p>
        <strong>A confidential report contains counts below the coalition’s publication threshold.</strong>{' '}
        Send it only to the funder named in your purpose. {recordedAction} is recorded in the audit log with
        your name, the report and your purpose.
      </p>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-help`} className="field-help">
          Who receives it and why, for example “Semiannual report to the federal grant officer, award
          2024-VT-1234”.
        </p>
        <input
          id={id}
          type="text"
          maxLength={300}
          required
          value={value}
          aria-invalid={showError ? true : undefined}
          aria-describedby={`${id}-help${showError ? ` ${id}-error` : ''}`}
          onChange={(event) => onChange(event.target.value)}
        />
        {showError ? (
          <p id={`${id}-error`} className="field-error">
            Say who the confidential report is for and why.
          </p>
        ) : null}
      </div>
    </div>
  );
}
