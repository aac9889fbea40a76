/**
 * Names for the publication plan's answer, from the server's own route types so they can't drift.
 */
import type { AnswerOf, Api } from '../../api/client';

/** `GET /api/publication-plan`: the plan in force, in words, with its catalog and the county minimum. */
export type PublicationPlan = AnswerOf<Api['publication-plan']['$get']>;

/** One table of the plan: what it is and, for each audience, where and how often it is published. */
export type PlanTable = PublicationPlan['tables'][number];

/** Where and how often one audience sees a table; null when it is not published to that audience. */
export type PlanReach = PlanTable['members'];
