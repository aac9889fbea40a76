import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isRemovedTextNote } from '../../../../api/domain/freeText';
import type { Me } from '../../api/types';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { FilterSelect } from '../../components/FilterSelect';
import { errorMessage, LoadError, Loading } from '../../components/QueryStatus';
import { TableScroll } from '../../components/TableScroll';
import { usePageTitle } from '../../components/usePageTitle';
import { useSignedInUser } from '../auth/RequireSignIn';
import { useCoalitionTimeZone } from '../auth/useCoalitionToday';
import { useCopyText } from '../completeness/copy';
import { completenessMatrixQuery } from '../completeness/queries';
import { ConfirmRemove } from '../history/RemoveText';
import { agencySubmissionsQuery } from '../home/queries';
import { newestFirst, openQuarter } from '../submissions/status';
import { useCreateToken, useRevokeToken } from './mutations';
import { agencyTokensQuery, tokenKeys } from './queries';
import {
  apiExamples,
  createdBy,
  isExpired,
  lastUsed,
  sortTokens,
  type TokenLifetimeDays,
  tokenExpiry,
  tokenLifetimes,
  tokenNameProblem,
  tokenState,
} from './tokens';
import type { ApiToken } from './types';
import './tokens.css';

const heading = 'API access';

/**
 * `/agency/tokens` (a reporter's own agency; an admin picks an agency) and `/agencies/:agency/tokens`
 * (admins, or that agency's reporter): what a token is for, creating one, and the agency's tokens.
 */
export function TokensPage() {
  usePageTitle(heading);
  const me = useSignedInUser();
  const { agency } = useParams();
  const agencyCode = agency ?? (me.role === 'reporter' ? me.agency?.code : undefined);

  if (agencyCode && canManageTokens(me, agencyCode)) return <AgencyTokens agencyCode={agencyCode} />;
  if (!agency && me.role === 'admin') return <AdminAgencyPicker />;
  if (me.role === 'reporter' && !me.agency) {
    return (
      <>
        <h1>{heading}</h1>
        <p className="notice notice--info">
          Your account isn't linked to an agency yet, so there are no API tokens to manage. Your coalition
          admin can link it to your agency.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{heading}</h1>
      <p className="notice notice--info">
        This page is for an agency's reporters and for coalition admins. If you need to connect your agency's
        system to Scope, ask your coalition admin.
      </p>
    </>
  );
}

/** The same rule the server applies: an admin for any agency, a reporter for their own. */
function canManageTokens(me: Me, agencyCode: string): boolean {
  return me.role === 'admin' || (me.role === 'reporter' && me.agency?.code === agencyCode);
}

function AdminAgencyPicker() {
  const navigate = useNavigate();
  const agencies = useQuery(completenessMatrixQuery({ county: null, type: null, quarters: 4 }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('agency') ?? '');
    if (code) navigate(`/agencies/${encodeURIComponent(code)}/tokens`);
  }

  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">
        Agencies can connect their case-management systems to Scope with API tokens. Choose an agency to see
        or revoke its tokens. Only an agency's own reporters create them.
      </p>
      {agencies.isPending ? (
        <Loading label="Loading the member agencies…" />
      ) : agencies.isError ? (
        <LoadError
          what="the member agencies"
          error={agencies.error}
          onRetry={() => void agencies.refetch()}
          retrying={agencies.isFetching}
        />
      ) : (
        <form className="filter-bar" onSubmit={handleSubmit} aria-label="Choose an agency">
          <FilterSelect
            id="token-agency"
            label="Agency"
            name="agency"
            options={[...agencies.data.agencies]
              .sort((a, b) => a.name.localeCompare(b.name, 'en'))
              .map((agency) => ({ value: agency.code, label: agency.name }))}
          />
          <div className="filter-bar__actions">
            <button type="submit" className="button">
              Show tokens
            </button>
          </div>
        </form>
      )}
      <p>
        <a href="/api/docs">API reference</a>: every endpoint, with examples you can try.
      </p>
    </>
  );
}

function AgencyTokens({ agencyCode }: { agencyCode: string }) {
  const me = useSignedInUser();
  const agency = useQuery(agencySubmissionsQuery(agencyCode));
  const quarters = agency.data?.quarters ?? [];
  const periodCode = (openQuarter(quarters) ?? newestFirst(quarters)[0])?.period ?? '2026Q4';
  const agencyName = agency.data?.agency.name ?? agencyCode;
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">{agencyName}</p>
      <section className="section section--first" aria-labelledby="tokens-about-heading">
        <h2 id="tokens-about-heading">What a token is for</h2>
        <p>
          If your case-management system can export your quarterly counts, it can send them to Scope directly,
          so nobody has to type them in or upload a file each quarter. The system shows it is allowed to by
          sending a <strong>token</strong>: a long secret, like a password, that only works for {agencyName}.
        </p>
        <p>
          Anyone holding the token can read and change the agency's reports, so keep it as safe as a password
          and give each system its own. A token stops working when it expires, and as soon as the person who
          created it leaves the agency or Scope. If a token may have been seen by someone else, revoke it and
          create a new one. Tokens carry counts only, never anyone's personal details.
        </p>
      </section>

      {created ? (
        <NewToken
          name={created.name}
          secret={created.secret}
          onDone={() => {
            setCreated(null);
            // The panel is gone; put keyboard users back at the form they started from.
            requestAnimationFrame(() => document.getElementById('token-create-heading')?.focus());
          }}
        />
      ) : me.role === 'reporter' ? (
        <CreateTokenForm agencyCode={agencyCode} onCreated={setCreated} />
      ) : (
        <p className="notice notice--info">
          Only {agencyName}'s own reporters can create its tokens, because a token enters numbers as the
          person who made it. You can see and revoke its tokens below.
        </p>
      )}

      <TokenList agencyCode={agencyCode} agencyName={agencyName} />

      <section className="section" aria-labelledby="tokens-examples-heading">
        <h2 id="tokens-examples-heading">Sending counts from your system</h2>
        <p>
          Whoever looks after your case-management system can use these examples for {agencyName} and{' '}
          {periodCode}, with the token in place of <code>&lt;token&gt;</code>. The{' '}
          <a href="/api/docs">API reference</a> lists every endpoint and lets you try them.
        </p>
        {apiExamples({
          origin: typeof window === 'undefined' ? '' : window.location.origin,
          agencyCode,
          periodCode,
        }).map((example) => (
          <div className="api-example" key={example.id}>
            <h3 id={`example-${example.id}`}>{example.title}</h3>
            <p>{example.description}</p>
            <pre className="api-example__code">
              <code>{example.command}</code>
            </pre>
          </div>
        ))}
      </section>
    </>
  );
}

function CreateTokenForm({
  agencyCode,
  onCreated,
}: {
  agencyCode: string;
  onCreated: (token: { name: string; secret: string }) => void;
}) {
  const create = useCreateToken(agencyCode);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '');
    const lifetimeDays = Number(form.get('lifetimeDays')) as TokenLifetimeDays;
    const nameProblem = tokenNameProblem(name);
    setProblem(nameProblem);
    if (nameProblem) {
      input.current?.focus();
      return;
    }
    create.mutate(
      { name: name.trim(), lifetimeDays },
      {
        onSuccess: ({ token }) => onCreated({ name: token.name ?? name.trim(), secret: token.secret }),
      },
    );
  }

  const message = problem ?? (create.isError ? errorMessage(create.error) : null);
  return (
    <section className="section" aria-labelledby="token-create-heading">
      <h2 id="token-create-heading" tabIndex={-1}>
        Create a token
      </h2>
      <form className="form token-form" onSubmit={handleSubmit} noValidate>
        <div role="alert" id="token-name-error" className="form-error">
          {message}
        </div>
        <div className="field">
          <label htmlFor="token-name">Token name</label>
          <p id="token-name-hint" className="field__hint">
            Say where it will be used, for example “Case management export”.
          </p>
          <input
            ref={input}
            id="token-name"
            name="name"
            type="text"
            autoComplete="off"
            maxLength={200}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? 'token-name-hint token-name-error' : 'token-name-hint'}
          />
        </div>
        <div className="field">
          <label htmlFor="token-lifetime">Works for</label>
          <p id="token-lifetime-hint" className="field__hint">
            After this it stops working and your system needs a new token.
          </p>
          <select
            id="token-lifetime"
            name="lifetimeDays"
            defaultValue={365}
            aria-describedby="token-lifetime-hint"
          >
            {tokenLifetimes.map((lifetime) => (
              <option key={lifetime.days} value={lifetime.days}>
                {lifetime.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" aria-disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </form>
    </section>
  );
}

/** The new secret, shown this once with a Copy button; it lives only in this component's props. */
function NewToken({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const { copy, message } = useCopyText('The token');
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="panel panel--attention new-token" aria-labelledby="new-token-heading">
      <h2 id="new-token-heading" tabIndex={-1} ref={headingRef}>
        Copy your new token now
      </h2>
      <p className="new-token__warning">
        <strong>This is the only time Scope will show this token.</strong> Paste it into your case-management
        system's settings, or a password manager, before you leave this page. If it's lost, revoke it and
        create a new one.
      </p>
      <label htmlFor="new-token-secret" className="new-token__label">
        Token for “{name}”
      </label>
      <div className="new-token__row">
        <input
          id="new-token-secret"
          ref={field}
          className="new-token__secret"
          type="text"
          readOnly
          value={secret}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy(secret, field.current)}>
          Copy token
        </button>
      </div>
      <p role="status" className="new-token__status">
        {message}
      </p>
      <button type="button" className="button button--secondary" onClick={onDone}>
        I've stored it safely
      </button>
    </section>
  );
}

function TokenList({ agencyCode, agencyName }: { agencyCode: string; agencyName: string }) {
  const query = useQuery(agencyTokensQuery(agencyCode));
  const revoke = useRevokeToken(agencyCode);
  const [confirming, setConfirming] = useState<ApiToken | null>(null);
  const [removingName, setRemovingName] = useState<ApiToken | null>(null);
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const canRemoveNames = useSignedInUser().role === 'admin';

  function confirmRevoke(token: ApiToken) {
    revoke.mutate(token.id, {
      onSuccess: () => {
        setConfirming(null);
        setNotice(`“${token.name}” is revoked. Systems using it will be refused from now on.`);
        noticeRef.current?.focus();
      },
    });
  }

  function cancel(token: ApiToken) {
    setConfirming(null);
    revoke.reset();
    // Back to the button that opened the question, so keyboard users keep their place.
    requestAnimationFrame(() => document.getElementById(`revoke-${token.id}`)?.focus());
  }

  return (
    <section className="section" aria-labelledby="token-list-heading">
      <h2 id="token-list-heading">Tokens</h2>
      <p role="status" tabIndex={-1} ref={noticeRef} className="token-notice">
        {notice}
      </p>
      {confirming ? (
        <ConfirmRevoke
          token={confirming}
          pending={revoke.isPending}
          error={revoke.isError ? errorMessage(revoke.error) : null}
          onConfirm={() => confirmRevoke(confirming)}
          onCancel={() => cancel(confirming)}
        />
      ) : null}
      {removingName ? (
        <ConfirmRemove
          showing={[{ queryKey: tokenKeys.byAgency(agencyCode) }]}
          textId={removingName.nameId}
          what={`the name of the token starting ${removingName.prefix}`}
          onClose={() => setRemovingName(null)}
        />
      ) : null}
      {query.isPending ? (
        <Loading label="Loading the tokens…" />
      ) : query.isError ? (
        <LoadError
          what="the tokens"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : query.data.tokens.length === 0 ? (
        <p>{agencyName} has no API tokens yet.</p>
      ) : (
        <TokenTable
          tokens={sortTokens(query.data.tokens)}
          agencyName={agencyName}
          onRevoke={(token) => {
            revoke.reset();
            setNotice('');
            setConfirming(token);
          }}
          onRemoveName={
            canRemoveNames
              ? (token) => {
                  setNotice('');
                  setRemovingName(token);
                }
              : undefined
          }
        />
      )}
    </section>
  );
}

function ConfirmRevoke({
  token,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  token: ApiToken;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmPanel
      id="confirm-revoke-heading"
      question={`Revoke “${token.name}”?`}
      confirmLabel="Yes, revoke it"
      pendingLabel="Revoking…"
      danger
      pending={pending}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Any system using this token will be refused straight away. This can't be undone, but you can create a
        new token at any time.
      </p>
    </ConfirmPanel>
  );
}

function TokenTable({
  tokens,
  agencyName,
  onRevoke,
  onRemoveName,
}: {
  tokens: ApiToken[];
  agencyName: string;
  onRevoke: (token: ApiToken) => void;
  /** For admins: a name with a person's details in it can be removed. */
  onRemoveName?: (token: ApiToken) => void;
}) {
  const timeZone = useCoalitionTimeZone();
  const now = new Date();
  return (
    <TableScroll captionId="tokens-caption">
      <table className="token-table">
        <caption id="tokens-caption">API tokens for {agencyName}, active first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr
              key={token.id}
              className={token.revokedAt || isExpired(token, now) ? 'token-row--revoked' : undefined}
            >
              <th scope="row">{token.name}</th>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>{createdBy(token, timeZone)}</td>
              <td className="date">{lastUsed(token, timeZone)}</td>
              <td>{tokenExpiry(token, now, timeZone)}</td>
              <td>{tokenState(token, now, timeZone)}</td>
              <td>
                {token.revokedAt === null && !isExpired(token, now) ? (
                  <button
                    type="button"
                    id={`revoke-${token.id}`}
                    className="button button--secondary button--small"
                    onClick={() => onRevoke(token)}
                  >
                    Revoke<span className="visually-hidden"> “{token.name}”</span>
                  </button>
                ) : null}
                {onRemoveName && !isRemovedTextNote(token.name) ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => onRemoveName(token)}
                  >
                    Remove name<span className="visually-hidden"> of the token starting {token.prefix}</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
