import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { ApiError, forbidden } from '../errors';
import { errorResponses, jsonResponse } from '../openapi';
import { LinkAlreadyUsed, type LinkRefusal, linkRefusalWords } from '../services/accountLinks';
import {
  AlreadySetUp,
  alreadySetUpWords,
  checkSetupLink,
  completeSetup,
  SetupInvalid,
  SetupLinkRefused,
  setupForm,
} from '../services/setup';
import { validate } from '../validate';

// No limit on guessing: a set-up link's secret is 24 random bytes (192 bits), so guessing one takes
// longer than the link's 24 hours by more than the universe's age, at any rate a server can answer.
const linkParam = z.object({
  token: z.string().max(200).describe('The secret part of the set-up link, after /setup/'),
});

const linkState = z
  .discriminatedUnion('usable', [
    z.object({
      usable: z.literal(true),
      email: z
        .string()
        .nullable()
        .describe('The first admin’s email when the link was made for one (the form keeps it); else null'),
      form: z.object({
        states: z.array(
          z.object({
            code: z.string().describe('Two letters, like CA'),
            name: z.string(),
            counties: z.array(
              z.object({
                fips: z.string().describe('Five digits: the state’s two, then the county’s three'),
                name: z.string(),
                code: z.string().describe('Scope’s short code for the county'),
              }),
            ),
          }),
        ),
        timeZones: z.array(z.object({ zone: z.string(), name: z.string() })),
        defaults: z.object({
          timeZone: z.string(),
          deadlineDays: z.number().int(),
          firstPeriod: z.string().describe('The quarter under way now'),
          adminTwoFactor: z.enum(['required', 'optional']),
        }),
        earliestFirstPeriod: z.string(),
        latestFirstPeriod: z.string(),
      }),
    }),
    z.object({
      usable: z.literal(false),
      reason: z.enum(['unknown', 'used', 'expired', 'revoked', 'already-set-up']),
      message: z.string().describe('Why, in words for the person who opened the link'),
    }),
  ])
  .meta({ id: 'SetupLink' });

const setupBody = z.object({
  coalitionName: z.string().max(1000),
  shortName: z.string().max(1000),
  counties: z.array(z.string().max(10)).max(500).describe('FIPS codes of the counties the coalition serves'),
  timeZone: z.string().max(100).describe('An IANA time zone, like America/Los_Angeles'),
  deadlineDays: z.number().describe('Days after a quarter ends that its reports are due, 0 to 365'),
  firstPeriod: z.string().max(20).describe('The first quarter the coalition collects, like 2026Q4'),
  adminTwoFactor: z
    .enum(['required', 'optional'])
    .describe('Whether admins must sign in with a code from an authenticator app'),
  adminName: z.string().max(1000),
  adminEmail: z.string().max(1000),
  password: z.string().max(1024),
});

const setupDone = z.object({
  coalition: z.object({ name: z.string(), shortName: z.string() }),
  admin: z.object({ email: z.string() }),
});

/** A refused link's status: a link Scope never made is not found; one that did work is gone. */
function linkRefused(refusal: LinkRefusal): ApiError {
  return new ApiError(refusal === 'unknown' ? 404 : 410, `link-${refusal}`, linkRefusalWords[refusal]);
}

/**
 * Setting up a coalition with the one-time link a production first start prints: whether the link
 * works, and completing the set-up. Both are for anyone who has the link, signed in or not.
 */
export const setupRoutes = new Hono<AppEnv>()
  .get(
    '/:token',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Whether a set-up link works, and what the set-up form offers',
      description:
        'For the page a set-up link opens: whether the link can still be used (and for which email), or why not, with the counties of each state Scope knows, US time zones and the form’s defaults.',
      security: [],
      responses: { 200: jsonResponse('The link’s state, and the form when it works', linkState) },
    }),
    validate('param', linkParam),
    (c) => {
      const { db, config } = c.var;
      const checked = checkSetupLink(db, config, c.req.valid('param').token, c.var.now());
      if ('refusal' in checked)
        return c.json({
          usable: false as const,
          reason: checked.refusal,
          message:
            checked.refusal === 'already-set-up' ? alreadySetUpWords : linkRefusalWords[checked.refusal],
        });
      return c.json({
        usable: true as const,
        email: checked.link.email,
        form: setupForm(config, c.var.now()),
      });
    },
  )
  .post(
    '/:token',
    describeRoute({
      tags: ['Sign-in'],
      summary: 'Set the coalition up and make its first admin',
      description:
        'Names the coalition, records its counties (by FIPS code), settings and first quarter, installs the default catalog, adds the quarters so far and makes the first admin, who then signs in. All or nothing: a wrong field or link changes nothing. The link works once.',
      security: [],
      responses: {
        201: jsonResponse('Set up: the admin can sign in', setupDone),
        ...errorResponses({
          400: 'invalid-setup: fields are wrong; `details.problems` says what is wrong with each, by field',
          403: 'forbidden: an API token can’t set a coalition up',
          404: 'link-unknown: not a set-up link Scope made',
          409: 'already-set-up: the coalition is already set up',
          410: 'link-used, link-expired, link-revoked: the link worked once and no longer does',
        }),
      },
    }),
    validate('param', linkParam),
    validate('json', setupBody),
    (c) => {
      if (c.var.user?.tokenId !== undefined) throw forbidden('An API token can’t set a coalition up.');
      const { db, config } = c.var;
      const input = c.req.valid('json');
      try {
        completeSetup(db, config, c.req.valid('param').token, input, c.var.now());
      } catch (error) {
        if (error instanceof SetupLinkRefused) throw linkRefused(error.refusal);
        if (error instanceof LinkAlreadyUsed) throw linkRefused('used');
        if (error instanceof AlreadySetUp) throw new ApiError(409, 'already-set-up', alreadySetUpWords);
        if (error instanceof SetupInvalid)
          throw new ApiError(400, 'invalid-setup', error.message, { problems: error.problems });
        throw error;
      }
      return c.json(
        {
          coalition: { name: input.coalitionName.trim(), shortName: input.shortName.trim() },
          admin: { email: input.adminEmail.trim() },
        },
        201,
      );
    },
  );
