import type { Context } from 'hono';
import type { AppEnv } from '../context';
import type { Clock } from '../domain/clock';
import { coalitionTimeZone } from '../services/coalition';

/** The request's moment and the coalition's time zone (its setting, else SCOPE_TIME_ZONE): what a service needs to know what day it is. */
export function clockOf(c: Context<AppEnv>): Clock {
  return { now: c.var.now(), timeZone: coalitionTimeZone(c.var.db, c.var.config) };
}
