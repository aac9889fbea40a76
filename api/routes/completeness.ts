import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { agencyTypes } from '../domain/agencyTypes';
import { todayOf } from '../domain/clock';
import { forbidden } from '../errors';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { canViewCompleteness } from '../permissions';
import { completenessMatrix, summarizeCompleteness } from '../queries/submissions';
import { withEntryWindows } from '../services/entry';
import { validate } from '../validate';
import { clockOf } from './clock';
import { entryWindowFields } from './periods';
import { submissionStatus } from './submissions';

const summaryQuery = z.object({
  quarters: z.coerce
    .number()
    .int()
    .min(1, 'Ask for at least one quarter.')
    .max(40)
    .default(4)
    .describe('How many of the newest quarters'),
});

const matrixQuery = z.object({
  quarters: z.coerce
    .number()
    .int()
    .min(1, 'Ask for at least one quarter.')
    .max(40)
    .default(8)
    .describe('How many of the newest quarters'),
  county: z
    .string()
    .regex(/^[A-Z0-9]{2,16}$/, 'Not a county code.')
    .optional()
    .describe('Only agencies based in or serving this county, by its code (`SCL`)'),
  type: z.enum(agencyTypes).optional().describe('Only agencies of this type'),
});

const pastDeadline = z.boolean().describe('Whether the deadline has passed');

const matrixResponse = z.object({
  periods: z.array(
    z.object({ code: z.string(), deadline: z.iso.date(), ...entryWindowFields, pastDeadline }),
  ),
  counties: z.array(z.object({ code: z.string(), name: z.string() })),
  agencies: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      type: z.enum(agencyTypes),
      county: z.string().describe('The county the agency is based in'),
      firstPeriod: z
        .string()
        .nullable()
        .describe('The first quarter it reports for; null: from the coalition’s first'),
      cells: z
        .record(
          z.string(),
          z.object({
            status: submissionStatus,
            late: z.boolean().describe('The first submit came after the deadline'),
            revision: z.number().int(),
          }),
        )
        .describe('The agency’s report in each quarter, by quarter code; none before its first quarter'),
    }),
  ),
});

const summaryResponse = z.object({
  quarters: z.array(
    z.object({
      period: z.string(),
      deadline: z.iso.date(),
      ...entryWindowFields,
      pastDeadline,
      expected: z.number().int().describe('Active agencies expected to report (from their first quarter on)'),
      approved: z.number().int(),
      submitted: z.number().int().describe('Submitted and awaiting review'),
      returned: z.number().int(),
      draft: z.number().int(),
      notStarted: z.number().int(),
      late: z.number().int().describe('Reports first submitted after the deadline'),
    }),
  ),
});

const adminsOnly = errorResponses({
  401: notSignedInWords,
  403: 'forbidden: only coalition admins see who has reported',
});

/** Which agencies have reported, for admins chasing missing reports. */
export const completenessRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags: ['Completeness (admins)'],
      summary: 'Who has reported: every active agency × the newest quarters, with the state of each report',
      security: callers.signedIn,
      responses: { 200: jsonResponse('The matrix', matrixResponse), ...adminsOnly },
    }),
    validate('query', matrixQuery),
    (c) => {
      const user = requireUser(c);
      if (!canViewCompleteness(user)) throw forbidden();
      const { quarters, county, type } = c.req.valid('query');
      const today = todayOf(clockOf(c));
      const matrix = completenessMatrix(c.var.db, {
        quarters,
        county: county ?? null,
        agencyType: type ?? null,
      });
      return c.json({
        ...matrix,
        periods: withEntryWindows(c.var.db, matrix.periods, (p) => p.code, today).map(
          ({ id: _id, ...p }) => ({
            ...p,
            pastDeadline: today > p.deadline,
          }),
        ),
      });
    },
  )
  .get(
    '/summary',
    describeRoute({
      tags: ['Completeness (admins)'],
      summary: 'For each of the newest quarters, how many agencies are in each state',
      security: callers.signedIn,
      responses: { 200: jsonResponse('The quarters, newest first', summaryResponse), ...adminsOnly },
    }),
    validate('query', summaryQuery),
    (c) => {
      const user = requireUser(c);
      if (!canViewCompleteness(user)) throw forbidden();
      const today = todayOf(clockOf(c));
      const summary = summarizeCompleteness(c.var.db, c.req.valid('query').quarters);
      const quarters = withEntryWindows(c.var.db, summary, (q) => q.period, today).map((q) => ({
        ...q,
        pastDeadline: today > q.deadline,
      }));
      return c.json({ quarters });
    },
  );
