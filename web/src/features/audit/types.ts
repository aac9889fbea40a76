/**
 * Names for the parts of `GET /api/audit-log` the page uses, taken from the route's own type so they
 * can't drift from what the server sends.
 */
import type { AnswerOf, Api } from '../../api/client';

/** One page of the audit log, newest first. */
export type AuditLogResponse = AnswerOf<Api['audit-log']['$get']>;

/** One entry, with who did it and what it records in words. */
export type AuditLogEntry = AuditLogResponse['entries'][number];

/** What the log can be filtered by. */
export type AuditLogChoices = AuditLogResponse['filters'];
