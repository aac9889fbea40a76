import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { periodKinds } from '../domain/periods';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { publicationPlanView } from '../services/plan';

const grains = z.array(z.enum(periodKinds));
const reach = z
  .object({ coalition: grains.optional(), county: grains.optional() })
  .nullable()
  .describe(
    'The period grains published coalition-wide and for each county; null: not published to this audience',
  );

const planResponse = z
  .object({
    version: z.number().int(),
    label: z.string(),
    catalog: z.object({ version: z.number().int(), label: z.string() }),
    countyBreakdownAgencies: z
      .number()
      .int()
      .describe(
        'Breakdowns by county are published only where every county has at least this many reporting agencies',
      ),
    tables: z.array(
      z.object({
        table: z.string().describe('The table code the statistics API serves it under'),
        element: z.string(),
        breakdown: z.string().nullable().describe('The breakdown or grouping in words; null for the total'),
        note: z.string().nullable(),
        members: reach,
        public: reach,
      }),
    ),
  })
  .meta({ id: 'PublicationPlan' });

/** The publication plan of the current catalog version, for anyone signed in. */
export const planRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({
    tags: ['Published statistics'],
    summary: 'The publication plan: which tables are published, to whom, where and how often',
    description:
      'Data beside the catalog, versioned with it. A table the plan leaves out is not published at all; the statistics API serves only the tables, period grains and geographies listed here.',
    security: callers.signedIn,
    responses: {
      200: jsonResponse('The plan in force', planResponse),
      ...errorResponses({ 401: notSignedInWords }),
    },
  }),
  (c) => {
    requireUser(c);
    return c.json(publicationPlanView(c.var.db));
  },
);
