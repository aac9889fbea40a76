/**
 * The API's response shapes, derived from the server's own route definitions (`AppType`, Hono RPC)
 * so the web app can never drift from what the API really sends. Only types are imported: none of
 * the server's code reaches the browser bundle.
 */
import type { hc, InferResponseType } from 'hono/client';
import type { AppType } from '../../../api/app';

// `AppType` is the router mounted at /api, so its paths start after the /api prefix.
type Api = ReturnType<typeof hc<AppType>>;

/** `GET /api/me` and `POST /api/auth/login`: the signed-in person. */
export type MeResponse = InferResponseType<Api['me']['$get'], 200>;

/** `POST /api/auth/logout`. */
export type SignOutResponse = InferResponseType<Api['auth']['logout']['$post'], 200>;

/** The signed-in person. Reporters always have an agency; admins and viewers usually do not. */
export type Me = MeResponse['user'];

/** What a signed-in person can do: run the coalition, report for one agency, or read. */
export type Role = Me['role'];

/** `GET /api/agencies/{agencyCode}/submissions` — newest quarter first. */
export type AgencySubmissionsResponse = InferResponseType<
  Api['agencies'][':agencyCode']['submissions']['$get'],
  200
>;

/** A member agency, as the API names it. */
export type Agency = AgencySubmissionsResponse['agency'];

/** The kind of member agency (`victim_services`, `law_enforcement`, …). */
export type AgencyType = Agency['type'];

/** One quarter from an agency's point of view. Dates are YYYY-MM-DD; `submittedAt` is an ISO timestamp. */
export type AgencyQuarter = AgencySubmissionsResponse['quarters'][number];

/** Where one agency's report for one quarter stands. */
export type SubmissionStatus = AgencyQuarter['status'];

/** `GET /api/completeness/summary?quarters=n` — newest quarter first. */
export type CompletenessSummaryResponse = InferResponseType<Api['completeness']['summary']['$get'], 200>;

/** How many agencies stand where for one quarter, out of `expected`. */
export type QuarterCompleteness = CompletenessSummaryResponse['quarters'][number];

/** `GET /api/periods` — newest first. */
export type PeriodsResponse = InferResponseType<Api['periods']['$get'], 200>;

/** A reporting period as any signed-in person sees it. */
export type ReportingPeriod = PeriodsResponse['periods'][number];
