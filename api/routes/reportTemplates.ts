import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { periodKinds } from '../domain/periods';
import { planAudiences } from '../domain/plan';
import { reportTemplateSchema } from '../domain/reportTemplateSchema';
import { ApiError } from '../errors';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { readReportTemplates } from '../services/reportTemplates';

const kinds = z.array(z.enum(periodKinds));
const templateResponse = reportTemplateSchema
  .extend({
    publication: z
      .array(
        z.object({
          section: z.string().describe('The code of a table, chart or trend section'),
          needs: z
            .enum(planAudiences)
            .describe('public: the plan publishes its figures to the public; members: to members only'),
          periodKinds: kinds.describe('The report periods the section is for'),
          shownAt: z
            .object({ coalition: kinds.optional(), county: kinds.optional() })
            .describe('Those of its periods at which a protected report can show it, for each area'),
          countyPeriods: z
            .object({ kind: z.enum(periodKinds), count: z.number().int() })
            .optional()
            .describe('A trend’s periods for a county, where the plan does not publish its own by county'),
        }),
      )
      .describe('Where the publication plan publishes each section’s figures'),
    notes: z
      .array(z.string())
      .describe('In words, each section a protected report cannot show at some of its periods or areas'),
  })
  .meta({ id: 'ReportTemplate' });

/** The grant-report templates in `data/reports`, for anyone signed in. */
export const reportTemplateRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['Grant reports'],
    summary: 'The grant-report templates: what each report holds, for which periods, areas and funders',
    description:
      'Data in `data/reports`, one file a report, checked against the catalog and the publication plan. A protected report shows only tables the plan publishes; `publication` and `notes` say where each section can be shown.',
    security: callers.signedIn,
    responses: {
      200: jsonResponse('Every template, in file-name order', z.array(templateResponse)),
      ...errorResponses({
        401: notSignedInWords,
        503: 'report-templates-invalid: a template file does not fit; the message names the file and what to fix',
      }),
    },
  }),
  (c) => {
    requireUser(c);
    try {
      return c.json(readReportTemplates());
    } catch (error) {
      throw new ApiError(503, 'report-templates-invalid', (error as Error).message);
    }
  },
);
