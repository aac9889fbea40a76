import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { proposeAgencyCode } from '../../../../api/domain/agencyMembership';
import { type AgencyType, agencyTypeLabels, agencyTypes } from '../../../../api/domain/agencyTypes';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { errorMessage, LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../components/usePageTitle';
import { choose, listWords } from '../../lib/text';
import { useChangeAgency, useCreateAgency, useDeleteAgency, useSetAgencyActive } from './mutations';
import { agencyDirectoryQuery } from './queries';
import type { AgencyDirectory, AgencyFields, AgencyRow } from './types';
import './agencies.css';

const heading = 'Agencies';

/** What the page is doing besides listing: adding, editing one, or confirming a change to one. */
type Panel =
  | { kind: 'add' }
  | { kind: 'edit'; code: string }
  | { kind: 'deactivate'; code: string }
  | { kind: 'delete'; code: string }
  | null;

/** `/agencies`: the coalition's member agencies, for admins to add, change and deactivate. */
export function AgenciesPage() {
  usePageTitle(heading);
  const directory = useQuery(agencyDirectoryQuery());
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);

  if (directory.isPending) return <Loading label="Loading the agencies…" />;
  if (directory.isError)
    return (
      <>
        <h1>{heading}</h1>
        <LoadError
          what="the agencies"
          error={directory.error}
          onRetry={() => void directory.refetch()}
          retrying={directory.isFetching}
        />
      </>
    );
  const data = directory.data;
  const chosen = panel && panel.kind !== 'add' ? data.agencies.find((a) => a.code === panel.code) : undefined;
  const finish = (message: string) => {
    setPanel(null);
    setDone(message);
  };

  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">
        The member agencies that report to the coalition. An agency is expected to report from its first
        quarter on, and stops being expected once it is deactivated.
      </p>
      <p role="status" className="agencies__status">
        {done}
      </p>
      {panel?.kind === 'add' ? (
        <AgencyForm
          directory={data}
          agency={undefined}
          onDone={(agency) => finish(`${agency.name} was added as ${agency.code}.`)}
          onCancel={() => setPanel(null)}
        />
      ) : (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDone(null);
              setPanel({ kind: 'add' });
            }}
          >
            Add an agency
          </button>
        </p>
      )}
      {panel?.kind === 'edit' && chosen ? (
        <AgencyForm
          directory={data}
          agency={chosen}
          onDone={(agency) => finish(`${agency.name} was saved.`)}
          onCancel={() => setPanel(null)}
        />
      ) : null}
      {panel?.kind === 'deactivate' && chosen ? (
        <ConfirmDeactivate agency={chosen} onDone={finish} onCancel={() => setPanel(null)} />
      ) : null}
      {panel?.kind === 'delete' && chosen ? (
        <ConfirmDelete agency={chosen} onDone={finish} onCancel={() => setPanel(null)} />
      ) : null}
      <AgencyTable
        directory={data}
        onChoose={(next) => {
          setDone(null);
          setPanel(next);
        }}
        onDone={setDone}
      />
    </>
  );
}

function AgencyTable({
  directory,
  onChoose,
  onDone,
}: {
  directory: AgencyDirectory;
  onChoose: (panel: Panel) => void;
  onDone: (message: string) => void;
}) {
  const countyNames = new Map(directory.counties.map((c) => [c.code, c.name]));
  const countyName = (code: string) => countyNames.get(code) ?? code;
  if (directory.agencies.length === 0)
    return <p className="notice notice--info">No agencies yet. Add the first one above.</p>;
  return (
    <TableScroll captionId="agencies-caption">
      <table className="agencies-table">
        <caption id="agencies-caption">
          {directory.agencies.length} {choose(directory.agencies.length, 'agency', 'agencies')}
        </caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Type</th>
            <th scope="col">Home county</th>
            <th scope="col">Counties served</th>
            <th scope="col">First quarter</th>
            <th scope="col">Reporters</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {directory.agencies.map((agency) => (
            <tr key={agency.code}>
              <th scope="row">
                {agency.name}
                <span className="agencies-table__code"> ({agency.code})</span>
              </th>
              <td>{agencyTypeLabels[agency.type]}</td>
              <td>{countyName(agency.homeCounty)}</td>
              <td>{listWords(agency.countiesServed.map(countyName))}</td>
              <td>{agency.firstPeriod ?? 'From the start'}</td>
              <td>
                <Link to={`/people?agency=${encodeURIComponent(agency.code)}`}>
                  {agency.reporters.length} {choose(agency.reporters.length, 'reporter', 'reporters')}
                  <span className="visually-hidden"> of {agency.name}</span>
                </Link>
                <br />
                <Link to={`/agencies/${encodeURIComponent(agency.code)}/tokens`}>
                  API tokens<span className="visually-hidden"> of {agency.name}</span>
                </Link>
              </td>
              <td>{agency.active ? 'Active' : 'Inactive: not expected to report'}</td>
              <td>
                <AgencyActions agency={agency} onChoose={onChoose} onDone={onDone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function AgencyActions({
  agency,
  onChoose,
  onDone,
}: {
  agency: AgencyRow;
  onChoose: (panel: Panel) => void;
  onDone: (message: string) => void;
}) {
  const reactivate = useSetAgencyActive(agency.code);
  const named = <span className="visually-hidden"> {agency.name}</span>;
  return (
    <div className="agencies-table__actions">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChoose({ kind: 'edit', code: agency.code })}
      >
        Edit{named}
      </button>
      {agency.active ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChoose({ kind: 'deactivate', code: agency.code })}
        >
          Deactivate{named}
        </button>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={reactivate.isPending}
          onClick={() =>
            reactivate.mutate(true, {
              onSuccess: () =>
                onDone(
                  `${agency.name} is active again. Its people stay deactivated: bring back each one who should have access on the people page.`,
                ),
              onError: (error) => onDone(errorMessage(error)),
            })
          }
        >
          Reactivate{named}
        </button>
      )}
      {agency.hasReported ? null : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChoose({ kind: 'delete', code: agency.code })}
        >
          Delete{named}
        </button>
      )}
    </div>
  );
}

/** Adds an agency (`agency` undefined) or edits one. */
export function AgencyForm({
  directory,
  agency,
  onDone,
  onCancel,
}: {
  directory: AgencyDirectory;
  agency: AgencyRow | undefined;
  onDone: (agency: AgencyRow) => void;
  onCancel: () => void;
}) {
  const create = useCreateAgency();
  const change = useChangeAgency(agency?.code ?? '');
  const save = agency ? change : create;
  const [name, setName] = useState(agency?.name ?? '');
  const [homeCounty, setHomeCounty] = useState(agency?.homeCounty ?? directory.counties[0]?.code ?? '');
  const [served, setServed] = useState<Set<string>>(new Set(agency?.countiesServed ?? []));
  const taken = new Set(directory.agencies.map((a) => a.code));
  const proposed = proposeAgencyCode(name, taken);
  const id = agency ? 'agency-edit' : 'agency-add';
  const title = agency ? `Edit ${agency.name}` : 'Add an agency';
  const codeFixed = agency?.hasReported ?? false;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = String(form.get('code') ?? '').trim();
    const fields: AgencyFields = {
      name: name.trim(),
      type: String(form.get('type')) as AgencyType,
      homeCounty,
      countiesServed: [...new Set([homeCounty, ...served])],
      firstPeriod: String(form.get('firstPeriod') ?? '') || null,
      ...(code && !codeFixed ? { code } : {}),
    };
    save.mutate(fields, { onSuccess: (answer) => onDone(answer.agency as AgencyRow) });
  }

  const error = save.isError ? errorMessage(save.error) : null;
  return (
    <section className="panel agencies-form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {directory.counties.length === 0 ? (
        <p className="notice notice--info">
          The coalition has no counties yet. Choose its counties on the settings page first.
        </p>
      ) : null}
      <form className="form" onSubmit={handleSubmit} noValidate>
        <div role="alert" className="form-error">
          {error}
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            name="name"
            type="text"
            autoComplete="organization"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-code`}>Short code</label>
          <p id={`${id}-code-hint`} className="field__hint">
            {codeFixed
              ? 'It has reported with this code, which is in its reports’ addresses and in releases, so it stays.'
              : agency
                ? 'Capital letters and digits, 2 to 16. It is used in addresses and releases.'
                : `Capital letters and digits, 2 to 16, used in addresses and releases.${proposed ? ` Leave it empty to use ${proposed}.` : ''}`}
          </p>
          <input
            id={`${id}-code`}
            name="code"
            type="text"
            autoComplete="off"
            defaultValue={agency?.code ?? ''}
            placeholder={agency ? undefined : proposed}
            readOnly={codeFixed}
            aria-describedby={`${id}-code-hint`}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>Type</label>
          <select id={`${id}-type`} name="type" defaultValue={agency?.type ?? agencyTypes[0]}>
            {agencyTypes.map((type) => (
              <option key={type} value={type}>
                {agencyTypeLabels[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-home`}>Home county</label>
          <select
            id={`${id}-home`}
            name="homeCounty"
            value={homeCounty}
            onChange={(event) => setHomeCounty(event.target.value)}
          >
            {directory.counties.map((county) => (
              <option key={county.code} value={county.code}>
                {county.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field agencies-form__counties">
          <legend>Counties served</legend>
          <p className="field__hint">Its home county is always one of them.</p>
          {directory.counties.map((county) => (
            <label key={county.code} className="agencies-form__county">
              <input
                type="checkbox"
                checked={county.code === homeCounty || served.has(county.code)}
                disabled={county.code === homeCounty}
                onChange={(event) => {
                  const next = new Set(served);
                  if (event.target.checked) next.add(county.code);
                  else next.delete(county.code);
                  setServed(next);
                }}
              />{' '}
              {county.name}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-first`}>First quarter it reports for</label>
          <p id={`${id}-first-hint`} className="field__hint">
            It is not expected to report for quarters before this one.
            {agency?.firstReport ? ` It first reported for ${agency.firstReport}, so it can't be later.` : ''}
          </p>
          <select
            id={`${id}-first`}
            name="firstPeriod"
            defaultValue={agency?.firstPeriod ?? ''}
            aria-describedby={`${id}-first-hint`}
          >
            <option value="">From the coalition’s first quarter</option>
            {directory.quarters.map((quarter) => (
              <option key={quarter} value={quarter}>
                {quarter}
              </option>
            ))}
          </select>
        </div>
        <div className="confirm-actions">
          <button type="submit" className="button" aria-disabled={save.isPending}>
            {save.isPending ? 'Saving…' : agency ? 'Save changes' : 'Add agency'}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

export function ConfirmDeactivate({
  agency,
  onDone,
  onCancel,
}: {
  agency: AgencyRow;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const deactivate = useSetAgencyActive(agency.code);
  const people = agency.reporters;
  return (
    <ConfirmPanel
      id="agency-deactivate-heading"
      question={`Deactivate ${agency.name}?`}
      confirmLabel="Deactivate"
      pendingLabel="Deactivating…"
      danger
      pending={deactivate.isPending}
      error={deactivate.isError ? errorMessage(deactivate.error) : null}
      onConfirm={() =>
        deactivate.mutate(false, {
          onSuccess: () =>
            onDone(
              `${agency.name} is deactivated${people.length > 0 ? `, and ${people.length} ${choose(people.length, 'person', 'people')} lost access` : ''}.`,
            ),
        })
      }
      onCancel={onCancel}
    >
      <p>
        It will no longer be expected to report. Its reports stay in releases already published, and you can
        reactivate it later.
      </p>
      {people.length > 0 ? (
        <>
          <p>
            {choose(people.length, 'This person loses', 'These people lose')} access now: they are signed out
            and the API tokens they made stop working. Reactivating the agency does not bring them back.
          </p>
          <ul>
            {people.map((person) => (
              <li key={person.email}>
                {person.name} ({person.email})
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Nobody loses access: it has no active reporters.</p>
      )}
    </ConfirmPanel>
  );
}

function ConfirmDelete({
  agency,
  onDone,
  onCancel,
}: {
  agency: AgencyRow;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const remove = useDeleteAgency(agency.code);
  return (
    <ConfirmPanel
      id="agency-delete-heading"
      question={`Delete ${agency.name}?`}
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      danger
      pending={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => remove.mutate(undefined, { onSuccess: () => onDone(`${agency.name} was deleted.`) })}
      onCancel={onCancel}
    >
      <p>
        Only an agency added by mistake can be deleted: one with no reports, people, tokens or reminders. Any
        other is deactivated instead, so its history stays.
      </p>
    </ConfirmPanel>
  );
}
