/**
 * The releases API's shapes, derived from the server's own route definitions (`AppType`, Hono RPC)
 * so this page can never drift from what the API really sends. Only types are imported.
 */
import type { hc, InferResponseType } from 'hono/client';
import type { AppType } from '../../../../api/app';

export type { Audience } from '../../../../api/disclosure/types';

type Api = ReturnType<typeof hc<AppType>>;

/** `GET /api/releases`: newest first. Admins also see computing and failed releases. */
export type ReleaseListResponse = InferResponseType<Api['releases']['$get'], 200>;

/** One release of one quarter. */
export type Release = ReleaseListResponse['releases'][number];

/** Where a release stands. `superseded`: a later correction of the same quarter replaced it. */
export type ReleaseStatus = Release['status'];

/** How far a computing release has got, in the step the server names. */
export type ReleaseProgress = NonNullable<Release['progress']>;

/** What protection did for one audience, and whether its audit passed. Shares are fractions 0–1. */
export type AudienceSummary = NonNullable<Release['audiences']['coalition']>;

/** `GET /api/releases/{id}`, and the answer to `POST /api/releases`. */
export type ReleaseResponse = InferResponseType<Api['releases'][':id']['$get'], 200>;

/** `GET /api/releases/preview?period=`: what publishing the quarter now would include. */
export type ReleasePreview = InferResponseType<Api['releases']['preview']['$get'], 200>;

/** An agency without an approved report for the quarter, and where its report stands. */
export type MissingAgency = ReleasePreview['missingAgencies'][number];

/** `GET /api/releases/policy`: the thresholds the next release will be protected with (admin only). */
export type DisclosurePolicyResponse = InferResponseType<Api['releases']['policy']['$get'], 200>;
