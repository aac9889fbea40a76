import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useOutletContext } from 'react-router';
import type { Me } from '../../api/types';
import { LoadError, Loading } from '../../components/QueryStatus';
import { meQuery } from './queries';

/**
 * Guards the routes inside it: people who aren't signed in go to `/sign-in`. The signed-in person
 * is handed to child routes through the outlet context, so they never have to handle "no one".
 */
export function RequireSignIn() {
  const me = useQuery(meQuery());
  if (me.isPending) return <Loading label="Checking that you're signed in…" />;
  if (me.isError) {
    return (
      <LoadError
        what="your account"
        error={me.error}
        onRetry={() => void me.refetch()}
        retrying={me.isFetching}
      />
    );
  }
  if (me.data === null) return <Navigate to="/sign-in" replace />;
  return <Outlet context={me.data} />;
}

/** The signed-in person, for any page rendered inside {@link RequireSignIn}. */
export function useSignedInUser(): Me {
  return useOutletContext<Me>();
}
