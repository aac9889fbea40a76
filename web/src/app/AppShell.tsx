import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigationType } from 'react-router';
import type { Me } from '../api/types';
import { errorMessage, Loading } from '../components/QueryStatus';
import { useSignOut } from '../features/auth/mutations';
import { meQuery } from '../features/auth/queries';
import { roleLabel } from '../features/auth/roles';
import { useCoalitionToday } from '../features/auth/useCoalitionToday';
import { coalitionQuery, servedArea } from '../features/coalition/queries';
import { reportNeedingReporter } from '../features/home/needs';
import { agencySubmissionsQuery } from '../features/home/queries';

/** Header, main navigation and footer around every page. */
export function AppShell() {
  const me = useQuery(meQuery());
  const coalition = useQuery(coalitionQuery()).data;
  const mainRef = useMoveFocusOnNavigation();
  const user = me.data ?? null;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <p className="brand">
            <Link to="/" className="brand__link">
              <span className="brand__product">Scope</span>
              {/* Before a coalition is set up, Scope is all there is to name. */}
              {coalition?.name ? <span className="brand__coalition">{coalition.name}</span> : null}
            </Link>
          </p>
          {user ? <SignedInBar user={user} /> : me.data === null ? <SignedOutNav /> : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        {/*
          Until we know who is signed in, the header can't take its final height, so the page waits
          with it: content drawn earlier would jump down when the navigation appears.
        */}
        {me.isPending ? null : (
          <div className="page">
            {/* Pages load on demand; the header and footer stay put while one arrives. */}
            <Suspense fallback={<Loading label="Loading the page…" />}>
              <Outlet />
            </Suspense>
          </div>
        )}
      </main>
      {me.isPending ? null : <Footer coalition={coalition} />}
    </>
  );
}

/** What Scope holds, and for whom, under every page. */
function Footer({
  coalition,
}: {
  coalition: { name: string | null; counties: string[]; states: string[] } | undefined;
}) {
  const area = coalition ? servedArea(coalition) : null;
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          Scope holds aggregate, de-identified counts only. No survivor's name or identifying detail is ever
          entered.
        </p>
        {coalition?.name ? (
          <p>
            {coalition.name}
            {area ? ` · ${area}` : ''}
          </p>
        ) : null}
      </div>
    </footer>
  );
}

function SignedInBar({ user }: { user: Me }) {
  const signOut = useSignOut();
  return (
    <div className="site-header__bar">
      <MainNav user={user} />
      <div className="account">
        <p className="account__who">
          <span className="visually-hidden">Signed in as </span>
          <strong>{user.name}</strong>
          {/* The name and role sit on separate lines; the comma keeps them apart when read aloud. */}
          <span className="visually-hidden">, </span>
          <span className="account__detail">
            {roleLabel(user.role)}
            {user.agency ? ` · ${user.agency.name}` : ''}
          </span>
        </p>
        <NavLink to="/account" className="nav-link">
          Your account
        </NavLink>
        <button
          type="button"
          className="button button--header"
          aria-disabled={signOut.isPending}
          onClick={() => {
            if (signOut.isPending) return;
            signOut.mutate();
          }}
        >
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </button>
        {signOut.isError ? (
          <p className="account__error" role="alert">
            Signing out didn't work. {errorMessage(signOut.error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The main navigation for the person's role. NavLink marks the current page with aria-current.
 * API docs is a server page, not part of this app, so it is an ordinary link.
 */
function MainNav({ user }: { user: Me }) {
  return (
    <nav aria-label="Main">
      <ul className="nav-list">
        <li>
          <NavLink to="/" end className="nav-link">
            Home
          </NavLink>
        </li>
        <li>
          <NavLink to="/dashboard" className="nav-link">
            Dashboard
          </NavLink>
        </li>
        <li>
          <NavLink to="/reports" className="nav-link">
            Grant reports
          </NavLink>
        </li>
        {user.role === 'admin' ? (
          <>
            <li>
              <NavLink to="/review" className="nav-link">
                Review
              </NavLink>
            </li>
            <li>
              <NavLink to="/completeness" className="nav-link">
                Completeness
              </NavLink>
            </li>
            <li>
              <NavLink to="/releases" className="nav-link">
                Releases
              </NavLink>
            </li>
            <li>
              <NavLink to="/audit" className="nav-link">
                Audit log
              </NavLink>
            </li>
            <li>
              <NavLink to="/agencies" className="nav-link">
                Agencies
              </NavLink>
            </li>
            <li>
              <NavLink to="/people" className="nav-link">
                People
              </NavLink>
            </li>
            <li>
              <NavLink to="/settings" className="nav-link">
                Settings
              </NavLink>
            </li>
            <li>
              <a href="/api/docs" className="nav-link">
                API docs
              </a>
            </li>
          </>
        ) : null}
        {user.role === 'reporter' && user.agency ? (
          <>
            <li>
              <QuarterReportLink agencyCode={user.agency.code} />
            </li>
            <li>
              <NavLink to="/agency/tokens" className="nav-link">
                API access
              </NavLink>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}

/** Signed out: the public figures, and signing in. */
function SignedOutNav() {
  return (
    <div className="site-header__bar">
      <nav aria-label="Main">
        <ul className="nav-list">
          <li>
            <NavLink to="/public" className="nav-link">
              Public figures
            </NavLink>
          </li>
          <li>
            <NavLink to="/sign-in" className="nav-link">
              Sign in
            </NavLink>
          </li>
        </ul>
      </nav>
    </div>
  );
}

/**
 * "This quarter's report": straight to the report that needs the reporter now (returned, overdue,
 * then due next). Until the agency's quarters have loaded (or if nothing needs them) it leads home,
 * where every quarter is listed.
 */
function QuarterReportLink({ agencyCode }: { agencyCode: string }) {
  const quarters = useQuery(agencySubmissionsQuery(agencyCode));
  const needed = reportNeedingReporter(quarters.data?.quarters ?? [], useCoalitionToday())?.quarter;
  if (!needed) {
    // A plain Link, so Home alone is marked as the current page.
    return (
      <Link to="/" className="nav-link">
        This quarter's report
      </Link>
    );
  }
  return (
    <NavLink
      to={`/report/${encodeURIComponent(agencyCode)}/${encodeURIComponent(needed.period)}`}
      end
      className="nav-link"
    >
      This quarter's report
    </NavLink>
  );
}

/**
 * After a link or back/forward navigation, moves focus to <main> so keyboard and screen-reader
 * users start at the new page's content instead of wherever the old page left them. Redirects
 * (replace navigations, such as being sent to sign in) and the first load are left alone, so the
 * skip link stays the first thing a keyboard reaches.
 */
function useMoveFocusOnNavigation() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const mainRef = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    if (navigationType !== 'REPLACE') mainRef.current?.focus();
  }, [pathname, navigationType]);
  return mainRef;
}
