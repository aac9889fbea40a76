/**
 * Response shapes of the agency API token endpoints, derived from the server's routes (`AppType`,
 * Hono RPC) so the page can't drift from what the API sends. Only types are imported.
 */
import type { hc, InferResponseType } from 'hono/client';
import type { AppType } from '../../../../api/app';

type Api = ReturnType<typeof hc<AppType>>;
type AgencyTokens = Api['agencies'][':agencyCode']['tokens'];

/** `GET /api/agencies/{agency}/tokens`. */
export type TokenListResponse = InferResponseType<AgencyTokens['$get'], 200>;

/** An agency-scoped API token as listed: never its secret, only the first characters to recognise it by. */
export type ApiToken = TokenListResponse['tokens'][number];

/** `POST /api/agencies/{agency}/tokens` (201): the one and only time the secret is sent. */
export type CreatedTokenResponse = InferResponseType<AgencyTokens['$post'], 201>;

/** `DELETE /api/agencies/{agency}/tokens/{id}`. */
export type RevokeTokenResponse = InferResponseType<AgencyTokens[':tokenId']['$delete'], 200>;
