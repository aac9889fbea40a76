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
import { recordCopiedReminders, reminderOverview, sendReminders } from '../services/reminders';
import { validate } from '../validate';
import { clockOf } from './clock';
import { agencyCode, quarterCode } from './params';
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

const missingStatus = z.enum(['not_started', 'draft', 'returned']);

const remindersQuery = z.object({ period: quarterCode.describe('The quarter to chase (`2026Q3`)') });

const agencyCodes = z
  .array(agencyCode)
  .min(1, 'Choose at least one agency to remind.')
  .max(500)
  .describe('The agencies to remind, by code');

const sendRemindersBody = z.object({
  period: quarterCode.describe('The quarter the reminders are about'),
  agencies: agencyCodes,
  note: z
    .string()
    .max(2000, 'Keep your note under 2,000 characters.')
    .nullish()
    .describe('A few words of your own, added to each reminder (no personal data)'),
});

const copiedBody = z.object({
  period: quarterCode.describe('The quarter the reminders are about'),
  agencies: agencyCodes,
});

const remindersResponse = z.object({
  period: z.object({ code: z.string(), deadline: z.iso.date(), pastDeadline }),
  mailConfigured: z.boolean().describe('Whether Scope sends mail itself (SCOPE_SMTP_URL is set)'),
  agencies: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      status: missingStatus,
      reporters: z
        .array(z.object({ name: z.string(), email: z.string() }))
        .describe('The agency’s active reporters: whom a reminder goes to'),
      lastReminded: z
        .object({ at: z.iso.datetime(), channel: z.enum(['mail', 'copy']) })
        .nullable()
        .describe('The latest reminder for this quarter, mailed or copied'),
      inviteUrl: z.string().nullable().describe('Where to invite a reporter, when the agency has none'),
      text: z.string().describe('Its reminder, subject line first, to read or copy'),
    }),
  ),
  textForAll: z
    .string()
    .nullable()
    .describe('One reminder for every agency listed, naming none (for a BCC); null when none is missing'),
});

const sendResponse = z.object({
  period: z.string(),
  mailProblem: z
    .string()
    .nullable()
    .describe('Why some reminders were not mailed (mail not set up, or the mail server’s error)'),
  results: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      outcome: z.enum(['sent', 'copy', 'no-reporter', 'not-missing']),
      recipients: z.number().int(),
      message: z.string().describe('What happened, in words'),
      text: z.string().nullable().describe('The reminder to send by hand, when it was not mailed'),
      inviteUrl: z.string().nullable(),
    }),
  ),
});

const copiedResponse = z.object({
  period: z.string(),
  agencies: z.array(z.string()),
  at: z.iso.datetime(),
});

const reminderErrors = (more: Parameters<typeof errorResponses>[0] = {}) =>
  errorResponses({
    401: notSignedInWords,
    403: 'forbidden: only coalition admins, signed in as people (never with an API token), remind agencies',
    404: 'not-found: Scope has no such quarter',
    ...more,
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
  )
  .get(
    '/reminders',
    describeRoute({
      tags: ['Completeness (admins)'],
      summary: 'The agencies missing a quarter’s report, whom a reminder would reach, and its text',
      description:
        'Active agencies expected for the quarter (from their first quarter on) whose report is not started, a draft or returned.',
      security: callers.people,
      responses: { 200: jsonResponse('The agencies to remind', remindersResponse), ...reminderErrors() },
    }),
    validate('query', remindersQuery),
    (c) => {
      const user = requireUser(c);
      const { db, config } = c.var;
      return c.json(reminderOverview(db, config, user, c.req.valid('query').period, c.var.now()));
    },
  )
  .post(
    '/reminders',
    describeRoute({
      tags: ['Completeness (admins)'],
      summary: 'Mail a reminder to the reporters of each chosen agency, and record it',
      description:
        'Without a mail server (or when it fails) nothing is sent or recorded: the answer says why and gives each reminder to copy. Agencies without a reporter, or whose report arrived meanwhile, are said to be so.',
      security: callers.people,
      responses: {
        200: jsonResponse('What happened to each agency’s reminder', sendResponse),
        ...reminderErrors({
          400: 'invalid-request: no agency chosen, or the note is too long; unknown-agency: a code is not an active agency; personal-data: the note looks like personal data',
        }),
      },
    }),
    validate('json', sendRemindersBody),
    async (c) => {
      const user = requireUser(c);
      const { db, config } = c.var;
      const { period, agencies, note } = c.req.valid('json');
      return c.json(
        await sendReminders(db, config, user, { period, agencyCodes: agencies, note }, c.var.now()),
      );
    },
  )
  .post(
    '/reminders/copied',
    describeRoute({
      tags: ['Completeness (admins)'],
      summary: 'Record that you copied these agencies’ reminders to send yourself',
      security: callers.people,
      responses: {
        200: jsonResponse('Recorded', copiedResponse),
        ...reminderErrors({ 400: 'unknown-agency: a code is not an active agency' }),
      },
    }),
    validate('json', copiedBody),
    (c) => {
      const user = requireUser(c);
      const { period, agencies } = c.req.valid('json');
      return c.json(recordCopiedReminders(c.var.db, user, { period, agencyCodes: agencies }, c.var.now()));
    },
  );
