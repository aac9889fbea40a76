import { useQuery } from '@tanstack/react-query';
import { coalitionToday } from '../../lib/dates';
import { meQuery } from './queries';

/**
 * Today's date (YYYY-MM-DD) on the coalition's calendar, for pages inside RequireSignIn: the
 * signed-in person carries the coalition's time zone, so deadlines read here as the server counts
 * them. Outside a session there is no coalition day to speak of, and asking for one is a bug.
 */
export function useCoalitionToday(): string {
  const timeZone = useQuery(meQuery()).data?.timeZone;
  if (!timeZone)
    throw new Error("useCoalitionToday needs the signed-in person, who carries the coalition's time zone");
  return coalitionToday(timeZone);
}
