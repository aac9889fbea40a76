/**
 * The submissions API's shapes, derived from the server's own route definitions (`AppType`, Hono
 * RPC) so the form can never drift from what the API really sends. Only types are imported: none
 * of the server's code reaches the browser bundle. Error `details` are not part of a route's type,
 * so their shapes are written out here, matching the API contract.
 */
import type { hc, InferRequestType, InferResponseType } from 'hono/client';
import type { AppType } from '../../../../api/app';
import type { Finding } from '../../../../api/domain/validation';

export type { Finding };

type Api = ReturnType<typeof hc<AppType>>;
type OneSubmission = Api['submissions'][':agency'][':period'];

/** `GET /api/catalog/{versionId}`: one immutable catalog version. */
export type CatalogVersionResponse = InferResponseType<Api['catalog'][':versionId']['$get'], 200>;

/** `GET /api/submissions/{agency}/{period}`, and the answer to every change to it. */
export type SubmissionDetail = InferResponseType<OneSubmission['$get'], 200>;

/** What the signed-in person may do with one submission. */
export type SubmissionPermissions = SubmissionDetail['permissions'];

/** `PUT …/values`: null clears a cell or an explanation; cells not named are left alone. */
export type SaveValuesBody = InferRequestType<OneSubmission['values']['$put']>['json'];

/** `GET …/revisions`, newest first. */
export type RevisionsResponse = InferResponseType<OneSubmission['revisions']['$get'], 200>;

/** One submitted revision, with who sent it and its reviews. */
export type RevisionSummary = RevisionsResponse['revisions'][number];

/** One review of a revision: approved, returned with a comment, or reopened with a reason. */
export type RevisionReview = RevisionSummary['reviews'][number];

/** `GET …/diff?from=&to=`; `to` may be `draft`. */
export type DiffResponse = InferResponseType<OneSubmission['diff']['$get'], 200>;

/** One changed cell, in a comparison or an upload preview. */
export type CellChange = DiffResponse['changes'][number];

/** `POST …/upload?dryRun=`. */
export type UploadResponse = InferResponseType<OneSubmission['upload']['$post'], 200>;

/** `GET /api/submissions?period=`. */
export type SubmissionListResponse = InferResponseType<Api['submissions']['$get'], 200>;

/** One problem in a refused upload (`error.details`): `row` is the file's line number, 1 being the header. */
export type UploadProblem = { row: number | null; column: string | null; message: string };
