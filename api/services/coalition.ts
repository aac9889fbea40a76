/**
 * The coalition's own settings, kept in the database and changed on the settings page: its names,
 * reporting deadline, time zone, first quarter and whether admins must sign in with a second step.
 * The environment's SCOPE_TIME_ZONE and SCOPE_DEADLINE_DAYS are only the defaults until an admin
 * sets them. No HTTP here.
 */
import type { Config } from '../config';
import type { Db } from '../db';
import { getCoalition } from '../queries/orgUnits';
import { getSetting, setSetting } from '../queries/settings';

export type AdminTwoFactor = 'required' | 'optional';

export type CoalitionProfile = {
  /** The coalition's name, as its reports and pages print it; null before set-up. */
  name: string | null;
  /** A short name for narrow screens and headers. */
  shortName: string | null;
  timeZone: string;
  /** Days after a quarter ends that its reports are due. */
  deadlineDays: number;
  /** The first quarter the coalition collects; null: from the earliest quarter it has. */
  firstPeriod: string | null;
  /** Whether an admin must sign in with a code from an authenticator app. */
  adminTwoFactor: AdminTwoFactor;
};

const keys = {
  shortName: 'coalition_short_name',
  timeZone: 'time_zone',
  deadlineDays: 'deadline_days',
  firstPeriod: 'first_period',
  adminTwoFactor: 'admin_two_factor',
} as const;

/** The coalition's settings in force: what an admin saved, else the environment's defaults. */
export function coalitionProfile(
  db: Db,
  config: Pick<Config, 'timeZone' | 'deadlineDays'>,
): CoalitionProfile {
  const coalition = getCoalition(db);
  const deadlineDays = getSetting(db, keys.deadlineDays);
  const twoFactor = getSetting(db, keys.adminTwoFactor);
  return {
    name: coalition?.name ?? null,
    shortName: getSetting(db, keys.shortName) ?? coalition?.code ?? null,
    timeZone: getSetting(db, keys.timeZone) ?? config.timeZone,
    deadlineDays: deadlineDays === undefined ? config.deadlineDays : Number(deadlineDays),
    firstPeriod: getSetting(db, keys.firstPeriod) ?? null,
    adminTwoFactor: twoFactor === 'required' ? 'required' : 'optional',
  };
}

/** The coalition's time zone: its calendar says what day it is for deadlines and lateness. */
export function coalitionTimeZone(db: Db, config: Pick<Config, 'timeZone'>): string {
  return getSetting(db, keys.timeZone) ?? config.timeZone;
}

/**
 * Stores settings as given. The caller has validated them, checked who may, and audits the change in
 * the same transaction. The coalition's name lives on its org unit, not here.
 */
export function saveCoalitionProfile(
  db: Db,
  change: Partial<Omit<CoalitionProfile, 'name' | 'firstPeriod'>> & { firstPeriod?: string },
): void {
  if (change.shortName != null) setSetting(db, keys.shortName, change.shortName);
  if (change.timeZone !== undefined) setSetting(db, keys.timeZone, change.timeZone);
  if (change.deadlineDays !== undefined) setSetting(db, keys.deadlineDays, String(change.deadlineDays));
  if (change.firstPeriod !== undefined) setSetting(db, keys.firstPeriod, change.firstPeriod);
  if (change.adminTwoFactor !== undefined) setSetting(db, keys.adminTwoFactor, change.adminTwoFactor);
}
