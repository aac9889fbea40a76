import { errorMessage } from '../../components/QueryStatus';
import { useSaveSettings } from './mutations';

/**
 * The Grant reports section: the coalition's switch for confidential reports. The switch saves as it
 * is turned, saying so beside it, like the page's other sections' Save buttons.
 */
export function ConfidentialSetting({ on }: { on: boolean }) {
  const save = useSaveSettings();
  return (
    <section className="section report-setting" aria-labelledby="setting-heading">
      <h2 id="setting-heading">Grant reports</h2>
      <ConfidentialSettingView
        on={
          save.isPending && save.variables.confidentialReports !== undefined
            ? save.variables.confidentialReports
            : on
        }
        saving={save.isPending}
        error={save.isError ? errorMessage(save.error) : null}
        saved={save.isSuccess}
        onChange={(next) => {
          if (!save.isPending) save.mutate({ confidentialReports: next });
        }}
      />
    </section>
  );
}

/** The switch and what it means; exported for tests. */
export function ConfidentialSettingView({
  on,
  saving,
  error,
  saved,
  onChange,
}: {
  on: boolean;
  saving: boolean;
  error: string | null;
  saved: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <>
      <p id="setting-about" className="report-setting__about">
        A confidential report shows exact counts, including ones so small they could identify a survivor. Only
        coalition admins can make one, each needs a purpose, and each is recorded in the audit log. Switch
        this off if the coalition sends no funder exact counts.
      </p>
      <div className="report-switch">
        <input
          type="checkbox"
          role="switch"
          id="confidential-setting"
          checked={on}
          aria-checked={on}
          aria-describedby="setting-about"
          aria-disabled={saving}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor="confidential-setting">Admins may make confidential reports with exact counts</label>
      </div>
      <p role="status" className="muted">
        {saving
          ? 'Saving…'
          : saved
            ? on
              ? 'Saved: confidential reports are allowed.'
              : 'Saved: confidential reports are switched off.'
            : ''}
      </p>
      <div role="alert">
        {error ? <p className="form-error">The setting wasn’t changed. {error}</p> : null}
      </div>
    </>
  );
}
