import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { intervals, periodSchema } from '../domain/periods';
import { callers, describeFields, errorResponses, jsonResponse } from '../openapi';
import { statsSeries, statsTable, statsTables } from '../services/stats';
import { validate } from '../validate';
import * as published from './published';

const dateRange =
  'Scope publishes fixed periods, never a date range: ask for one quarter (period=2026Q3), calendar year (period=2026) or federal fiscal year (period=FY2026).';
const agencySubset =
  'Published figures cover the coalition or one county (geo=coalition or a county code), never one agency or a chosen set of agencies.';

/** Why each parameter people try is refused: these would let figures be subtracted from each other. */
const refusals: Record<string, string> = {
  from: dateRange,
  to: dateRange,
  start: dateRange,
  end: dateRange,
  since: dateRange,
  until: dateRange,
  periods: dateRange,
  agency: agencySubset,
  agencies: agencySubset,
  exclude: agencySubset,
  county: 'Name a county with geo=, as in geo=SCL.',
};

const tableKeys = ['period', 'geo', 'audience'];
const seriesKeys = ['geo', 'interval', 'audience'];

/** A series covers every published period already, so a period (or a range of them) is refused by name. */
const seriesRefusals: Record<string, string> = {
  period:
    'A series covers every published period of its interval: leave out "period", or ask GET /api/stats/{table}?period= for one period.',
};

/**
 * Query parameters outside the published cube are refused by name, so nobody mistakes them for ignored.
 * `allowed` are the parameters of the endpoint; `extra` explains refusals particular to it.
 */
function refuseOutsideCube(allowed: readonly string[], extra: Record<string, string> = {}) {
  const allowedKeys = new Set(allowed);
  const listed =
    allowed.length === 1
      ? `${allowed[0]} is`
      : `${allowed.slice(0, -1).join(', ')} and ${allowed.at(-1)} are`;
  return (query: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const key of Object.keys(query)) {
      if (allowedKeys.has(key)) continue;
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message:
          extra[key] ??
          refusals[key] ??
          `"${key}" is not a parameter here: only ${listed}. Published tables are fixed; they can't be filtered or combined.`,
      });
    }
    for (const key of allowedKeys)
      if (Array.isArray(query[key]))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `Give "${key}" once: one ${allowedKeys.has('interval') ? 'interval' : 'period'} and one geography per request.`,
        });
  };
}

const audience = z.enum(['public', 'coalition'], 'The audience is "public" or "coalition".');

const geoParam = z
  .string()
  .regex(
    /^(coalition|[A-Za-z0-9]{2,16})$/,
    'Not a geography: use "coalition" or a county code, as in geo=SCL.',
  )
  .transform((s) => (s.toLowerCase() === 'coalition' ? 'coalition' : s.toUpperCase()));

export const tablesQuery = z
  .looseObject({ audience: z.unknown().optional() })
  .superRefine(refuseOutsideCube(['audience']))
  .pipe(z.object({ audience: audience.optional() }));

export const statsQuery = z
  .looseObject({
    period: z.unknown().optional(),
    geo: z.unknown().optional(),
    audience: z.unknown().optional(),
  })
  .superRefine(refuseOutsideCube(tableKeys))
  .pipe(
    z.object({
      period: periodSchema(intervals, `Not a published period. ${dateRange}`).optional(),
      geo: geoParam.optional(),
      audience: audience.optional(),
    }),
  );

const intervalWords =
  'The interval is "quarter", "year" (calendar years), "fy" (federal fiscal years), "half" (half-years) or "sfy" (California fiscal years).';

export const seriesQuery = z
  .looseObject({
    geo: z.unknown().optional(),
    interval: z.unknown().optional(),
    audience: z.unknown().optional(),
  })
  .superRefine(refuseOutsideCube(seriesKeys, seriesRefusals))
  .pipe(
    z.object({
      geo: geoParam.optional(),
      interval: z.enum(intervals, intervalWords).optional(),
      audience: audience.optional(),
    }),
  );

export const tableParams = z.object({
  table: z
    .string()
    .regex(
      /^[a-z0-9_]+(\.[a-z0-9_]+(:[a-z0-9_]+)?)?$/,
      'Not a table code: use one listed by GET /api/stats/tables.',
    )
    .describe(
      'A table code from `GET /api/stats/tables`: an element (`survivors_served`) for its total, `element.combination` (`survivors_served.gender`) for a breakdown, or `element.combination:grouping` (`survivors_served.type_age:age_minor_adult`) for a grouping of one.',
    ),
});

const geoWords =
  'The geography: `coalition` (the default) or a county code such as `SCL`. County figures are for signed-in members.';
/** What `audience` means wherever it may be given. */
export const audienceWords =
  'Whose figures: `public` (anyone) or `coalition` (signed-in members only). Left out, signed-out callers get the public figures and signed-in callers the coalition’s.';

/**
 * The statistics endpoints check their parameters in two steps (refuse anything outside the published
 * cube by name, then check the values), so the document shows the second step's parameters, in words.
 */
const documentedStatsQuery = describeFields(statsQuery.out, {
  period:
    'One published period, fixed: a quarter (`2026Q3`), a calendar year (`2026`) or a federal fiscal year (`FY2026`). Left out: the newest published quarter. Never a date range.',
  geo: geoWords,
  audience: audienceWords,
});
const documentedSeriesQuery = describeFields(seriesQuery.out, {
  geo: geoWords,
  interval:
    'How the series steps: `quarter` (the default), `half` (half-years), `year` (calendar years), `fy` (federal fiscal years) or `sfy` (California fiscal years). Every published period of the interval is included, oldest first.',
  audience: audienceWords,
});
const documentedTablesQuery = describeFields(tablesQuery.out, { audience: audienceWords });

/** Why the statistics endpoints refuse a parameter, in the words of their descriptions. */
const outsideTheCube =
  'Any other query parameter — `from`, `to`, `agency`, `agencies`, `exclude`, … — is refused with 400 and a message naming it: published tables are fixed periods and geographies, so figures can’t be filtered, combined or subtracted from each other.';

const statsRefusals = {
  400: 'invalid-request: a query parameter that isn’t one of this endpoint’s (the message names it), a period that is not published, an unknown table or geography, or county figures or a finer breakdown asked of the public figures',
  401: 'not-signed-in: the coalition’s figures need a signed-in member; invalid-token: the API token is not valid or was revoked',
  503: 'no-catalog: nothing has been set up yet',
} as const;

/**
 * Published statistics, read only from the cells releases stored. Signed out: the public figures;
 * signed in: the coalition's; anyone may ask for `audience=public`.
 */
export const statsRoutes = new Hono<AppEnv>()
  .get(
    '/tables',
    describeRoute({
      tags: ['Published statistics'],
      summary: 'The published tables, each with the periods and geographies that have figures',
      description: `The tables the publication plan publishes to the audience (signed out, the public’s; signed in, the members’, which include the public’s). A table the plan leaves out is not listed. \`countyBreakdowns\` says, per catalog section, why breakdowns are not published by county. ${outsideTheCube}`,
      security: callers.anyone,
      responses: {
        200: jsonResponse('The tables the audience can read', published.statsTableList),
        ...errorResponses(statsRefusals),
      },
    }),
    validate('query', tablesQuery, documentedTablesQuery),
    (c) => c.json(statsTables(c.var.db, c.var.user, c.req.valid('query').audience)),
  )
  .get(
    '/:table/series',
    describeRoute({
      tags: ['Published statistics'],
      summary: 'One table over every published quarter, year or fiscal year: a trend in one request',
      description: `For each published period of the interval, oldest first, what \`GET /api/stats/{table}\` gives for it: cells (hidden ones null and suppressed), completeness, unduplicated range and release. A series always covers every published period, so \`period\` is refused here. ${outsideTheCube}`,
      security: callers.anyone,
      responses: {
        200: jsonResponse('The series', published.statsSeries),
        ...errorResponses(statsRefusals),
      },
    }),
    validate('param', tableParams),
    validate('query', seriesQuery, documentedSeriesQuery),
    (c) => {
      c.header('Vary', 'Cookie');
      return c.json(statsSeries(c.var.db, c.var.user, c.req.valid('param').table, c.req.valid('query')));
    },
  )
  .get(
    '/:table',
    describeRoute({
      tags: ['Published statistics'],
      summary: 'One table for one published period and geography',
      description: `Exactly the cells the release stored: hidden cells have \`value: null\` and \`suppressed: true\`. With the table come its completeness (agencies reported of those expected), for survivors served the unduplicated range, and the release that published it. Periods are fixed — a quarter (2026Q3), a half-year (2026H1), a calendar year (2026), a federal fiscal year (FY2026) or a California fiscal year (SFY2026) — and geographies are the coalition or one county. ${outsideTheCube}`,
      security: callers.anyone,
      responses: {
        200: jsonResponse('The table', published.statsTable),
        ...errorResponses({ ...statsRefusals, 404: 'not-found: nothing has been published yet' }),
      },
    }),
    validate('param', tableParams),
    validate('query', statsQuery, documentedStatsQuery),
    (c) => {
      c.header('Vary', 'Cookie');
      return c.json(statsTable(c.var.db, c.var.user, c.req.valid('param').table, c.req.valid('query')));
    },
  );
