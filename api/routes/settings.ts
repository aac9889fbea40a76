import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { coalitionSettingsChange } from '../domain/coalitionSettings';
import { forbidden } from '../errors';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { canManageCoalition } from '../permissions';
import { changeCoalitionSettings, coalitionSettings } from '../services/coalitionSettings';
import { validate } from '../validate';

const thresholdsOf = z.object({ coalition: z.number().int(), public: z.number().int() });
const range = z.object({ min: z.number(), max: z.number(), default: z.number(), words: z.string() });

/** The settings page's whole answer. */
export const coalitionSettingsAnswer = z
  .object({
    settings: z.object({
      profile: z.object({
        name: z.string().nullable().describe('The coalition’s name; null before set-up'),
        shortName: z.string().nullable(),
        timeZone: z.string().describe('IANA time zone, like America/Los_Angeles'),
        deadlineDays: z.number().int().describe('Days after a quarter ends that its reports are due'),
        firstPeriod: z
          .string()
          .nullable()
          .describe('The first quarter collected; null: the earliest there is'),
        adminTwoFactor: z.enum(['required', 'optional']),
      }),
      firstPeriodFixed: z.boolean().describe('true once any agency has reported: the first quarter stays'),
      counties: z
        .array(
          z.object({
            code: z.string(),
            name: z.string(),
            fips: z.string().nullable().describe('Five-digit FIPS code; null for a county added without one'),
            state: z.string().nullable().describe('The state’s two-letter code'),
            basedHere: z.array(z.string()).describe('Active agencies based in the county'),
            servingHere: z.array(z.string()).describe('Active agencies based elsewhere that serve it'),
          }),
        )
        .describe('The counties the coalition serves'),
      states: z
        .array(
          z.object({
            code: z.string(),
            name: z.string(),
            counties: z.array(z.object({ fips: z.string(), name: z.string(), code: z.string() })),
          }),
        )
        .describe('Every state Scope has a geography file for, with its counties to choose from'),
      thresholds: z.object({
        policy: thresholdsOf.describe('The thresholds in force: counts of people below them are hidden'),
        minimums: thresholdsOf.describe('The lowest threshold each audience may have'),
      }),
      publication: z.object({
        settings: z.object({ provisionalShare: z.number(), countyBreakdownAgencies: z.number().int() }),
        ranges: z.object({ provisionalShare: range, countyBreakdownAgencies: range }),
      }),
      reports: z.object({
        confidentialReports: z.boolean().describe('Whether admins may make grant reports with exact counts'),
      }),
    }),
  })
  .meta({ id: 'CoalitionSettings' });

const adminsOnly = {
  401: notSignedInWords,
  403: 'forbidden: not a coalition admin signed in as a person (API tokens never change the coalition)',
} as const;

/** The coalition's settings, for its admins: read them all, change any of them at once. */
export const settingsRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags: ['Coalition'],
      summary:
        'The coalition’s settings: names, counties, reporting calendar, protection, grant reports, sign-in',
      security: callers.people,
      responses: {
        200: jsonResponse('The settings in force', coalitionSettingsAnswer),
        ...errorResponses(adminsOnly),
      },
    }),
    (c) => {
      const user = requireUser(c);
      if (!canManageCoalition(user)) throw forbidden('Only coalition admins see the coalition’s settings.');
      return c.json({ settings: coalitionSettings(c.var.db, c.var.config) });
    },
  )
  .patch(
    '/',
    describeRoute({
      tags: ['Coalition'],
      summary: 'Change any of the coalition’s settings, all or nothing',
      description:
        'Fields left out stay as they are. Every value is checked first; if any is refused, nothing changes. A new number of deadline days moves the deadline of quarters that have not ended; ended quarters keep theirs. Counties are the whole list served, by FIPS code: a county left out is removed, which is refused while an agency is based in or serves it.',
      security: callers.people,
      responses: {
        200: jsonResponse('The settings now in force', coalitionSettingsAnswer),
        ...errorResponses({
          ...adminsOnly,
          400: 'invalid-request: a value out of its range (the message names each field and why)',
          409: 'county-in-use: a county to remove still has agencies (named); county-code-taken: a county’s code is used by another unit; first-period-fixed: agencies have reported; not-set-up',
        }),
      },
    }),
    validate('json', coalitionSettingsChange),
    (c) =>
      c.json({
        settings: changeCoalitionSettings(
          c.var.db,
          requireUser(c),
          c.req.valid('json'),
          c.var.now(),
          c.var.config,
        ),
      }),
  );
