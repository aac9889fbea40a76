import { type Context, Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { createApiTokenSecret, requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { agencyTypes } from '../domain/agencyTypes';
import { todayOf } from '../domain/clock';
import { forbidden, notFound } from '../errors';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import {
  canMakeApiToken,
  canManageApiTokens,
  canManageCoalition,
  canViewAgencySubmissions,
} from '../permissions';
import { recordAudit } from '../queries/audit';
import { getAgencyByCode, getAgencyById } from '../queries/orgUnits';
import { getApiToken, insertApiToken, listApiTokens, revokeApiToken } from '../queries/tokens';
import {
  agencyDirectory,
  createAgency,
  deactivateAgency,
  deleteAgency,
  reactivateAgency,
  updateAgency,
} from '../services/agencies';
import { guardFreeText } from '../services/freeTexts';
import { agencyQuarters } from '../services/submissions';
import { validate } from '../validate';
import { clockOf } from './clock';
import { agencyCode, quarterCode } from './params';
import { entryWindowFields } from './periods';
import { submissionStatus } from './submissions';

const agencyParam = z.object({ agencyCode: agencyCode.describe("The agency's short code, like RIVER") });
const tokenParam = agencyParam.extend({
  tokenId: z.coerce.number().int().min(1).describe('The token’s id, from the list of tokens'),
});
export const createTokenBody = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the token a name, such as the system that will use it.')
    .max(80, 'Keep the name under 80 characters.')
    .describe('What the token is for, such as the system that will use it'),
  lifetimeDays: z
    .union([z.literal(30), z.literal(90), z.literal(365)], {
      error: 'Choose how long the token lasts: 30 days, 90 days or 1 year.',
    })
    .default(365)
    .describe('How many days the token works for: 30, 90 or 365 (the default)'),
});

const agencyQuarterList = z.object({
  agency: z.object({ code: z.string(), name: z.string(), type: z.enum(agencyTypes) }),
  quarters: z.array(
    z.object({
      period: z.string(),
      startDate: z.iso.date(),
      endDate: z.iso.date(),
      deadline: z.iso.date(),
      ...entryWindowFields,
      status: submissionStatus,
      late: z.boolean().describe('The first submit came after the deadline'),
      submittedAt: z.iso.datetime().nullable(),
      revision: z.number().int().describe('How many times it has been submitted'),
      returnComment: z.string().nullable().describe('Why it was returned, while it is'),
    }),
  ),
});

const apiToken = z
  .object({
    id: z.number().int(),
    name: z.string().describe('The name, or a dated note once an admin removed it'),
    nameId: z
      .number()
      .int()
      .describe('The name’s kept text, which an admin can remove (`POST /api/free-texts/{id}/redact`)'),
    prefix: z.string().describe('The secret’s first characters, to recognise it by'),
    createdAt: z.iso.datetime(),
    createdBy: z.string().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().describe('When the token stops working'),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken', description: 'An API token, without its secret' });

const countyCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{2,16}$/, 'Not a county code: choose a county from the list.'));

const agencyFields = {
  name: z
    .string()
    .trim()
    .min(2, 'Give the agency’s name, at least 2 characters.')
    .max(120, 'Keep the agency’s name under 120 characters.')
    .describe('The agency’s name, as releases and pages show it'),
  code: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(
      z
        .string()
        .regex(/^[A-Z0-9]{2,16}$/, 'Give a short code of 2 to 16 capital letters or digits, like RIVER.'),
    )
    .describe('A short code of 2 to 16 capital letters or digits, used in addresses and releases'),
  type: z.enum(agencyTypes, { error: 'Choose what kind of agency it is from the list.' }),
  homeCounty: countyCode.describe('The county it is based in, by code (`SCL`)'),
  countiesServed: z
    .array(countyCode)
    .max(100)
    .describe('The counties it serves, by code; its home county is always among them'),
  firstPeriod: quarterCode
    .nullable()
    .describe('The first quarter it reports for (`2026Q2`); null: from the coalition’s first quarter'),
};

export const createAgencyBody = z.object({
  ...agencyFields,
  code: agencyFields.code.optional().describe('Proposed from the name when not given'),
  countiesServed: agencyFields.countiesServed.default([]),
  firstPeriod: agencyFields.firstPeriod.default(null),
});

export const changeAgencyBody = z
  .object(agencyFields)
  .partial()
  .refine(
    (change) => Object.keys(change).length > 0,
    'Say what to change: a name, code, type, counties or first quarter.',
  );

const agencyRecord = z
  .object({
    code: z.string(),
    name: z.string(),
    type: z.enum(agencyTypes),
    homeCounty: z.string().describe('The county it is based in, by code'),
    countiesServed: z.array(z.string()).describe('The counties it serves, by code'),
    firstPeriod: z.string().nullable().describe('The first quarter it reports for; null: from the start'),
    active: z.boolean().describe('Whether it is expected to report'),
    reporters: z
      .array(z.object({ name: z.string(), email: z.string() }))
      .describe('Its active reporters, who lose access if it is deactivated'),
    hasReported: z.boolean().describe('Whether it has ever submitted a report (its code then stays)'),
    firstReport: z.string().nullable().describe('The earliest quarter it submitted a report for'),
    latestReport: z.string().nullable().describe('The newest quarter it submitted a report for'),
  })
  .meta({ id: 'Agency', description: 'A member agency as its coalition’s admins manage it' });

const coalitionOnly = 'forbidden: only coalition admins, signed in as people, manage agencies';
const manageRefusals = {
  401: notSignedInWords,
  403: coalitionOnly,
  404: 'not-found: no agency with this code',
} as const;

/** The calling admin, refused unless they may manage the coalition's agencies. */
function requireCoalitionAdmin(c: Context<AppEnv>) {
  const user = requireUser(c);
  if (!canManageCoalition(user))
    throw forbidden('Only coalition admins, signed in as themselves, can manage agencies.');
  return user;
}

const noSuchAgencyWords = 'not-found: no agency with this code that you can see';
const tokenRefusals = errorResponses({
  401: notSignedInWords,
  404: `${noSuchAgencyWords}, or whose tokens you may manage (its own reporters and admins, as people)`,
});

const noSuchAgency = () => notFound('There is no agency with that code that you can see.');

export const agencyRoutes = new Hono<AppEnv>()
  .get(
    '/:agencyCode/submissions',
    describeRoute({
      tags: ['Submissions'],
      summary: "Every quarter with the agency's report in it: status, deadline, lateness, return comment",
      description:
        'Newest first. A reporter sees only their own agency: asking about another gets the same 404 as an agency that doesn’t exist.',
      security: callers.signedIn,
      responses: {
        200: jsonResponse('The agency and its quarters', agencyQuarterList),
        ...errorResponses({ 401: notSignedInWords, 404: noSuchAgencyWords }),
      },
    }),
    validate('param', agencyParam),
    (c) => {
      const user = requireUser(c);
      const agency = getAgencyByCode(c.var.db, c.req.valid('param').agencyCode);
      // A reporter asking about another agency gets the same answer as for one that doesn't exist.
      if (!agency || !canViewAgencySubmissions(user, agency)) throw noSuchAgency();
      return c.json({
        agency: { code: agency.code, name: agency.name, type: agency.type },
        quarters: agencyQuarters(c.var.db, agency.id, clockOf(c)),
      });
    },
  )
  .get(
    '/:agencyCode/tokens',
    describeRoute({
      tags: ['API tokens'],
      summary: "An agency's API tokens, newest first, revoked ones included (never their secrets)",
      security: callers.people,
      responses: {
        200: jsonResponse('The tokens', z.object({ tokens: z.array(apiToken) })),
        ...tokenRefusals,
      },
    }),
    validate('param', agencyParam),
    (c) => {
      const user = requireUser(c);
      const agency = getAgencyByCode(c.var.db, c.req.valid('param').agencyCode);
      if (!agency || !canManageApiTokens(user, agency)) throw noSuchAgency();
      return c.json({ tokens: listApiTokens(c.var.db, agency.id) });
    },
  )
  .post(
    '/:agencyCode/tokens',
    describeRoute({
      tags: ['API tokens'],
      summary: 'Make a token; its secret is in this response only',
      description:
        'Only a reporter of the agency, signed in, makes its tokens. The agency’s system sends the secret as `Authorization: Bearer scope_…` and acts as the person who made it. The token works until it expires (after 30, 90 or 365 days) or is revoked, and only while its maker is active and still a reporter of this agency. Scope keeps only a keyed hash of it, so a lost secret can’t be shown again: revoke the token and make another.',
      security: callers.people,
      responses: {
        201: jsonResponse(
          'The token with its secret',
          z.object({ token: apiToken.extend({ secret: z.string().describe('`scope_…`: shown this once') }) }),
        ),
        ...errorResponses({
          400: 'invalid-request: no name, one too long, or a lifetime other than 30, 90 or 365 days; personal-data: the name looks like personal data',
          401: notSignedInWords,
          403: 'forbidden: only the agency’s own reporters make its tokens (admins can see and revoke them)',
          404: `${noSuchAgencyWords}, or whose tokens you may manage (its own reporters and admins, as people)`,
        }),
      },
    }),
    validate('param', agencyParam),
    validate('json', createTokenBody),
    (c) => {
      const user = requireUser(c);
      const { db, config } = c.var;
      const agency = getAgencyByCode(db, c.req.valid('param').agencyCode);
      if (!agency || !canManageApiTokens(user, agency)) throw noSuchAgency();
      if (!canMakeApiToken(user, agency))
        throw forbidden(
          `Only ${agency.name}'s own reporters can create its tokens, because a token enters numbers as the person who made it. You can still see and revoke its tokens.`,
        );
      const { name, lifetimeDays } = c.req.valid('json');
      guardFreeText([{ field: 'name', place: 'The name', text: name }], c.var.now());
      const { secret, prefix, tokenHash } = createApiTokenSecret(config.sessionSecret);
      const expiresAt = new Date(c.var.now().getTime() + lifetimeDays * 24 * 60 * 60 * 1000).toISOString();
      const token = db.transaction(() => {
        const id = insertApiToken(db, {
          agencyId: agency.id,
          name,
          prefix,
          tokenHash,
          maker: { id: user.id, role: user.role, agencyId: user.agencyId },
          expiresAt,
        });
        recordAudit(db, {
          at: c.var.now().toISOString(),
          userId: user.id,
          action: 'create-token',
          entityType: 'api-token',
          entityId: id,
          details: { agency: agency.code, prefix, expiresAt },
        });
        return getApiToken(db, agency.id, id) as NonNullable<ReturnType<typeof getApiToken>>;
      })();
      return c.json({ token: { ...token, secret } }, 201);
    },
  )
  .delete(
    '/:agencyCode/tokens/:tokenId',
    describeRoute({
      tags: ['API tokens'],
      summary: 'Revoke a token: systems using it are refused from now on',
      description: 'Revoking a token already revoked changes nothing and answers the same.',
      security: callers.people,
      responses: {
        200: jsonResponse('Revoked', z.object({ ok: z.literal(true) })),
        ...errorResponses({
          401: notSignedInWords,
          404: `${noSuchAgencyWords} and manage, or no such token of this agency`,
        }),
      },
    }),
    validate('param', tokenParam),
    (c) => {
      const user = requireUser(c);
      const { db } = c.var;
      const { agencyCode: code, tokenId } = c.req.valid('param');
      const agency = getAgencyByCode(db, code);
      if (!agency || !canManageApiTokens(user, agency)) throw noSuchAgency();
      const revoked = db.transaction(() => {
        const done = revokeApiToken(db, agency.id, tokenId, c.var.now().toISOString());
        if (done)
          recordAudit(db, {
            at: c.var.now().toISOString(),
            userId: user.id,
            action: 'revoke-token',
            entityType: 'api-token',
            entityId: tokenId,
            details: { agency: agency.code },
          });
        return done;
      })();
      if (!revoked && !getApiToken(db, agency.id, tokenId))
        throw notFound('There is no such token for this agency.');
      return c.json({ ok: true as const });
    },
  )
  .get(
    '/',
    describeRoute({
      tags: ['Agencies'],
      summary: 'The member agencies: every one for admins; a reporter’s own agency for a reporter',
      description:
        'Admins, as people, see every agency, active or not, with the coalition’s counties and the quarters an agency may start reporting in. A reporter sees only their own agency’s code, name and type; a viewer sees none.',
      security: callers.people,
      responses: {
        200: jsonResponse(
          'The agencies, by name',
          z.object({
            agencies: z.array(
              z.union([
                agencyRecord,
                z.object({ code: z.string(), name: z.string(), type: z.enum(agencyTypes) }),
              ]),
            ),
            counties: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
            quarters: z
              .array(z.string())
              .optional()
              .describe('The quarters an agency may start reporting in'),
          }),
        ),
        ...errorResponses({ 401: notSignedInWords, 403: 'forbidden: an API token, or a viewer' }),
      },
    }),
    (c) => {
      const user = requireUser(c);
      if (canManageCoalition(user)) return c.json(agencyDirectory(c.var.db, todayOf(clockOf(c))));
      const own = user.agencyId === null ? undefined : getAgencyById(c.var.db, user.agencyId);
      if (user.tokenId !== undefined || user.role !== 'reporter' || !own)
        throw forbidden('Only coalition admins and reporters, signed in as themselves, see agencies.');
      return c.json({ agencies: [{ code: own.code, name: own.name, type: own.type }] });
    },
  )
  .post(
    '/',
    describeRoute({
      tags: ['Agencies'],
      summary: 'Add an agency',
      description:
        'Its code is proposed from its name when not given. Its home county is always among the counties it serves. With a first quarter, it is not expected to report before it.',
      security: callers.people,
      responses: {
        201: jsonResponse('The agency', z.object({ agency: agencyRecord })),
        ...errorResponses({
          400: 'invalid-request: a field is missing or wrong, or a county is not the coalition’s',
          401: notSignedInWords,
          403: coalitionOnly,
          409: 'agency-code-taken: another agency or county has this code',
        }),
      },
    }),
    validate('json', createAgencyBody),
    (c) => {
      const user = requireCoalitionAdmin(c);
      return c.json({ agency: createAgency(c.var.db, user, c.req.valid('json'), c.var.now()) }, 201);
    },
  )
  .patch(
    '/:agencyCode',
    describeRoute({
      tags: ['Agencies'],
      summary: 'Change an agency: only the fields given change',
      description:
        'Its code changes only while it has never reported (the code is in its reports’ addresses and in releases). Its first quarter may not be after a quarter it already reported for.',
      security: callers.people,
      responses: {
        200: jsonResponse('The agency as it is now', z.object({ agency: agencyRecord })),
        ...errorResponses({
          ...manageRefusals,
          400: 'invalid-request: a field is wrong, a county is not the coalition’s, or the first quarter is after one it reported for',
          409: 'agency-code-taken: another agency or county has this code; agency-code-fixed: it has reported, so its code stays',
        }),
      },
    }),
    validate('param', agencyParam),
    validate('json', changeAgencyBody),
    (c) => {
      const user = requireCoalitionAdmin(c);
      const agency = updateAgency(
        c.var.db,
        user,
        c.req.valid('param').agencyCode,
        c.req.valid('json'),
        c.var.now(),
      );
      return c.json({ agency });
    },
  )
  .post(
    '/:agencyCode/deactivate',
    describeRoute({
      tags: ['Agencies'],
      summary: 'Deactivate an agency: no longer expected to report, and its reporters lose access',
      description:
        'Its active reporters are deactivated too: their sessions end and the API tokens they made are revoked. Its reports stay in releases already published. Deactivating one already inactive changes nothing.',
      security: callers.people,
      responses: {
        200: jsonResponse(
          'The agency and the people who lost access',
          z.object({
            agency: agencyRecord,
            deactivatedPeople: z.array(z.object({ name: z.string(), email: z.string() })),
          }),
        ),
        ...errorResponses(manageRefusals),
      },
    }),
    validate('param', agencyParam),
    (c) => {
      const user = requireCoalitionAdmin(c);
      return c.json(deactivateAgency(c.var.db, user, c.req.valid('param').agencyCode, c.var.now()));
    },
  )
  .post(
    '/:agencyCode/reactivate',
    describeRoute({
      tags: ['Agencies'],
      summary: 'Reactivate an agency: expected to report again',
      description:
        'Its people stay deactivated: bring back each one who should have access on the people page.',
      security: callers.people,
      responses: {
        200: jsonResponse('The agency', z.object({ agency: agencyRecord })),
        ...errorResponses(manageRefusals),
      },
    }),
    validate('param', agencyParam),
    (c) => {
      const user = requireCoalitionAdmin(c);
      return c.json({
        agency: reactivateAgency(c.var.db, user, c.req.valid('param').agencyCode, c.var.now()),
      });
    },
  )
  .delete(
    '/:agencyCode',
    describeRoute({
      tags: ['Agencies'],
      summary: 'Delete an agency added by mistake',
      description:
        'Only an agency that never started a report and was never given people, API tokens, invitations or reminders. Any other is deactivated instead, so its history stays.',
      security: callers.people,
      responses: {
        200: jsonResponse('Deleted', z.object({ ok: z.literal(true) })),
        ...errorResponses({
          ...manageRefusals,
          409: 'agency-has-history: it has reports, people, tokens, invitations or reminders; deactivate it instead',
        }),
      },
    }),
    validate('param', agencyParam),
    (c) => {
      const user = requireCoalitionAdmin(c);
      deleteAgency(c.var.db, user, c.req.valid('param').agencyCode, c.var.now());
      return c.json({ ok: true as const });
    },
  );
