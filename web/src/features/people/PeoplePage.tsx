import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Role } from '../../api/types';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { FilterSelect } from '../../components/FilterSelect';
import { errorMessage, LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../components/usePageTitle';
import { useSignedInUser } from '../auth/RequireSignIn';
import { useCoalitionTimeZone } from '../auth/useCoalitionToday';
import { useCopyText } from '../completeness/copy';
import {
  useChangeAccess,
  useInvite,
  useResendInvitation,
  useResetLink,
  useSetActive,
  useTurnOffTwoFactor,
  useWithdrawInvitation,
} from './mutations';
import {
  accessLabel,
  actionWords,
  filterPeople,
  openInvitations,
  readFilters,
  roleChoices,
  whenWords,
} from './people';
import { peopleQuery } from './queries';
import type { AgencyChoice, Delivery, Invitation, Person } from './types';
import './people.css';

const heading = 'People';

/** `/people` (admins): inviting people, the invitations still open, and everyone with an account. */
export function PeoplePage() {
  usePageTitle(heading);
  const query = useQuery(peopleQuery());
  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">
        Invite the people who use Scope, change what they can do, and help them back in when they are locked
        out.
      </p>
      {query.isPending ? (
        <Loading label="Loading the coalition’s people…" />
      ) : query.isError ? (
        <LoadError
          what="the coalition’s people"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <>
          <InviteSection agencies={query.data.agencies} />
          <InvitationsSection invitations={openInvitations(query.data.invitations)} />
          <PeopleSection people={query.data.people} agencies={query.data.agencies} />
        </>
      )}
    </>
  );
}

/** A one-time link, shown to copy, with whether Scope mailed it and why not. */
function LinkPanel({
  id,
  title,
  delivery,
  to,
  onDone,
}: {
  id: string;
  title: string;
  delivery: Delivery;
  /** Who it is for, as the mail line names them. */
  to: string;
  onDone: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const { copy, message } = useCopyText('The link');
  const timeZone = useCoalitionTimeZone();
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="panel panel--attention link-panel" aria-labelledby={id}>
      <h3 id={id} tabIndex={-1} ref={headingRef}>
        {title}
      </h3>
      <p>
        {delivery.mailed ? (
          <>
            <strong>Sent by mail</strong> to {to}.
          </>
        ) : (
          <>
            <strong>Not sent by mail.</strong> {delivery.mailError}
          </>
        )}{' '}
        It works once, until {whenWords(delivery.expiresAt, timeZone)}. Scope shows it only now.
      </p>
      <label htmlFor={`${id}-link`} className="link-panel__label">
        Link for {to}
      </label>
      <div className="link-panel__row">
        <input
          id={`${id}-link`}
          ref={field}
          className="link-panel__link"
          type="text"
          readOnly
          value={delivery.link}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy(delivery.link, field.current)}>
          Copy link
        </button>
      </div>
      <p role="status" className="link-panel__status">
        {message}
      </p>
      <button type="button" className="button button--secondary" onClick={onDone}>
        Done
      </button>
    </section>
  );
}

function AgencySelect({
  id,
  agencies,
  defaultValue,
}: {
  id: string;
  agencies: readonly AgencyChoice[];
  defaultValue?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Agency</label>
      <select id={id} name="agencyCode" defaultValue={defaultValue} required>
        <option value="">Choose the agency they report for</option>
        {agencies.map((agency) => (
          <option key={agency.code} value={agency.code}>
            {agency.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function RoleSelect({ id, role, onChange }: { id: string; role: Role; onChange: (role: Role) => void }) {
  const choice = roleChoices.find((c) => c.value === role);
  return (
    <div className="field">
      <label htmlFor={id}>Role</label>
      <p id={`${id}-hint`} className="field__hint">
        {choice?.hint}
      </p>
      <select
        id={id}
        name="role"
        value={role}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.currentTarget.value as Role)}
      >
        {roleChoices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function InviteSection({ agencies }: { agencies: readonly AgencyChoice[] }) {
  const invite = useInvite();
  const [role, setRole] = useState<Role>('reporter');
  const [made, setMade] = useState<(Delivery & { email: string }) | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (invite.isPending) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const agencyCode = String(form.get('agencyCode') ?? '') || undefined;
    const formElement = event.currentTarget;
    invite.mutate(
      { email, role, agencyCode: role === 'reporter' ? agencyCode : undefined },
      {
        onSuccess: (answer) => {
          formElement.reset();
          setMade({ ...answer, email: answer.invitation.email });
        },
      },
    );
  }

  return (
    <section className="section" aria-labelledby="invite-heading">
      <h2 id="invite-heading" tabIndex={-1}>
        Invite someone
      </h2>
      {made ? (
        <LinkPanel
          id="invitation-made"
          title={`Invitation for ${made.email} is ready`}
          delivery={made}
          to={made.email}
          onDone={() => {
            setMade(null);
            requestAnimationFrame(() => document.getElementById('invite-heading')?.focus());
          }}
        />
      ) : (
        <form className="form invite-form" onSubmit={handleSubmit} noValidate>
          <div role="alert" className="form-error">
            {invite.isError ? errorMessage(invite.error) : null}
          </div>
          <div className="field">
            <label htmlFor="invite-email">Email address</label>
            <p id="invite-email-hint" className="field__hint">
              Their work address. They get a link that works once, for 7 days.
            </p>
            <input
              id="invite-email"
              name="email"
              type="email"
              autoComplete="off"
              inputMode="email"
              spellCheck={false}
              required
              aria-describedby="invite-email-hint"
            />
          </div>
          <RoleSelect id="invite-role" role={role} onChange={setRole} />
          {role === 'reporter' ? <AgencySelect id="invite-agency" agencies={agencies} /> : null}
          <button type="submit" className="button" aria-disabled={invite.isPending}>
            {invite.isPending ? 'Inviting…' : 'Invite'}
          </button>
        </form>
      )}
    </section>
  );
}

function InvitationsSection({ invitations }: { invitations: readonly Invitation[] }) {
  const timeZone = useCoalitionTimeZone();
  const resend = useResendInvitation();
  const withdraw = useWithdrawInvitation();
  const [withdrawing, setWithdrawing] = useState<Invitation | null>(null);
  const [resent, setResent] = useState<(Delivery & { email: string }) | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <section className="section" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading" tabIndex={-1}>
        Invitations waiting
      </h2>
      <p role="status" className="people-notice">
        {notice}
      </p>
      {resent ? (
        <LinkPanel
          id="invitation-resent"
          title={`New invitation for ${resent.email}`}
          delivery={resent}
          to={resent.email}
          onDone={() => {
            setResent(null);
            requestAnimationFrame(() => document.getElementById('invitations-heading')?.focus());
          }}
        />
      ) : null}
      {resend.isError ? (
        <p className="notice notice--error" role="alert">
          {errorMessage(resend.error)}
        </p>
      ) : null}
      {withdrawing ? (
        <ConfirmPanel
          id="confirm-withdraw-heading"
          question={`Withdraw the invitation for ${withdrawing.email}?`}
          confirmLabel="Yes, withdraw it"
          pendingLabel="Withdrawing…"
          danger
          pending={withdraw.isPending}
          error={withdraw.isError ? errorMessage(withdraw.error) : null}
          onConfirm={() =>
            withdraw.mutate(withdrawing.id, {
              onSuccess: () => {
                setNotice(`The invitation for ${withdrawing.email} is withdrawn: its link no longer works.`);
                setWithdrawing(null);
              },
            })
          }
          onCancel={() => {
            setWithdrawing(null);
            withdraw.reset();
          }}
        >
          <p>Its link stops working straight away. You can invite them again later.</p>
        </ConfirmPanel>
      ) : null}
      {invitations.length === 0 ? (
        <p>No invitations are waiting to be accepted.</p>
      ) : (
        <TableScroll captionId="invitations-caption">
          <table className="people-table">
            <caption id="invitations-caption">Invitations not yet accepted, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Invited by</th>
                <th scope="col">Link works until</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.email}</th>
                  <td>{accessLabel(invitation)}</td>
                  <td>{invitation.invitedBy ?? 'Scope'}</td>
                  <td>
                    {invitation.state === 'expired' ? 'Expired ' : ''}
                    {whenWords(invitation.expiresAt, timeZone)}
                  </td>
                  <td className="people-actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-disabled={resend.isPending}
                      onClick={() => {
                        if (resend.isPending) return;
                        setNotice('');
                        resend.mutate(invitation.id, {
                          onSuccess: (answer) => setResent({ ...answer, email: invitation.email }),
                        });
                      }}
                    >
                      Send again<span className="visually-hidden"> to {invitation.email}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => {
                        withdraw.reset();
                        setNotice('');
                        setWithdrawing(invitation);
                      }}
                    >
                      Withdraw<span className="visually-hidden"> the invitation for {invitation.email}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function PeopleSection({
  people,
  agencies,
}: {
  people: readonly Person[];
  agencies: readonly AgencyChoice[];
}) {
  const timeZone = useCoalitionTimeZone();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const shown = filterPeople(people, filters);
  const [managingId, setManagingId] = useState<number | null>(null);
  const managing = people.find((person) => person.id === managingId) ?? null;

  function handleFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['agency', 'role']) {
      const value = String(form.get(name) ?? '');
      if (value) next.set(name, value);
    }
    setParams(next);
  }

  return (
    <section className="section" aria-labelledby="people-heading">
      <h2 id="people-heading">Everyone with an account</h2>
      <form className="filter-bar" onSubmit={handleFilter} aria-label="Filter people">
        <FilterSelect
          id="people-agency"
          label="Agency"
          name="agency"
          defaultValue={filters.agency ?? ''}
          options={[
            { value: '', label: 'All agencies' },
            ...agencies.map((agency) => ({ value: agency.code, label: agency.name })),
          ]}
        />
        <FilterSelect
          id="people-role"
          label="Role"
          name="role"
          defaultValue={filters.role ?? ''}
          options={[
            { value: '', label: 'All roles' },
            ...roleChoices.map((c) => ({ value: c.value, label: c.label })),
          ]}
        />
        <div className="filter-bar__actions">
          <button type="submit" className="button">
            Show
          </button>
        </div>
      </form>
      {managing ? (
        <PersonPanel
          key={managing.id}
          person={managing}
          agencies={agencies}
          onClose={() => {
            setManagingId(null);
            requestAnimationFrame(() => document.getElementById(`manage-${managing.id}`)?.focus());
          }}
        />
      ) : null}
      {shown.length === 0 ? (
        <p>Nobody matches these filters.</p>
      ) : (
        <TableScroll captionId="people-caption">
          <table className="people-table">
            <caption id="people-caption">
              {shown.length === people.length
                ? `${people.length === 1 ? 'The 1 person' : `All ${people.length} people`}, active first`
                : `${shown.length} of ${people.length} ${people.length === 1 ? 'person' : 'people'}, active first`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last signed in</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((person) => (
                <tr key={person.id} className={person.active ? undefined : 'people-row--inactive'}>
                  <th scope="row">
                    {person.name}
                    <span className="people-email">{person.email}</span>
                  </th>
                  <td>{accessLabel(person)}</td>
                  <td>
                    {person.active ? 'Active' : 'Deactivated'}
                    <span className="people-email">
                      {person.twoFactor ? 'Two-factor on' : 'Password only'}
                    </span>
                  </td>
                  <td>{whenWords(person.lastSignInAt, timeZone)}</td>
                  <td>
                    <button
                      type="button"
                      id={`manage-${person.id}`}
                      className="button button--secondary button--small"
                      onClick={() => setManagingId(person.id)}
                    >
                      Manage<span className="visually-hidden"> {person.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

type Action = 'access' | 'deactivate' | 'reactivate' | 'reset' | 'twoFactor';

/** Everything an admin can do for one person, each step confirmed in words saying what happens. */
function PersonPanel({
  person,
  agencies,
  onClose,
}: {
  person: Person;
  agencies: readonly AgencyChoice[];
  onClose: () => void;
}) {
  const me = useSignedInUser();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [role, setRole] = useState<Role>(person.role);
  const [agencyCode, setAgencyCode] = useState(person.agency?.code ?? '');
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [notice, setNotice] = useState('');
  const [resetLink, setResetLink] = useState<Delivery | null>(null);
  const changeAccess = useChangeAccess();
  const setActive = useSetActive();
  const makeResetLink = useResetLink();
  const turnOffTwoFactor = useTurnOffTwoFactor();
  const own = person.id === me.id;
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const done = (message: string) => {
    setConfirming(null);
    setNotice(message);
  };
  const confirmations: Record<
    Action,
    { question: string; label: string; pending: string; danger: boolean; words: string; run: () => void }
  > = {
    access: {
      question: `Change ${person.name}’s access?`,
      label: 'Yes, change it',
      pending: 'Changing…',
      danger: false,
      words: actionWords.changeAccess(person.name),
      run: () =>
        changeAccess.mutate(
          { userId: person.id, access: { role, agencyCode: role === 'reporter' ? agencyCode : undefined } },
          { onSuccess: (answer) => done(answer.message) },
        ),
    },
    deactivate: {
      question: `Deactivate ${person.name}?`,
      label: 'Yes, deactivate',
      pending: 'Deactivating…',
      danger: true,
      words: actionWords.deactivate(person.name),
      run: () =>
        setActive.mutate(
          { userId: person.id, active: false },
          { onSuccess: (answer) => done(answer.message) },
        ),
    },
    reactivate: {
      question: `Reactivate ${person.name}?`,
      label: 'Yes, reactivate',
      pending: 'Reactivating…',
      danger: false,
      words: actionWords.reactivate(person.name),
      run: () =>
        setActive.mutate(
          { userId: person.id, active: true },
          { onSuccess: (answer) => done(answer.message) },
        ),
    },
    reset: {
      question: `Make a password reset link for ${person.name}?`,
      label: 'Yes, make the link',
      pending: 'Making the link…',
      danger: false,
      words: actionWords.resetLink(person.name),
      run: () =>
        makeResetLink.mutate(person.id, {
          onSuccess: (answer) => {
            setConfirming(null);
            setResetLink(answer);
          },
        }),
    },
    twoFactor: {
      question: `Turn off ${person.name}’s two-factor sign-in?`,
      label: 'Yes, turn it off',
      pending: 'Turning it off…',
      danger: true,
      words: actionWords.turnOffTwoFactor(person.name),
      run: () => turnOffTwoFactor.mutate(person.id, { onSuccess: (answer) => done(answer.message) }),
    },
  };
  const mutations = {
    access: changeAccess,
    deactivate: setActive,
    reactivate: setActive,
    reset: makeResetLink,
    twoFactor: turnOffTwoFactor,
  };
  const ask = (action: Action) => {
    mutations[action].reset();
    setNotice('');
    setResetLink(null);
    setConfirming(action);
  };
  const asked = confirming ? confirmations[confirming] : null;
  const askedMutation = confirming ? mutations[confirming] : null;

  function handleAccess(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    ask('access');
  }

  return (
    <section className="panel person-panel" aria-labelledby="person-panel-heading">
      <h3 id="person-panel-heading" tabIndex={-1} ref={headingRef}>
        {person.name}
      </h3>
      <p>
        {person.email} · {accessLabel(person)} · {person.active ? 'Active' : 'Deactivated'}
      </p>
      <p role="status" className="people-notice">
        {notice}
      </p>
      {asked && askedMutation ? (
        <ConfirmPanel
          id="confirm-person-heading"
          question={asked.question}
          confirmLabel={asked.label}
          pendingLabel={asked.pending}
          danger={asked.danger}
          pending={askedMutation.isPending}
          error={askedMutation.isError ? errorMessage(askedMutation.error) : null}
          onConfirm={asked.run}
          onCancel={() => setConfirming(null)}
        >
          <p>{asked.words}</p>
        </ConfirmPanel>
      ) : null}
      {resetLink ? (
        <LinkPanel
          id="reset-link-made"
          title={`Password reset link for ${person.name}`}
          delivery={resetLink}
          to={person.email}
          onDone={() => setResetLink(null)}
        />
      ) : null}

      {own ? (
        <p className="notice notice--info">
          This is you. You can’t change your own role or deactivate yourself here, so nobody locks themselves
          out by mistake: ask another admin. Your password and two-factor sign-in are on your Account page.
        </p>
      ) : (
        <>
          {person.active ? (
            <form
              className="form person-access"
              onSubmit={handleAccess}
              aria-labelledby="person-access-heading"
            >
              <h4 id="person-access-heading">Role and agency</h4>
              <RoleSelect id="person-role" role={role} onChange={setRole} />
              {role === 'reporter' ? (
                <div className="field">
                  <label htmlFor="person-agency">Agency</label>
                  <select
                    id="person-agency"
                    name="agencyCode"
                    value={agencyCode}
                    onChange={(event) => setAgencyCode(event.currentTarget.value)}
                  >
                    <option value="">Choose the agency they report for</option>
                    {agencies.map((agency) => (
                      <option key={agency.code} value={agency.code}>
                        {agency.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <button type="submit" className="button button--secondary">
                Change access
              </button>
            </form>
          ) : null}
          <h4>Signing in</h4>
          <div className="person-panel__actions">
            {person.active ? (
              <>
                <button type="button" className="button button--secondary" onClick={() => ask('reset')}>
                  Make a password reset link
                </button>
                {person.twoFactor ? (
                  <button type="button" className="button button--secondary" onClick={() => ask('twoFactor')}>
                    Turn off two-factor sign-in
                  </button>
                ) : null}
                <button type="button" className="button button--secondary" onClick={() => ask('deactivate')}>
                  Deactivate
                </button>
              </>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => ask('reactivate')}>
                Reactivate
              </button>
            )}
          </div>
        </>
      )}
      <button type="button" className="button button--secondary person-panel__close" onClick={onClose}>
        Close<span className="visually-hidden"> {person.name}</span>
      </button>
    </section>
  );
}
