/**
 * Names for the parts of the API's answers that pages share. Each is the type `json()` (client.ts) gives
 * for its route, so it comes from the server's own route definitions (`AppType`) and can never
 * drift from what the API really sends. Only types are imported.
 */
import type { AnswerOf, Api } from './client';

/** `GET /api/me` and `POST /api/auth/login`: the signed-in person. */
export type MeResponse = AnswerOf<Api['me']['$get']>;

/** The signed-in person. Reporters always have an agency; admins and viewers usually do not. */
export type Me = MeResponse['user'];

/** What a signed-in person can do: run the coalition, report for one agency, or read. */
export type Role = Me['role'];

/** `GET /api/agencies/{agencyCode}/submissions` — newest quarter first. */
export type AgencySubmissionsResponse = AnswerOf<Api['agencies'][':agencyCode']['submissions']['$get']>;

/** One quarter from an agency's point of view. Dates are YYYY-MM-DD; `submittedAt` is an ISO timestamp. */
export type AgencyQuarter = AgencySubmissionsResponse['quarters'][number];

/** Where one agency's report for one quarter stands. */
export type SubmissionStatus = AgencyQuarter['status'];

/** `GET /api/completeness/summary?quarters=n` — newest quarter first. */
export type CompletenessSummaryResponse = AnswerOf<Api['completeness']['summary']['$get']>;

/** How many agencies stand where for one quarter, out of `expected`. */
export type QuarterCompleteness = CompletenessSummaryResponse['quarters'][number];

/** `GET /api/periods` — newest first. */
export type PeriodsResponse = AnswerOf<Api['periods']['$get']>;

/** A reporting period as any signed-in person sees it. */
export type ReportingPeriod = PeriodsResponse['periods'][number];
