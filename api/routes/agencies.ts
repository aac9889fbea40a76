import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { createApiTokenSecret, requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { agencyTypes } from '../domain/agencyTypes';
import { forbidden, notFound } from '../errors';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { canMakeApiToken, canManageApiTokens, canViewAgencySubmissions } from '../permissions';
import { recordAudit } from '../queries/audit';
import { getAgencyByCode } from '../queries/orgUnits';
import { getApiToken, insertApiToken, listApiTokens, revokeApiToken } from '../queries/tokens';
import { guardFreeText } from '../services/freeTexts';
import { agencyQuarters } from '../services/submissions';
import { validate } from '../validate';
import { clockOf } from './clock';
import { agencyCode } from './params';
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
  );
