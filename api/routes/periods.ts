import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { forbidden } from '../errors';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { canViewPeriods } from '../permissions';
import { listPeriodCompleteness } from '../queries/periods';

const periodList = z.object({
  periods: z.array(
    z.object({
      period: z.string().describe('The quarter, like 2026Q3'),
      startDate: z.iso.date(),
      endDate: z.iso.date(),
      deadline: z.iso.date().describe('The last day to submit on time'),
      open: z.boolean().describe('Whether agencies may still enter numbers'),
      expected: z.number().int().describe('Active agencies expected to report'),
      approved: z.number().int().describe('Of those, how many have an approved report'),
    }),
  ),
});

/** Reporting periods with how many agencies' reports are approved: which quarters have data. */
export const periodRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['Reporting periods'],
    summary: 'Every reporting period, newest first, with how many agencies’ reports are approved',
    description: 'Which quarters have data, for anyone signed in.',
    security: callers.signedIn,
    responses: {
      200: jsonResponse('The periods', periodList),
      ...errorResponses({ 401: notSignedInWords }),
    },
  }),
  (c) => {
    const user = requireUser(c);
    if (!canViewPeriods(user)) throw forbidden();
    const periods = listPeriodCompleteness(c.var.db).map(({ id: _id, code, ...rest }) => ({
      period: code,
      ...rest,
    }));
    return c.json({ periods });
  },
);
