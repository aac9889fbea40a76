/**
 * Who the coalition is, as anyone may know it: its name for the header and footer, and the counties
 * it serves. Asked once per visit; changing the settings marks it stale.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, json } from '../../api/client';

/** Keys for the coalition's public description: `all` is the only one. */
export const coalitionKeys = { all: ['coalition'] as const };

/** `GET /api/coalition`: the coalition's name, short name, counties and their states. */
export function coalitionQuery() {
  return queryOptions({
    queryKey: coalitionKeys.all,
    queryFn: ({ signal }) => json(api.coalition.$get(undefined, { init: { signal } })),
    staleTime: 5 * 60_000,
  });
}

/**
 * The area the coalition serves, in words: "Santa Clara and San Benito counties, California".
 * Null when it serves no county yet.
 */
export function servedArea({ counties, states }: { counties: readonly string[]; states: readonly string[] }) {
  if (counties.length === 0) return null;
  const allCounties = counties.every((name) => name.endsWith(' County'));
  const names = allCounties ? counties.map((name) => name.slice(0, -' County'.length)) : [...counties];
  const listed =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const area = allCounties ? `${listed} ${counties.length === 1 ? 'County' : 'counties'}` : listed;
  return states.length > 0 ? `${area}, ${states.join(' and ')}` : area;
}
