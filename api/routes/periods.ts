import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { todayOf } from '../domain/clock';
import { forbidden } from '../errors';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { canViewPeriods } from '../permissions';
import { listPeriodCompleteness } from '../queries/periods';
import { closePeriodEarly, describePeriodEntry, openPeriodEarly } from '../services/entry';
import { validate } from '../validate';
import { clockOf } from './clock';
import { quarterCode } from './params';

/** Whether reporters may enter a quarter today, in every answer that names a quarter's entry. */
export const entryWindowFields = {
  open: z.boolean().describe('Whether reporters may enter numbers today'),
  opensOn: z.iso
    .date()
    .describe(
      'The day the quarter opens for entry without an admin: the day after it ends (in the coalition’s time zone)',
    ),
  openedEarly: z.boolean().describe('A coalition admin opened it for entry before it ended'),
};

const periodEntry = z
  .object({
    period: z.string().describe('The quarter, like 2026Q3'),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    deadline: z.iso.date().describe('The last day to submit on time'),
    ...entryWindowFields,
  })
  .meta({ id: 'PeriodEntry' });

const periodList = z.object({
  periods: z.array(
    periodEntry.extend({
      expected: z.number().int().describe('Active agencies expected to report'),
      approved: z.number().int().describe('Of those, how many have an approved report'),
    }),
  ),
});

const periodParam = z.object({ period: quarterCode.describe('The quarter, like 2026Q4') });

/** Opening a quarter early or closing it again: who may, and what refuses it. */
const earlyEntry = (summary: string, description: string) =>
  describeRoute({
    tags: ['Reporting periods'],
    summary,
    description,
    security: callers.people,
    responses: {
      200: jsonResponse('The quarter’s dates and entry window as they now stand', periodEntry),
      ...errorResponses({
        400: 'invalid-request: not a quarter',
        401: notSignedInWords,
        403: 'forbidden: only coalition admins, as people; period-closed: the coalition has closed the quarter',
        404: 'not-found: no such reporting period',
        409: 'period-ended: the quarter has ended, so opening it early no longer applies',
      }),
    },
  });

/**
 * Reporting periods with how many agencies' reports are approved (which quarters have data) and
 * whether each is open for entry; admins open a quarter for entry before it ends, or close it again.
 */
export const periodRoutes = new Hono<AppEnv>()
  .get(
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
      const today = todayOf(clockOf(c));
      const periods = listPeriodCompleteness(c.var.db).map((p) => ({
        ...describePeriodEntry(p, today),
        expected: p.expected,
        approved: p.approved,
      }));
      return c.json({ periods });
    },
  )
  .put(
    '/:period/entry',
    earlyEntry(
      'Open a quarter for entry before it ends, for every agency',
      'Reporters may then save, upload and submit its report at once. Recorded in the audit log; opening a quarter already open early changes nothing.',
    ),
    validate('param', periodParam),
    (c) => c.json(openPeriodEarly(c.var.db, requireUser(c), c.req.valid('param').period, clockOf(c))),
  )
  .delete(
    '/:period/entry',
    earlyEntry(
      'Close a quarter opened early, until it ends',
      'Drafts already saved stay as they are; reporters can change them again once the quarter opens. Recorded in the audit log.',
    ),
    validate('param', periodParam),
    (c) => c.json(closePeriodEarly(c.var.db, requireUser(c), c.req.valid('param').period, clockOf(c))),
  );
