import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { BrowserRouter, Link, Outlet, Route, Routes } from 'react-router';
import { AppShell } from './app/AppShell';
import { NotFoundPage } from './app/NotFoundPage';
import { createQueryClient } from './app/queryClient';
import { usePageTitle } from './components/usePageTitle';
import { RequireSignIn, useSignedInUser } from './features/auth/RequireSignIn';
import { SignInPage } from './features/auth/SignInPage';
import { HomePage } from './features/home/HomePage';

// Pages beyond home load on demand, so signing in and the home page stay quick on a slow connection.
// AppShell's Suspense shows a calm loading line while one arrives.
const ReviewPage = lazy(() =>
  import('./features/review/ReviewPage').then((module) => ({ default: module.ReviewPage })),
);
const CompletenessPage = lazy(() =>
  import('./features/completeness/CompletenessPage').then((module) => ({ default: module.CompletenessPage })),
);
const TokensPage = lazy(() =>
  import('./features/tokens/TokensPage').then((module) => ({ default: module.TokensPage })),
);
const AgenciesPage = lazy(() =>
  import('./features/agencies/AgenciesPage').then((module) => ({ default: module.AgenciesPage })),
);
const DataEntryPage = lazy(() =>
  import('./features/dataEntry/DataEntryPage').then((module) => ({ default: module.DataEntryPage })),
);
const ReleasesPage = lazy(() =>
  import('./features/releases/ReleasesPage').then((module) => ({ default: module.ReleasesPage })),
);
const AuditLogPage = lazy(() =>
  import('./features/audit/AuditLogPage').then((module) => ({ default: module.AuditLogPage })),
);
const ReportsPage = lazy(() =>
  import('./features/reports/ReportsPage').then((module) => ({ default: module.ReportsPage })),
);
const HistoryPage = lazy(() =>
  import('./features/history/HistoryPage').then((module) => ({ default: module.HistoryPage })),
);
// The charting pages bring Recharts with them; nothing else loads it.
const DashboardPage = lazy(() =>
  import('./features/dashboard/DashboardPage').then((module) => ({ default: module.DashboardPage })),
);
const TrendsPage = lazy(() =>
  import('./features/dashboard/TrendsPage').then((module) => ({ default: module.TrendsPage })),
);
const SettingsPage = lazy(() =>
  import('./features/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })),
);
const PeoplePage = lazy(() =>
  import('./features/people/PeoplePage').then((module) => ({ default: module.PeoplePage })),
);
const WelcomePage = lazy(() =>
  import('./features/people/WelcomePage').then((module) => ({ default: module.WelcomePage })),
);
const ResetPasswordPage = lazy(() =>
  import('./features/people/ResetPasswordPage').then((module) => ({ default: module.ResetPasswordPage })),
);
const AccountPage = lazy(() =>
  import('./features/account/AccountPage').then((module) => ({ default: module.AccountPage })),
);
const SetupPage = lazy(() =>
  import('./features/setup/SetupPage').then((module) => ({ default: module.SetupPage })),
);
const PublicPage = lazy(() =>
  import('./features/public/PublicPage').then((module) => ({ default: module.PublicPage })),
);

/** The whole web app: data cache, routes, and the shell around every page. */
export function App() {
  // One client for the app's lifetime; useState keeps it stable across re-renders and Strict Mode.
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      {/*
        Location changes render straight away rather than as React transitions. Signing out
        navigates and clears the session in one step; as a transition, the navigation would render
        after the guard had already redirected from the old page and dropped the "signed out" notice.
      */}
      <BrowserRouter useTransitions={false}>
        <Routes>
          <Route element={<AppShell />}>
            <Route path="sign-in" element={<SignInPage />} />
            {/* A one-time link is its own permission: the invited and the locked out aren't signed in. */}
            <Route path="welcome/:token" element={<WelcomePage />} />
            <Route path="reset-password/:token" element={<ResetPasswordPage />} />
            {/* The public figures need no sign-in. */}
            <Route path="public" element={<PublicPage />} />
            {/* A set-up link is the credential: the coalition has no one to sign in yet. */}
            <Route path="setup/:token" element={<SetupPage />} />
            <Route element={<RequireSignIn />}>
              <Route index element={<HomePage />} />
              <Route path="dashboard" element={<DashboardPage />} />
              <Route path="dashboard/trends" element={<TrendsPage />} />
              <Route path="reports" element={<ReportsPage />} />
              <Route path="account" element={<AccountPage />} />
              <Route element={<AdminOnly />}>
                <Route path="review" element={<ReviewPage />} />
                <Route path="completeness" element={<CompletenessPage />} />
                <Route path="releases" element={<ReleasesPage />} />
                <Route path="audit" element={<AuditLogPage />} />
                <Route path="agencies" element={<AgenciesPage />} />
                <Route path="settings" element={<SettingsPage />} />
                <Route path="people" element={<PeoplePage />} />
              </Route>
              {/* The tokens page checks the role itself: reporters for their agency, admins for any. */}
              <Route path="agency/tokens" element={<TokensPage />} />
              <Route path="agencies/:agency/tokens" element={<TokensPage />} />
              {/* One agency's report for one quarter: the form for reporters, review actions for admins. */}
              <Route path="report/:agency/:period" element={<DataEntryPage />} />
              <Route path="report/:agency/:period/history" element={<HistoryPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

/**
 * Guards coalition-admin pages. Anyone else gets a calm explanation instead of a broken page; the
 * server refuses their requests anyway, so this is about clarity, not security.
 */
export function AdminOnly() {
  const me = useSignedInUser();
  if (me.role === 'admin') return <Outlet context={me} />;
  return <AdminOnlyMessage />;
}

function AdminOnlyMessage() {
  usePageTitle('For coalition admins');
  return (
    <>
      <h1>This page is for coalition admins</h1>
      <p>
        Your account can't open it. If you think you need it for your work with the coalition, ask your
        coalition admin.
      </p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </>
  );
}
