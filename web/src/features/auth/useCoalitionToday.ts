import { useQuery } from '@tanstack/react-query';
import { defaultCoalitionTimeZone, todayIn } from '../../../../api/domain/clock';
import { meQuery } from './queries';

/**
 * The coalition's time zone, for pages inside RequireSignIn: the signed-in person carries it, so
 * timestamps read on the same clock the server counts lateness by, wherever the reader is. Outside
 * a session there is no coalition clock to speak of, and asking for one is a bug.
 */
export function useCoalitionTimeZone(): string {
  const timeZone = useQuery(meQuery()).data?.timeZone;
  if (!timeZone)
    throw new Error("useCoalitionTimeZone needs the signed-in person, who carries the coalition's time zone");
  return timeZone;
}

/**
 * The coalition's time zone on a page anyone may read (the public figures): the signed-in person's
 * when there is one, otherwise Scope's default, since the public API doesn't say.
 */
export function usePublicTimeZone(): string {
  return useQuery(meQuery()).data?.timeZone ?? defaultCoalitionTimeZone;
}

/**
 * Today's date (YYYY-MM-DD) on the coalition's calendar, for pages inside RequireSignIn: the day
 * deadlines, lateness and entry are counted from, here as on the server.
 */
export function useCoalitionToday(): string {
  return todayIn(useCoalitionTimeZone());
}
