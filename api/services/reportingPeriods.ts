/**
 * The quarters a coalition reports: every one from its first quarter through the quarter it is now,
 * so a reporter always has a form and a new quarter appears without anyone adding it. The quarter
 * under way is added too (as the demo does): it opens for entry the day after it ends, or earlier
 * when an admin opens it (see `entryWindow` in domain/entry.ts). No HTTP here.
 */
import type { Config } from '../config';
import type { Db } from '../db';
import { todayIn } from '../domain/clock';
import {
  addQuarters,
  comparePeriods,
  parseQuarter,
  type Quarter,
  quarterContaining,
} from '../domain/periods';
import { insertPeriod, listPeriods } from '../queries/periods';
import { coalitionProfile } from './coalition';

/**
 * Adds every quarter missing from `firstPeriod` (else the earliest quarter the database has) through
 * the quarter containing `today`, each with its deadline and open until the coalition closes it.
 * Quarters already there are left as they are. Without a first quarter and with no quarters at all,
 * the coalition isn't set up yet and nothing is added. Returns the codes added, oldest first.
 */
export function ensureReportingPeriods(
  db: Db,
  { today, deadlineDays, firstPeriod }: { today: string; deadlineDays: number; firstPeriod: string | null },
): string[] {
  return db.transaction(() => {
    const existing = new Set(listPeriods(db).map((p) => p.code));
    const earliest = [...existing].sort(comparePeriods)[0];
    const first = parseQuarter(firstPeriod ?? earliest ?? '');
    if (!first) return [];
    const current = quarterContaining(today);
    const added: string[] = [];
    for (let quarter: Quarter = first; comparePeriods(quarter.code, current.code) <= 0; ) {
      if (!existing.has(quarter.code)) {
        insertPeriod(db, quarter, deadlineDays, true);
        added.push(quarter.code);
      }
      quarter = addQuarters(quarter, 1);
    }
    return added;
  })();
}

/** `ensureReportingPeriods` with the coalition's own settings and today in its time zone. */
export function ensureCoalitionPeriods(
  db: Db,
  config: Pick<Config, 'timeZone' | 'deadlineDays'>,
  now: Date,
): string[] {
  const profile = coalitionProfile(db, config);
  return ensureReportingPeriods(db, {
    today: todayIn(profile.timeZone, now),
    deadlineDays: profile.deadlineDays,
    firstPeriod: profile.firstPeriod,
  });
}
