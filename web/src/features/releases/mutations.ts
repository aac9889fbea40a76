/**
 * Publishing a quarter. The server answers at once with the release in `computing` and works in the
 * background; the page then polls that release (see `releaseDetailQuery`) until it is done.
 */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, json } from '../../api/client';
import { statsKeys } from '../dashboard/queries';
import { releaseKeys } from './queries';

/**
 * Marks every summary of releases stale: the list, and the previews (a quarter's earlier releases
 * change when one is published), and every published figure, since dashboards read only published
 * releases. The release's own detail is left alone: it holds the latest answer.
 */
export function afterReleaseChange(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: releaseKeys.list() }),
    queryClient.invalidateQueries({ queryKey: releaseKeys.previews() }),
    queryClient.invalidateQueries({ queryKey: statsKeys.all }),
  ]);
}

/**
 * Starts publishing `period`; `confirmProvisional` when the admin has confirmed publishing it as
 * provisional. Resolves with the new release, still computing.
 */
export function usePublishRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ period, confirmProvisional }: { period: string; confirmProvisional: boolean }) =>
      json(api.releases.$post({ json: { period, confirmProvisional } })),
    onSuccess: ({ release }) => {
      queryClient.setQueryData(releaseKeys.detail(release.id), { release });
      return afterReleaseChange(queryClient);
    },
    onError: (error) => {
      // Another release is already computing: the refreshed list shows it, with its progress.
      if (isApiError(error, 'release-in-progress')) return afterReleaseChange(queryClient);
      // Reports changed since the preview and it would now be provisional: the fresh preview says who is missing.
      if (isApiError(error, 'provisional-not-confirmed'))
        return queryClient.invalidateQueries({ queryKey: releaseKeys.previews() });
      return undefined;
    },
  });
}
