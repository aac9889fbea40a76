import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { forbidden } from '../errors';
import { callers, errorResponses, jsonResponse, notSignedInWords, responseSchema } from '../openapi';
import { canViewDisclosurePolicy } from '../permissions';
import {
  changeDisclosurePolicy,
  changePublicationSettings,
  disclosurePolicy,
  publicationSettingRanges,
  publicationSettings,
} from '../services/releases/policy';
import { previewRelease } from '../services/releases/preview';
import { startRelease } from '../services/releases/publish';
import { getReleaseView, listReleaseViews } from '../services/releases/views';
import { releaseCells, releaseCellsCsv } from '../services/stats';
import { validate } from '../validate';
import { clockOf } from './clock';
import { quarterCode } from './params';
import * as published from './published';
import { audienceWords } from './stats';

const quarterWords = 'The quarter, like 2026Q3';
export const releaseBody = z
  .object({
    period: quarterCode.describe(quarterWords),
    confirmProvisional: z
      .boolean('confirmProvisional is true or false.')
      .optional()
      .describe(
        'true to publish a quarter (or the year it completes) that would be provisional: fewer of the agencies expected have an approved report than the provisional share. Without it such a release is refused with 409, naming who is missing.',
      ),
  })
  .strict();
export const previewQuery = z.object({ period: quarterCode.describe(quarterWords) }).strict();
export const releaseParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1, 'Not a release id.')
    .describe('The release id, from `GET /api/releases`.'),
});
export const audienceQuery = z.strictObject(
  {
    audience: z
      .enum(['public', 'coalition'], 'The audience is "public" or "coalition".')
      .optional()
      .describe(audienceWords),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Only "audience" may be given (not ${issue.keys.join(', ')}): a release serves its published cells as they are.`
        : undefined,
  },
);
export const policyBody = z
  .object({
    coalition: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe('The threshold of the coalition’s figures'),
    public: z.number().int().min(1).max(100).optional().describe('The threshold of the public figures'),
  })
  .strict();

const settingField = (name: keyof typeof publicationSettingRanges) => {
  const range = publicationSettingRanges[name];
  const number = range.integer
    ? z.number(`${name} is a whole number.`).int(`${name} is a whole number.`)
    : z.number(`${name} is a number.`);
  return number
    .optional()
    .describe(`${range.words}: from ${range.min} to ${range.max} (default ${range.default})`);
};
export const publicationSettingsBody = z
  .object({
    provisionalShare: settingField('provisionalShare'),
    countyBreakdownAgencies: settingField('countyBreakdownAgencies'),
  })
  .strict();

const adminsOnly = {
  401: notSignedInWords,
  403: 'forbidden: not a coalition admin (signed in as a person)',
} as const;

/** Whether the caller asked for CSV rather than JSON. */
const wantsCsv = (accept: string | undefined) => /\btext\/csv\b/i.test(accept ?? '');

/** Releases: what was published when, their protection's outcome, and their cells. */
export const releaseRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags: ['Releases'],
      summary: 'Every release, newest first',
      description:
        'Published and superseded releases for everyone; admins also see releases being computed and failed ones, with why.',
      security: callers.anyone,
      responses: { 200: jsonResponse('The releases', published.releaseList) },
    }),
    (c) => c.json({ releases: listReleaseViews(c.var.db, c.var.user) }),
  )
  .get(
    '/preview',
    describeRoute({
      tags: ['Releases (admins)'],
      summary: 'What publishing a quarter would cover, before starting it',
      security: callers.people,
      responses: {
        200: jsonResponse('The preview', published.releasePreview),
        ...errorResponses({
          ...adminsOnly,
          400: 'invalid-request: not a quarter, or no such reporting period',
        }),
      },
    }),
    validate('query', previewQuery),
    (c) => c.json(previewRelease(c.var.db, requireUser(c), c.req.valid('query').period, clockOf(c))),
  )
  .get(
    '/policy',
    describeRoute({
      tags: ['Releases (admins)'],
      summary: 'The disclosure policy: the threshold below which each audience’s counts are hidden',
      security: callers.people,
      responses: {
        200: jsonResponse('The policy in force', published.disclosurePolicy),
        ...errorResponses(adminsOnly),
      },
    }),
    (c) => {
      const user = requireUser(c);
      if (!canViewDisclosurePolicy(user)) throw forbidden('Only coalition admins see the disclosure policy.');
      return c.json({ policy: disclosurePolicy(c.var.db) });
    },
  )
  .put(
    '/policy',
    describeRoute({
      tags: ['Releases (admins)'],
      summary: 'Change the thresholds; later releases use them',
      description: 'A threshold left out stays as it is. Releases already published keep theirs.',
      security: callers.people,
      responses: {
        200: jsonResponse('The policy now in force', published.disclosurePolicy),
        ...errorResponses({
          ...adminsOnly,
          400: 'invalid-request: not a whole number from 1 to 100, or another field; policy-too-weak: a threshold below its audience’s minimum',
        }),
      },
    }),
    validate('json', policyBody),
    (c) => c.json({ policy: changeDisclosurePolicy(c.var.db, requireUser(c), c.req.valid('json')) }),
  )
  .get(
    '/settings',
    describeRoute({
      tags: ['Releases (admins)'],
      summary: 'The publication settings: when a period is provisional, when county breakdowns are published',
      security: callers.people,
      responses: {
        200: jsonResponse('The settings in force', published.publicationSettings),
        ...errorResponses(adminsOnly),
      },
    }),
    (c) => {
      const user = requireUser(c);
      if (!canViewDisclosurePolicy(user))
        throw forbidden('Only coalition admins see the publication settings.');
      return c.json({ settings: publicationSettings(c.var.db) });
    },
  )
  .put(
    '/settings',
    describeRoute({
      tags: ['Releases (admins)'],
      summary: 'Change the publication settings; later releases use them',
      description:
        'A setting left out stays as it is. A value out of range is refused and nothing changes. Periods already published keep what they were published as.',
      security: callers.people,
      responses: {
        200: jsonResponse('The settings now in force', published.publicationSettings),
        ...errorResponses({
          ...adminsOnly,
          400: 'invalid-request: not a number, or another field; setting-out-of-range: a value outside its range',
        }),
      },
    }),
    validate('json', publicationSettingsBody),
    (c) =>
      c.json({
        settings: changePublicationSettings(
          c.var.db,
          requireUser(c),
          c.req.valid('json'),
          c.var.now().toISOString(),
        ),
      }),
  )
  .post(
    '/',
    describeRoute({
      tags: ['Releases (admins)'],
      summary: 'Publish a quarter: start a release, computed in the background',
      description:
        'Answers at once (202) with the release in `computing`; follow its progress with `GET /api/releases/{id}` until it is published or failed. Nothing of a failed release is served.',
      security: callers.people,
      responses: {
        202: jsonResponse('Started', published.oneRelease),
        ...errorResponses({
          ...adminsOnly,
          400: 'invalid-request: no such quarter; nothing-to-publish: no agency has an approved report',
          409: 'release-in-progress: another release is being computed; provisional-not-confirmed: it would publish a provisional period and `confirmProvisional` was not true (the message names who is missing)',
          503: 'no-catalog',
        }),
      },
    }),
    validate('json', releaseBody),
    (c) => {
      const { period, confirmProvisional } = c.req.valid('json');
      const release = startRelease(c.var.db, requireUser(c), period, c.var.now, { confirmProvisional });
      return c.json({ release }, 202);
    },
  )
  .get(
    '/:id',
    describeRoute({
      tags: ['Releases'],
      summary: 'One release; while it is computing, its progress',
      description:
        'Admins poll this after starting a release: `progress` gives the stage and how far along it is until the status becomes published or failed. Releases being computed and failed ones are visible to admins only.',
      security: callers.anyone,
      responses: {
        200: jsonResponse('The release', published.oneRelease),
        ...errorResponses({
          400: 'invalid-request: not a release id',
          404: 'not-found: no such release you can see',
        }),
      },
    }),
    validate('param', releaseParams),
    (c) => c.json({ release: getReleaseView(c.var.db, c.var.user, c.req.valid('param').id) }),
  )
  .get(
    '/:id/cells',
    describeRoute({
      tags: ['Releases'],
      summary: 'Every cell a published release stored for an audience, as JSON or CSV',
      description:
        'Ask with `Accept: text/csv` for a CSV download (columns table, element, period, geo, one per category, value, suppressed); otherwise JSON. Hidden cells have `value: null` (blank in CSV) and `suppressed: true`. Only `audience` may be given: any other query parameter is refused with 400 and a message naming it.',
      security: callers.anyone,
      responses: {
        200: {
          description: 'The cells, in display order',
          content: {
            'application/json': { schema: responseSchema(published.releaseCells) },
            'text/csv': {
              schema: {
                type: 'string',
                description:
                  'UTF-8 CSV named scope-release-<period>-<sequence>-<audience>.csv (…-<sequence>-provisional-<audience>.csv when it published a provisional period): table, element, period, geo, a column per category, value (blank when hidden), suppressed (true or false)',
              },
            },
          },
        },
        ...errorResponses({
          400: 'invalid-request: an audience other than public or coalition, or another query parameter (named)',
          401: 'not-signed-in: the coalition’s cells need a signed-in member',
          404: 'not-found: no published release with this id',
        }),
      },
    }),
    validate('param', releaseParams),
    validate('query', audienceQuery),
    (c) => {
      const { id } = c.req.valid('param');
      const { audience } = c.req.valid('query');
      c.header('Vary', 'Accept, Cookie');
      c.header('Cache-Control', 'private, no-cache');
      if (wantsCsv(c.req.header('Accept'))) {
        const { filename, csv } = releaseCellsCsv(c.var.db, c.var.user, id, audience);
        c.header('Content-Disposition', `attachment; filename="${filename}"`);
        return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
      }
      const { categories: _columns, ...body } = releaseCells(c.var.db, c.var.user, id, audience);
      return c.json(body);
    },
  );
