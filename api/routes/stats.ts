import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { intervals, periodSchema } from '../domain/periods';
import { statsSeries, statsTable, statsTables } from '../services/stats';
import { validate } from '../validate';

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
      interval: z
        .enum(
          ['quarter', 'year', 'fy'],
          'The interval is "quarter", "year" (calendar years) or "fy" (federal fiscal years).',
        )
        .optional(),
      audience: audience.optional(),
    }),
  );

export const tableParams = z.object({
  table: z
    .string()
    .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)?$/, 'Not a table code: use one listed by GET /api/stats/tables.'),
});

/**
 * Published statistics, read only from the cells releases stored. Signed out: the public figures;
 * signed in: the coalition's; anyone may ask for `audience=public`.
 */
export const statsRoutes = new Hono<AppEnv>()
  .get('/tables', validate('query', tablesQuery), (c) =>
    c.json(statsTables(c.var.db, c.var.user, c.req.valid('query').audience)),
  )
  .get('/:table/series', validate('param', tableParams), validate('query', seriesQuery), (c) => {
    c.header('Vary', 'Cookie');
    return c.json(statsSeries(c.var.db, c.var.user, c.req.valid('param').table, c.req.valid('query')));
  })
  .get('/:table', validate('param', tableParams), validate('query', statsQuery), (c) => {
    c.header('Vary', 'Cookie');
    return c.json(statsTable(c.var.db, c.var.user, c.req.valid('param').table, c.req.valid('query')));
  });
