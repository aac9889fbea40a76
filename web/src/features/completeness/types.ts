/**
 * Names for the parts of `GET /api/completeness` the page uses. They are the type `json()` gives for
 * the route, so they come from the server's own definition and can't drift from what it sends.
 */
import type { AnswerOf, Api } from '../../api/client';

/** `GET /api/completeness?quarters=&county=&type=`. */
export type CompletenessResponse = AnswerOf<Api['completeness']['$get']>;

/** A quarter in the matrix, newest first. `pastDeadline` is the server's judgement of today. */
export type CompletenessPeriod = CompletenessResponse['periods'][number];

/** A county the coalition serves, for the county filter. */
export type County = CompletenessResponse['counties'][number];

/** One row of the matrix: an agency and its report for each quarter, keyed by quarter code. */
export type CompletenessAgency = CompletenessResponse['agencies'][number];

/** One agency's report for one quarter, as the matrix shows it. */
export type CompletenessCell = CompletenessAgency['cells'][string];

/** `GET /api/completeness/reminders?period=`: the agencies to remind and their reminders. */
export type ReminderOverview = AnswerOf<Api['completeness']['reminders']['$get']>;

/** One agency missing the quarter, as the reminder panel lists it. */
export type ReminderAgency = ReminderOverview['agencies'][number];
