/**
 * Names for the agency API token answers the page uses: the types `json()` gives for the routes, so
 * they come from the server's own definitions.
 */
import type { AnswerOf, Api } from '../../api/client';

/** `GET /api/agencies/{agency}/tokens`. */
export type TokenListResponse = AnswerOf<Api['agencies'][':agencyCode']['tokens']['$get']>;

/** An agency-scoped API token as listed: never its secret, only the first characters to recognise it by. */
export type ApiToken = TokenListResponse['tokens'][number];
