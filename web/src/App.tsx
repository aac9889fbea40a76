import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppShell } from './app/AppShell';
import { NotFoundPage } from './app/NotFoundPage';
import { createQueryClient } from './app/queryClient';
import { RequireSignIn } from './features/auth/RequireSignIn';
import { SignInPage } from './features/auth/SignInPage';
import { HomePage } from './features/home/HomePage';

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
            <Route element={<RequireSignIn />}>
              <Route index element={<HomePage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
