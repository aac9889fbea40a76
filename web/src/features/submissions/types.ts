/**
 * Names for the parts of the submissions API the form and history use. They are the types `json()`
 * gives for the routes (and the routes' own request bodies), so they come from the server's own
 * definitions and can never drift. Error `details` are not part of a route's type, so their one
 * shape the web reads is written out here, matching the API contract.
 */
import type { InferRequestType } from 'hono/client';
import type { Finding } from '../../../../api/domain/validation';
import type { AnswerOf, Api } from '../../api/client';

export type { Finding };

type OneSubmission = Api['submissions'][':agency'][':period'];

/** `GET /api/submissions/{agency}/{period}`, and the answer to every change to it. */
export type SubmissionDetail = AnswerOf<OneSubmission['$get']>;

/** `PUT …/values`: null clears a cell or an explanation; cells not named are left alone. */
export type SaveValuesBody = InferRequestType<OneSubmission['values']['$put']>['json'];

/** `POST …/submit`: explanations, and `checkedCopied` for a draft started from the previous quarter. */
export type SubmitBody = InferRequestType<OneSubmission['submit']['$post']>['json'];

/** `POST …/copy-previous`: the draft with the copied counts, and what was copied or left out. */
export type CopyPreviousResponse = AnswerOf<OneSubmission['copy-previous']['$post']>;

/** One submitted revision (`GET …/revisions`, newest first), with who sent it and its reviews. */
export type RevisionSummary = AnswerOf<OneSubmission['revisions']['$get']>['revisions'][number];

/** One review of a revision: approved, returned with a comment, or reopened with a reason. */
export type RevisionReview = RevisionSummary['reviews'][number];

/** `GET …/diff?from=&to=`; `to` may be `draft`. */
export type DiffResponse = AnswerOf<OneSubmission['diff']['$get']>;

/** One changed cell, in a comparison or an upload preview. */
export type CellChange = DiffResponse['changes'][number];

/** `POST …/upload?dryRun=`. */
export type UploadResponse = AnswerOf<OneSubmission['upload']['$post']>;

/** `GET /api/submissions?period=`. */
export type SubmissionListResponse = AnswerOf<Api['submissions']['$get']>;

/** One problem in a refused upload (`error.details`): `row` is the file's line number, 1 being the header. */
export type UploadProblem = { row: number | null; column: string | null; message: string };
