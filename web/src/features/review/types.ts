/**
 * The review queue reads `GET /api/submissions?period=`, whose shape the submissions feature owns
 * (and derives from the server once its route exists); these aliases name the parts this page uses.
 */
import type { SubmissionListResponse } from '../submissions/types';

export type ReviewQueueResponse = SubmissionListResponse;

/** One agency's submission for the quarter under review. */
export type QueueEntry = ReviewQueueResponse['submissions'][number];
