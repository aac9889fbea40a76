/**
 * When the demo agencies submitted, and what the coalition did with each submission: the history of
 * every agency-quarter as a list of back-dated events. Plain functions of a seeded generator.
 */
import type { Random } from './random';

/** What happens to one agency's submission in the latest complete quarter. */
export type LatestScenario =
  | 'approved'
  | 'approved_late'
  | 'submitted'
  | 'submitted_late'
  | 'returned'
  | 'draft'
  | 'not_started';

export type SubmissionEvent =
  | { action: 'start'; at: string }
  | { action: 'submit'; at: string; late: boolean }
  | { action: 'approve' | 'return'; at: string; comment: string | null };

export type SubmissionStatusPlan = 'not_started' | 'draft' | 'submitted' | 'returned' | 'approved';

/** An agency-quarter's submission: its events in order and, for a draft, which sections hold values. */
export type SubmissionPlan = {
  status: SubmissionStatusPlan;
  /** Section codes a draft has filled in; null when the submission holds every section. */
  sections: string[] | null;
  events: SubmissionEvent[];
};

const DAY = 86_400_000;
const MINUTE = 60_000;

const dayOf = (ms: number) => Math.floor(ms / DAY) * DAY;
/** Midnight UTC of a YYYY-MM-DD day. */
export const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A moment in California office hours (09:00 to 16:59 Pacific daylight time, 16:00 to 23:59 UTC), so
 * the UTC date is the reporter's local date too.
 */
const officeHours = (rng: Random, from = 16) => (rng.integer(from, 23) * 60 + rng.integer(0, 59)) * MINUTE;

/**
 * A time some whole days after `previous`, never past `capDay` if that can be helped and always after
 * `previous`, so a history stays in order even when a cap squeezes it.
 */
function later(rng: Random, previous: number, minDays: number, maxDays: number, capDay: number): number {
  const previousDay = dayOf(previous);
  let day = previousDay + rng.integer(minDays, Math.max(minDays, maxDays)) * DAY;
  if (day > capDay) day = Math.max(previousDay, capDay);
  let at = day + officeHours(rng);
  if (at <= previous) at = previous + rng.integer(5, 90) * MINUTE;
  return at;
}

export type QuarterTimes = {
  /** Midnight UTC of the quarter's first and last day and of its deadline. */
  start: number;
  end: number;
  deadline: number;
  deadlineDays: number;
  /** Nothing may happen after this day: the demo's today, minus one. */
  capDay: number;
};

type Draft = { events: SubmissionEvent[]; last: number };

/** A draft started within the window, then submitted on a chosen day. */
function startAndSubmit(rng: Random, t: QuarterTimes, submitDay: number): Draft {
  const day = Math.min(dayOf(submitDay), t.capDay);
  // A quarter opens for entry the day after it ends.
  const startDay = Math.max(t.end + DAY, day - rng.integer(0, 6) * DAY);
  const startAt = startDay + officeHours(rng);
  let submitAt = day + officeHours(rng);
  if (submitAt <= startAt) submitAt = startAt + rng.integer(5, 90) * MINUTE;
  return {
    events: [
      { action: 'start', at: iso(startAt) },
      { action: 'submit', at: iso(submitAt), late: isoDay(submitAt) > isoDay(t.deadline) },
    ],
    last: submitAt,
  };
}

/** A submit day within the weeks after the quarter ends, no later than the deadline. */
function onTimeDay(rng: Random, t: QuarterTimes, nearDeadline = false): number {
  const window = t.deadlineDays;
  const earliest = nearDeadline ? Math.max(0, window - 6) : Math.min(window, Math.ceil(window * 0.2));
  return Math.min(t.end + rng.integer(earliest, window) * DAY, t.capDay);
}

/** A submit day after the deadline (if the demo's today leaves room for one). */
function lateDay(rng: Random, t: QuarterTimes, maxDaysLate: number): number {
  return Math.min(t.deadline + rng.integer(1, maxDaysLate) * DAY, t.capDay);
}

function reviewed(
  draft: Draft,
  rng: Random,
  t: QuarterTimes,
  action: 'approve' | 'return',
  comment: string | null,
) {
  const at = later(rng, draft.last, action === 'approve' ? 1 : 2, action === 'approve' ? 6 : 9, t.capDay);
  draft.events.push({ action, at: iso(at), comment });
  draft.last = at;
}

const submitted = (draft: Draft, status: SubmissionStatusPlan): SubmissionPlan => ({
  status,
  sections: null,
  events: draft.events,
});

/**
 * A closed quarter's history: approved, sometimes late, and now and then returned once and
 * resubmitted before approval.
 */
export function pastSubmission(
  rng: Random,
  t: QuarterTimes,
  chances: { late: number; returned: number },
  returnComment: () => string,
): SubmissionPlan {
  const late = rng.chance(chances.late);
  const returned = rng.chance(chances.returned);
  const draft = startAndSubmit(rng, t, late ? lateDay(rng, t, 21) : onTimeDay(rng, t));
  if (returned) {
    reviewed(draft, rng, t, 'return', returnComment());
    const resubmitAt = later(rng, draft.last, 1, 6, t.capDay);
    draft.events.push({
      action: 'submit',
      at: iso(resubmitAt),
      late: isoDay(resubmitAt) > isoDay(t.deadline),
    });
    draft.last = resubmitAt;
  }
  reviewed(draft, rng, t, 'approve', null);
  return submitted(draft, 'approved');
}

/** The latest complete quarter's history for one agency, following its scenario. */
export function latestSubmission(
  rng: Random,
  t: QuarterTimes,
  scenario: LatestScenario,
  sectionCodes: string[],
  returnComment: () => string,
): SubmissionPlan {
  switch (scenario) {
    case 'not_started':
      return { status: 'not_started', sections: null, events: [] };
    case 'draft': {
      const startDay = Math.min(t.deadline - rng.integer(2, 20) * DAY, t.capDay);
      return {
        status: 'draft',
        sections: partialSections(rng, sectionCodes),
        events: [{ action: 'start', at: iso(Math.max(startDay, t.end + DAY) + officeHours(rng)) }],
      };
    }
    case 'approved': {
      const draft = startAndSubmit(rng, t, onTimeDay(rng, t));
      reviewed(draft, rng, t, 'approve', null);
      return submitted(draft, 'approved');
    }
    case 'approved_late': {
      const draft = startAndSubmit(rng, t, lateDay(rng, t, 12));
      reviewed(draft, rng, t, 'approve', null);
      return submitted(draft, 'approved');
    }
    case 'submitted':
      return submitted(startAndSubmit(rng, t, onTimeDay(rng, t, true)), 'submitted');
    case 'submitted_late': {
      // Late and recent: the review is still to come.
      const day = Math.max(t.deadline + DAY, t.capDay - rng.integer(0, 7) * DAY);
      return submitted(startAndSubmit(rng, t, day), 'submitted');
    }
    case 'returned': {
      const draft = startAndSubmit(rng, t, onTimeDay(rng, t));
      reviewed(draft, rng, t, 'return', returnComment());
      return submitted(draft, 'returned');
    }
  }
}

/**
 * The open quarter: a draft begun in the days since it ended, or nothing yet. A quarter still under
 * way on the demo's today is not open for entry, so nobody can have begun it.
 */
export function openSubmission(
  rng: Random,
  t: QuarterTimes,
  started: boolean,
  sectionCodes: string[],
): SubmissionPlan {
  const opens = t.end + DAY;
  if (!started || t.capDay < opens) return { status: 'not_started', sections: null, events: [] };
  const span = Math.round((t.capDay - opens) / DAY);
  const day = opens + rng.integer(Math.floor(span / 2), span) * DAY;
  return {
    status: 'draft',
    sections: partialSections(rng, sectionCodes),
    events: [{ action: 'start', at: iso(day + officeHours(rng)) }],
  };
}

/** The first few sections of the form, as someone part-way through it would have filled in. */
function partialSections(rng: Random, sectionCodes: string[]): string[] {
  if (sectionCodes.length <= 1) return [...sectionCodes];
  return sectionCodes.slice(0, rng.integer(1, sectionCodes.length - 1));
}

/**
 * Which agency does what in the latest complete quarter. The first agency (reporter1's) is approved on
 * time and the second (reporter2's) is returned for correction; the others are shuffled into a couple
 * missing (not started, or a draft), one or two late, a few awaiting review, and the rest approved.
 */
export function assignLatestScenarios(rng: Random, agencyCount: number): LatestScenario[] {
  const scenarios: LatestScenario[] = Array.from({ length: agencyCount }, () => 'approved');
  scenarios[1] = 'returned';
  const others = rng.shuffle(Array.from({ length: agencyCount - 2 }, (_, i) => i + 2));
  const missing = Math.max(2, Math.round(agencyCount * 0.12));
  const late = Math.max(2, Math.round(agencyCount * 0.1));
  const awaiting = Math.max(1, Math.round(agencyCount * 0.12));
  const plan: LatestScenario[] = [];
  for (let i = 0; i < missing; i++) plan.push(i % 2 === 0 ? 'not_started' : 'draft');
  for (let i = 0; i < late; i++) plan.push(i % 2 === 0 ? 'approved_late' : 'submitted_late');
  for (let i = 0; i < awaiting; i++) plan.push('submitted');
  others.forEach((agency, i) => {
    scenarios[agency] = plan[i] ?? 'approved';
  });
  return scenarios;
}

/**
 * Which agencies have begun the open quarter, if it has ended by the demo's today: reporter1's
 * agency, so its reporter sees a draft in progress, and a few others. Reporter2's agency has not: it
 * is busy with its returned quarter.
 */
export function assignOpenDrafts(rng: Random, agencyCount: number): boolean[] {
  const started = Array.from({ length: agencyCount }, (_, i) => i === 0);
  const others = rng.shuffle(Array.from({ length: agencyCount - 2 }, (_, i) => i + 2));
  for (const agency of others.slice(0, Math.max(1, Math.round(agencyCount * 0.12)))) started[agency] = true;
  return started;
}
