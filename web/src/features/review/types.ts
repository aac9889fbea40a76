/**
 * The review queue reads `GET /api/submissions?period=`, whose shape the submissions feature names
 * from the server's route; these aliases name the parts this page uses.
 */
import type { SubmissionListResponse } from '../submissions/types';

/** Every agency's submission for the quarter under review. */
export type ReviewQueueResponse = SubmissionListResponse;

/** One agency's submission for the quarter under review. */
export type QueueEntry = ReviewQueueResponse['submissions'][number];
