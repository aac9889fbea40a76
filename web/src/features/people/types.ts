/**
 * Names for the people answers the pages use: the types `json()` gives for the routes, so they come
 * from the server's own definitions.
 */
import type { AnswerOf, Api } from '../../api/client';

/** `GET /api/people`. */
export type PeopleResponse = AnswerOf<Api['people']['$get']>;

/** Someone with a Scope account. */
export type Person = PeopleResponse['people'][number];

/** An invitation, never its link. */
export type Invitation = PeopleResponse['invitations'][number];

/** An agency a reporter can be invited to or moved to. */
export type AgencyChoice = PeopleResponse['agencies'][number];

/** A one-time link, shown once to copy, and whether Scope mailed it. */
export type Delivery = AnswerOf<Api['people'][':userId']['reset-link']['$post']>;

/** `GET /api/account-links/invitation/:token`: who an invitation is for. */
export type InvitationWelcome = AnswerOf<Api['account-links']['invitation'][':token']['$get']>;
