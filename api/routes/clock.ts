import type { Context } from 'hono';
import type { AppEnv } from '../context';
import type { Clock } from '../domain/clock';

/** The request's moment and the coalition's time zone: what a service needs to know what day it is. */
export function clockOf(c: Context<AppEnv>): Clock {
  return { now: c.var.now(), timeZone: c.var.config.timeZone };
}
