import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { describeAuditEntry } from '../domain/auditWords';
import { forbidden } from '../errors';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { canReadAuditLog } from '../permissions';
import { listAuditEntries, listAuditFacets, verifyAuditChain } from '../queries/audit';
import { validate } from '../validate';

const day = z.iso.date('Give a day as YYYY-MM-DD, like 2026-10-01.');

export const auditLogQuery = z
  .object({
    action: z.string().max(60).optional().describe('Only entries of this action, like `approve`'),
    entityType: z
      .string()
      .max(60)
      .optional()
      .describe('Only entries about this kind of thing, like `submission`'),
    user: z.coerce.number().int().min(1).optional().describe('Only entries by this person, by user id'),
    from: day.optional().describe('From this day (UTC), inclusive'),
    to: day.optional().describe('To this day (UTC), inclusive'),
    page: z.coerce.number().int().min(1).default(1).describe('Which page, from 1 (newest entries)'),
    pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('Entries per page'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The first day must not be after the last day.',
    path: ['to'],
  });

const auditLogResponse = z.object({
  entries: z.array(
    z.object({
      id: z.number().int(),
      at: z.iso.datetime(),
      user: z.object({ id: z.number().int(), name: z.string() }).nullable().describe('Null for the system'),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string().nullable(),
      description: z.string().describe('What the entry records, in words'),
      details: z.record(z.string(), z.unknown()),
      hash: z.string(),
    }),
  ),
  total: z.number().int().describe('Entries the filters match'),
  page: z.number().int(),
  pageSize: z.number().int(),
  filters: z
    .object({
      actions: z.array(z.string()),
      entityTypes: z.array(z.string()),
      users: z.array(z.object({ id: z.number().int(), name: z.string() })),
    })
    .describe('What the log can be filtered by'),
  chain: z
    .object({
      ok: z.boolean(),
      checked: z
        .number()
        .int()
        .describe('How many entries were checked: those from the oldest to the newest shown'),
      brokenAt: z.number().int().nullable().describe('The first entry whose link is broken'),
      problem: z.string().nullable(),
    })
    .describe(
      'Whether the hash chain is intact over the entries shown (`npm run audit:verify` checks it all)',
    ),
});

/** The most entries a page checks the chain over; `npm run audit:verify` checks them all. */
const maxCheckedEntries = 10_000;

/** The audit log, for admins. */
export const auditRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['Audit log (admins)'],
    summary: 'Who did what and when, newest first, filtered, with a check of the hash chain over the page',
    security: callers.people,
    responses: {
      200: jsonResponse('One page of the log', auditLogResponse),
      ...errorResponses({
        400: 'invalid-request: a filter is not valid (details says which)',
        401: notSignedInWords,
        403: 'forbidden: only coalition admins read the audit log',
      }),
    },
  }),
  validate('query', auditLogQuery),
  (c) => {
    if (!canReadAuditLog(requireUser(c))) throw forbidden('Only coalition admins can read the audit log.');
    const { page, pageSize, user, ...filters } = c.req.valid('query');
    const db = c.var.db;
    const { total, entries } = listAuditEntries(
      db,
      { ...filters, userId: user },
      { limit: pageSize, offset: (page - 1) * pageSize },
    );
    const ids = entries.map((e) => e.id);
    // A filtered page can span the whole log; a bounded stretch keeps the page quick (about 50 ms).
    const newest = Math.max(...ids);
    const chain =
      ids.length === 0
        ? null
        : verifyAuditChain(db, {
            fromId: Math.max(Math.min(...ids), newest - maxCheckedEntries + 1),
            toId: newest,
          });
    return c.json({
      entries: entries.map(({ userId, userName, agencyName, ...entry }) => ({
        id: entry.id,
        at: entry.at,
        user: userId === null ? null : { id: userId, name: userName ?? `user ${userId}` },
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        description: describeAuditEntry({ ...entry, agencyName }),
        details: entry.details,
        hash: entry.hash,
      })),
      total,
      page,
      pageSize,
      filters: listAuditFacets(db),
      chain: {
        ok: chain?.ok ?? true,
        checked: chain?.entries ?? 0,
        brokenAt: chain && !chain.ok ? chain.entryId : null,
        problem: chain && !chain.ok ? chain.problem : null,
      },
    });
  },
);
