/**
 * Response shape of `GET /api/completeness`, derived from the server's route (`AppType`, Hono RPC)
 * so the page can't drift from what the API sends. Only types are imported.
 */
import type { hc, InferResponseType } from 'hono/client';
import type { AppType } from '../../../../api/app';

type Api = ReturnType<typeof hc<AppType>>;

/** `GET /api/completeness?quarters=&county=&type=`. */
export type CompletenessResponse = InferResponseType<Api['completeness']['$get'], 200>;

/** A quarter in the matrix, newest first. `pastDeadline` is the server's judgement of today. */
export type CompletenessPeriod = CompletenessResponse['periods'][number];

/** A county the coalition serves, for the county filter. */
export type County = CompletenessResponse['counties'][number];

/** One row of the matrix: an agency and its report for each quarter, keyed by quarter code. */
export type CompletenessAgency = CompletenessResponse['agencies'][number];

/** One agency's report for one quarter, as the matrix shows it. */
export type CompletenessCell = CompletenessAgency['cells'][string];
