/**
 * Names for the parts of the releases API's answers this page uses. They are the types `json()`
 * gives for the routes, so they come from the server's own definitions and can't drift.
 */
import type { AnswerOf, Api } from '../../api/client';

export type { Audience } from '../../../../api/disclosure/types';

/** One release of one quarter, as `GET /api/releases` lists it (admins also see computing and failed ones). */
export type Release = AnswerOf<Api['releases']['$get']>['releases'][number];

/** Where a release stands. `superseded`: a later correction of the same quarter replaced it. */
export type ReleaseStatus = Release['status'];

/** How far a computing release has got, in the step the server names. */
export type ReleaseProgress = NonNullable<Release['progress']>;

/** What protection did for one audience, and whether its audit passed. Shares are fractions 0–1. */
export type AudienceSummary = NonNullable<Release['audiences']['coalition']>;

/** `GET /api/releases/preview?period=`: what publishing the quarter now would include. */
export type ReleasePreview = AnswerOf<Api['releases']['preview']['$get']>;

/** An agency without an approved report for the quarter, and where its report stands. */
export type MissingAgency = ReleasePreview['missingAgencies'][number];
