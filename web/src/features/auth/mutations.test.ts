import { QueryClient } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import { completenessKeys, periodKeys, submissionKeys } from '../home/queries';
import { forgetAllButMe } from './mutations';
import { authKeys } from './queries';

test.each([
  { name: 'an empty cache', seeded: [] },
  {
    name: "another person's agency reports and summaries",
    seeded: [submissionKeys.byAgency('RIVER'), completenessKeys.summary(4), periodKeys.list()],
  },
])('switching people forgets $name but keeps the me entry', ({ seeded }) => {
  const queryClient = new QueryClient();
  const me = { id: 1, email: 'admin@scope.demo', name: 'Admin', role: 'admin' as const, agency: null };
  queryClient.setQueryData(authKeys.me(), me);
  for (const key of seeded) queryClient.setQueryData(key, { counts: [1, 2, 3] });

  forgetAllButMe(queryClient);

  expect(
    queryClient
      .getQueryCache()
      .getAll()
      .map((query) => query.queryKey),
  ).toEqual([authKeys.me()]);
  expect(queryClient.getQueryData(authKeys.me())).toEqual(me);
});
