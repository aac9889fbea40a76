import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json } from '../../api/client';
import { authKeys } from '../auth/queries';
import { coalitionKeys } from '../coalition/queries';
import { releaseKeys } from '../releases/queries';
import { reportKeys } from '../reports/queries';
import { settingsKeys } from './queries';
import type { SettingsChange } from './types';

/**
 * Saves part of the coalition's settings. The answer is every setting in force, so it replaces the
 * page's; what other pages show from them (the name in the header, the time zone a signed-in person
 * carries, the thresholds, which reports may be made) is marked stale. Each section of the page has
 * its own, so each says its own outcome.
 */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: SettingsChange) => json(api.settings.$patch({ json: change })),
    onSuccess: ({ settings }) => {
      queryClient.setQueryData(settingsKeys.detail(), { settings });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: coalitionKeys.all }),
        queryClient.invalidateQueries({ queryKey: authKeys.me() }),
        queryClient.invalidateQueries({ queryKey: releaseKeys.policy() }),
        queryClient.invalidateQueries({ queryKey: reportKeys.all }),
      ]);
    },
  });
}
