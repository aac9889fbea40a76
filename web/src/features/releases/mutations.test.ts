import { QueryClient } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import { statsKeys } from '../dashboard/queries';
import { submissionKeys } from '../submissions/queries';
import { afterReleaseChange } from './mutations';
import { releaseKeys } from './queries';

test('a finished release marks the release list, previews and every published figure stale, and nothing else', async () => {
  const client = new QueryClient();
  const published = [
    statsKeys.tableList(),
    statsKeys.period({ table: 'survivors_served.gender', period: '2026Q2', geo: 'SCL' }),
    statsKeys.series({ table: 'survivors_served.gender', geo: 'SCL', interval: 'quarter' }),
  ];
  const stale = [...published, releaseKeys.list(), releaseKeys.preview('2026Q2')];
  for (const key of stale) client.setQueryData(key, {});
  // A release's own detail holds the latest answer; a report list has nothing to do with publishing.
  const untouched = [releaseKeys.detail(4), submissionKeys.list('2026Q2')];
  for (const key of untouched) client.setQueryData(key, {});

  await afterReleaseChange(client);

  for (const key of stale) expect(client.getQueryState(key)?.isInvalidated).toBe(true);
  for (const key of untouched) expect(client.getQueryState(key)?.isInvalidated).toBe(false);
});
