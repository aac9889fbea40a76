import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { redactText } from '../services/freeTexts';
import { validate } from '../validate';

export const freeTextParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1, 'Not a text id.')
    .describe(
      'The text’s id: `explanationIds`, a review’s `commentId` or a reply’s `textId` in a report’s revisions',
    ),
});
export const redactBody = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Say why the text is being removed.')
    .max(500, 'Keep the reason under 500 characters.')
    .describe('Why the text is removed, for the record (no personal details)'),
});

/** Texts people typed and Scope kept: explanations, return comments, reopening reasons. */
export const freeTextRoutes = new Hono<AppEnv>().post(
  '/:id/redact',
  describeRoute({
    tags: ['Submissions'],
    summary: 'Remove a kept text (an explanation or comment) for every reader',
    description:
      'For a text that should never have been kept, such as one with a person’s details. Every reader then sees a note that an administrator removed it, and when. Revisions and the audit log refer to the text by id, so they are left as they were; the audit log records who removed which text and why.',
    security: callers.people,
    responses: {
      200: jsonResponse(
        'Removed',
        z.object({
          text: z.object({
            id: z.number().int(),
            text: z.null().describe('Always null once removed'),
            createdAt: z.iso.datetime(),
            redactedAt: z.iso.datetime(),
          }),
        }),
      ),
      ...errorResponses({
        400: 'invalid-request: no reason, or one too long; personal-data: the reason looks like personal data',
        401: notSignedInWords,
        403: 'forbidden: not a coalition admin (signed in as a person)',
        404: 'not-found: no text with this id',
        409: 'already-removed: the text was removed before',
      }),
    },
  }),
  validate('param', freeTextParams),
  validate('json', redactBody),
  (c) => {
    const { text, ...rest } = redactText(
      c.var.db,
      requireUser(c),
      c.req.valid('param').id,
      c.req.valid('json').reason,
      c.var.now(),
    );
    return c.json({ text: { ...rest, text: null } });
  },
);
