import { type Context, Hono } from 'hono';
import { createFactory } from 'hono/factory';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { agencyTypes } from '../domain/agencyTypes';
import { todayOf } from '../domain/clock';
import { entryWindow } from '../domain/entry';
import { maxUploadBytes } from '../domain/upload';
import { badRequest, notFound, unsupportedMediaType } from '../errors';
import { uploadTooLarge } from '../limits';
import { callers, describeFields, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { isAdmin } from '../permissions';
import { recordAudit, viewedSince } from '../queries/audit';
import { getPeriodByCode } from '../queries/periods';
import { listPeriodSubmissions } from '../queries/submissions';
import {
  copyPreviousQuarter,
  diffRevisions,
  getSubmissionDetail,
  maxReplyLength,
  reviewSubmission,
  revisionsOf,
  revisionValues,
  saveDraft,
  submitDraft,
  templateFor,
  uploadTemplate,
} from '../services/submissions';
import { validate } from '../validate';
import { clockOf } from './clock';
import { quarterCode, submissionParams } from './params';
import { entryWindowFields } from './periods';

/** Counts one save may name: a catalog has a few hundred cells, and a form sends only those changed. */
export const maxCellsPerSave = 5000;
/** Explanations one request may carry: one per warning, and a catalog has a few dozen checks. */
export const maxExplanations = 500;

const explanationText = z.string().max(1000, 'Keep each explanation under 1,000 characters.');
const explanationsWords =
  'Why each warning is fine, by the warning’s code; a warning must be explained before the report is submitted';
/** No more than `max` entries, checked before the service reads what any of them means. */
const atMost = (max: number) => (entries: object) => Object.keys(entries).length <= max;
const explanations = <Text extends z.ZodType>(text: Text) =>
  z
    .record(z.string().max(120), text)
    .refine(atMost(maxExplanations), `Send at most ${maxExplanations} explanations at once.`);

export const saveValuesBody = z.object({
  values: z
    .record(z.string().max(120), z.number().nullable())
    .refine(
      atMost(maxCellsPerSave),
      `Save at most ${maxCellsPerSave.toLocaleString('en-US')} counts at once.`,
    )
    .describe(
      `Counts by cell key (at most ${maxCellsPerSave.toLocaleString('en-US')}); null clears a cell, and cells not named stay as they are`,
    ),
  explanations: explanations(explanationText.nullable())
    .optional()
    .describe(`${explanationsWords} (at most ${maxExplanations}); null removes one`),
  reply: z
    .string()
    .max(maxReplyLength, `Keep your reply under ${maxReplyLength.toLocaleString('en-US')} characters.`)
    .nullable()
    .optional()
    .describe(
      'While the report is returned, the reporter’s answer to the return comment, sent with the next submit; empty or null removes it. Only the agency’s reporters, as people',
    ),
});
export const submitBody = z.object({
  explanations: explanations(explanationText)
    .optional()
    .describe(`${explanationsWords} (at most ${maxExplanations})`),
  checkedCopied: z
    .boolean()
    .optional()
    .describe(
      'Required (true) when the draft was started from the previous quarter’s figures: the reporter has checked every one',
    ),
});
export const returnBody = z.object({
  comment: z
    .string()
    .trim()
    .min(1, 'Write a comment saying what the agency should correct.')
    .max(2000)
    .describe('What the agency should correct; they see it with the report'),
});
export const reopenBody = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Say why the report is being reopened.')
    .max(2000)
    .describe('Why the report is reopened, for the record'),
});
export const listQuery = z.object({ period: quarterCode.describe('The quarter, like 2026Q3') });
export const diffQuery = z.object({
  from: z.coerce.number().int().min(1).describe('A revision number'),
  to: z
    .union([z.literal('draft'), z.coerce.number().int().min(1)])
    .describe('A later revision number, or `draft` for the draft as it is now'),
});
export const uploadQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .describe('`true` to see exactly what the upload would change without changing anything'),
});

/** An agency's quarter, named in the path. */
const submissionPath = describeFields(submissionParams, {
  agency: "The agency's short code, like RIVER",
  period: 'The quarter, like 2026Q3',
});

/** Where a submission stands. */
export const submissionStatus = z.enum(['not_started', 'draft', 'submitted', 'returned', 'approved']);

const finding = z.object({
  code: z.string().describe('The rule’s code, or `outlier.<element>` for an outlier warning'),
  kind: z.enum(['rule', 'outlier']),
  severity: z
    .enum(['error', 'warning'])
    .describe('Errors must be fixed, warnings explained, before submitting'),
  message: z.string().describe('What is wrong and what to do'),
  detail: z.string().describe('The numbers behind it'),
  cells: z.array(z.string()).describe('The keys of the cells it is about'),
  section: z.string(),
});

const submissionDetail = z
  .object({
    agency: z.object({ code: z.string(), name: z.string(), type: z.enum(agencyTypes) }),
    period: z.object({
      code: z.string(),
      startDate: z.iso.date(),
      endDate: z.iso.date(),
      deadline: z.iso.date(),
      ...entryWindowFields,
    }),
    status: submissionStatus,
    revision: z.number().int().describe('How many times it has been submitted; 0 before the first'),
    late: z.boolean().describe('The first submit came after the deadline'),
    submittedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable(),
    returnComment: z.string().nullable().describe('Why it was returned, while it is'),
    catalogVersionId: z
      .number()
      .int()
      .describe('The catalog version it is reported in: `GET /api/catalog/{id}`'),
    values: z.record(z.string(), z.number().int().min(0)).describe('The draft’s counts by cell key'),
    explanations: z.record(z.string(), z.string()).describe('The draft’s explanations by warning code'),
    reply: z
      .string()
      .nullable()
      .describe('The reply to the return being written, sent with the next submit; null without one'),
    copiedFromPeriod: z
      .string()
      .nullable()
      .describe(
        'The quarter whose figures the draft was started from; until it is submitted, submitting needs `checkedCopied: true`',
      ),
    copyFrom: z
      .string()
      .nullable()
      .describe(
        'The quarter the caller may start this empty report from (`POST …/copy-previous`); null when they may not',
      ),
    history: z
      .record(z.string(), z.array(z.number()))
      .describe('The agency’s totals of each element in earlier approved quarters, for outlier warnings'),
    findings: z.array(finding).describe('What validation finds in the draft'),
    permissions: z
      .object({
        edit: z.boolean(),
        submit: z.boolean(),
        review: z.boolean(),
        reopen: z.boolean(),
        reply: z.boolean().describe('May write a reply to the return'),
      })
      .describe('What the caller may do with it now'),
  })
  .meta({
    id: 'SubmissionDetail',
    description:
      'The quarter: status, revision, values by cell key, explanations, validation findings, the agency history used for outlier warnings, and what the caller may do.',
  });

const cellChange = z.object({
  cell: z.string(),
  label: z.string().describe('The cell in words'),
  from: z.number().nullable(),
  to: z.number().nullable(),
});

/** Refusals every route about one agency's quarter may give. */
const quarterRefusals = {
  401: notSignedInWords,
  404: 'not-found: no agency with this code that you can see, or no such reporting period',
  503: 'no-catalog: nothing has been set up yet',
} as const;

/** Refusals of a change to the draft, besides those of any route about the quarter. */
const editRefusals = {
  ...quarterRefusals,
  403: 'forbidden: not one of this agency’s reporters; period-not-open-yet: the quarter has not ended and no admin has opened it early; period-closed: the quarter is closed for entry',
  409: 'submission-locked: submitted and awaiting review, or approved',
} as const;

/** Refusals of an admin's review of a report. */
const reviewRefusals = {
  ...quarterRefusals,
  403: 'forbidden: only coalition admins review reports, as people',
  409: 'invalid-transition: only a submitted report can be approved or returned, and only an approved one reopened',
} as const;

const detailResponse = jsonResponse('The quarter as it now stands', submissionDetail);

/** The quarter with its values, which the API answers at both `…/:period` and `…/:period/values`. */
const describeDetail = (summary: string, description?: string) =>
  describeRoute({
    tags: ['Submissions'],
    summary,
    ...(description ? { description } : {}),
    security: callers.signedIn,
    responses: { 200: detailResponse, ...errorResponses(quarterRefusals) },
  });

/**
 * Records that someone outside an agency read its raw figures. Reporters see only their own agency's
 * quarter, so this is an admin (or an admin's system) reading another agency's counts or notes:
 * the record should show who looked at what, not only who changed it. Called after the read
 * succeeded, so a refused request records nothing.
 */
function recordAgencyRead(c: Context<AppEnv>, agency: string, period: string, view: string) {
  const user = requireUser(c);
  if (user.role === 'reporter') return;
  const now = clockOf(c).now;
  // A page reloads its data when its window comes back into focus: one entry per person, report and
  // view in any ten minutes says who looked at what without burying everything else.
  const since = new Date(now.getTime() - 10 * 60 * 1000).toISOString();
  if (viewedSince(c.var.db, { userId: user.id, since, agency, period, view })) return;
  recordAudit(c.var.db, {
    at: now.toISOString(),
    userId: user.id,
    action: 'view-report',
    entityType: 'submission',
    details: { agency, period, view, ...(user.tokenId ? { tokenId: user.tokenId } : {}) },
  });
}

/** Answers with one agency's quarter as the signed-in user may see it. */
const detail = createFactory<AppEnv>().createHandlers(validate('param', submissionPath), (c) => {
  const { agency, period } = c.req.valid('param');
  const submission = getSubmissionDetail(c.var.db, requireUser(c), agency, period, clockOf(c));
  recordAgencyRead(c, agency, period, 'values');
  return c.json(submission);
});

/** An admin's review of a report: approving it, or returning or reopening it with a note (`invalid` says how a note is refused). */
const describeReview = (summary: string, description?: string, invalid?: string) =>
  describeRoute({
    tags: ['Review (admins)'],
    summary,
    ...(description ? { description } : {}),
    security: callers.people,
    responses: {
      200: detailResponse,
      ...errorResponses(invalid ? { ...reviewRefusals, 400: invalid } : reviewRefusals),
    },
  });

/** Reviews a report as the signed-in admin, on the coalition's day. */
const review = (
  c: Context<AppEnv>,
  { agency, period }: { agency: string; period: string },
  action: 'approve' | 'return' | 'reopen',
  note: string | null,
) => reviewSubmission(c.var.db, requireUser(c), agency, period, action, note, clockOf(c));

/** The uploaded CSV, from a text body or a multipart form's `file` field. */
async function readUploadText(c: {
  req: {
    header: (name: string) => string | undefined;
    text: () => Promise<string>;
    parseBody: () => Promise<Record<string, unknown>>;
  };
}) {
  const type = c.req.header('Content-Type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw badRequest('Attach the CSV file in a form field named "file".');
    if (file.size > maxUploadBytes) throw uploadTooLarge();
    return file.text();
  }
  if (type.startsWith('application/json'))
    throw unsupportedMediaType('Send the CSV file itself (Content-Type: text/csv), not JSON.');
  return c.req.text();
}

export const submissionRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags: ['Submissions'],
      summary: "Every agency's submission status for a quarter (admins), or your agency's",
      security: callers.signedIn,
      responses: {
        200: jsonResponse(
          'The period and its submissions',
          z.object({
            period: z.object({ code: z.string(), deadline: z.iso.date(), ...entryWindowFields }),
            submissions: z.array(
              z.object({
                agency: z.object({
                  code: z.string(),
                  name: z.string(),
                  type: z.enum(agencyTypes),
                  county: z.string(),
                }),
                status: submissionStatus,
                revision: z.number().int(),
                late: z.boolean(),
                submittedAt: z.iso.datetime().nullable(),
                updatedAt: z.iso.datetime().nullable(),
              }),
            ),
          }),
        ),
        ...errorResponses({
          401: notSignedInWords,
          404: 'not-found: no such reporting period, or (for a viewer) no submissions to see',
        }),
      },
    }),
    validate('query', listQuery),
    (c) => {
      const user = requireUser(c);
      const code = c.req.valid('query').period;
      const period = getPeriodByCode(c.var.db, code);
      if (!period) throw notFound(`There is no reporting period ${code}.`);
      if (!isAdmin(user) && user.agencyId === null) throw notFound('There are no submissions you can see.');
      return c.json({
        period: { code: period.code, deadline: period.deadline, ...entryWindow(period, todayOf(clockOf(c))) },
        submissions: listPeriodSubmissions(c.var.db, period.id, isAdmin(user) ? null : user.agencyId),
      });
    },
  )
  .get(
    '/:agency/:period',
    describeDetail("An agency's quarter with its values (the same as `GET …/values`)"),
    ...detail,
  )
  .get(
    '/:agency/:period/values',
    describeDetail(
      "An agency's quarter with its values",
      'Reporters (and their agency’s systems) see their own agency’s quarter; admins see any agency’s. A quarter not started yet has status `not_started` and no values.',
    ),
    ...detail,
  )
  .put(
    '/:agency/:period/values',
    describeRoute({
      tags: ['Submissions'],
      summary: 'Save values into the draft (null clears a cell; cells not named are unchanged)',
      description:
        'Starts the draft if need be. Only the agency’s reporters may, while the quarter is open (or reopened) and the report is not submitted or approved.',
      security: callers.signedIn,
      responses: {
        200: detailResponse,
        ...errorResponses({
          ...editRefusals,
          400: 'invalid-request: an unknown cell or a value that is not a whole number from 0 to 1,000,000, an explanation of something that is not a warning on the form (details lists each), or a reply too long; personal-data: an explanation or the reply looks like personal data',
          403: `${editRefusals[403]}; forbidden: a reply sent with an API token`,
          409: `${editRefusals[409]}; not-returned: a reply to a report that is not returned`,
        }),
      },
    }),
    validate('param', submissionPath),
    validate('json', saveValuesBody),
    (c) => {
      const { agency, period } = c.req.valid('param');
      return c.json(saveDraft(c.var.db, requireUser(c), agency, period, c.req.valid('json'), clockOf(c)));
    },
  )
  .post(
    '/:agency/:period/submit',
    describeRoute({
      tags: ['Submissions'],
      summary: 'Submit the draft as a new revision, once errors are fixed and warnings explained',
      description:
        'The revision is kept as submitted; the report is then locked until an admin returns or reopens it. A first submit after the deadline is marked late.',
      security: callers.signedIn,
      responses: {
        200: detailResponse,
        ...errorResponses({
          ...editRefusals,
          400: 'invalid-request: an explanation is too long, or is of something that is not a warning on the form; personal-data: an explanation looks like personal data; copied-figures-unchecked: the draft was started from the previous quarter’s figures and `checkedCopied` is not true',
          422: 'validation-failed: nothing to submit yet, or errors to fix and warnings to explain (details lists them)',
        }),
      },
    }),
    validate('param', submissionPath),
    validate('json', submitBody),
    (c) => {
      const { agency, period } = c.req.valid('param');
      return c.json(submitDraft(c.var.db, requireUser(c), agency, period, c.req.valid('json'), clockOf(c)));
    },
  )
  .post(
    '/:agency/:period/copy-previous',
    describeRoute({
      tags: ['Submissions'],
      summary: 'Start an empty report from the previous quarter’s figures, as a draft to check',
      description:
        'Copies the counts of the agency’s submitted or approved report for the quarter before into this quarter’s draft (explanations are not copied). Counts this quarter’s form has no box for are left out and listed. The draft is marked as copied, and cannot be submitted until the reporter says they checked every figure. Only the agency’s reporters, as people.',
      security: callers.people,
      responses: {
        200: jsonResponse(
          'The draft with the copied counts, and what was copied',
          z.object({
            submission: submissionDetail,
            copied: z.object({
              from: z.string().describe('The quarter copied from'),
              cells: z.number().int().describe('How many counts were copied'),
              leftOut: z
                .array(z.object({ cell: z.string(), label: z.string() }))
                .describe('Counts of that quarter this form has no box for'),
            }),
          }),
        ),
        ...errorResponses({
          ...editRefusals,
          403: `${editRefusals[403]}; forbidden: an API token`,
          409: `${editRefusals[409]}; report-not-empty: the report already has counts or was submitted before; nothing-to-copy: no submitted or approved report for the quarter before, or none of its counts fit this form`,
        }),
      },
    }),
    validate('param', submissionPath),
    (c) => {
      const { agency, period } = c.req.valid('param');
      return c.json(copyPreviousQuarter(c.var.db, requireUser(c), agency, period, clockOf(c)));
    },
  )
  .post(
    '/:agency/:period/approve',
    describeReview('Approve a submitted report, locking it', 'Approved reports are what releases publish.'),
    validate('param', submissionPath),
    (c) => c.json(review(c, c.req.valid('param'), 'approve', null)),
  )
  .post(
    '/:agency/:period/return',
    describeReview(
      'Return a submitted report for correction, with a comment the agency sees',
      undefined,
      'invalid-request: no comment, or one too long; personal-data: the comment looks like personal data',
    ),
    validate('param', submissionPath),
    validate('json', returnBody),
    (c) => c.json(review(c, c.req.valid('param'), 'return', c.req.valid('json').comment)),
  )
  .post(
    '/:agency/:period/reopen',
    describeReview(
      'Reopen an approved report so the agency can correct it (a lock exception)',
      'The agency may then edit and resubmit it even if the quarter is closed for entry.',
      'invalid-request: no reason, or one too long; personal-data: the reason looks like personal data',
    ),
    validate('param', submissionPath),
    validate('json', reopenBody),
    (c) => c.json(review(c, c.req.valid('param'), 'reopen', c.req.valid('json').reason)),
  )
  .get(
    '/:agency/:period/revisions',
    describeRoute({
      tags: ['Submissions'],
      summary: 'Every submitted revision with its reviews, newest first',
      security: callers.signedIn,
      responses: {
        200: jsonResponse(
          'The revisions; none before the first submit',
          z.object({
            revisions: z.array(
              z.object({
                revision: z.number().int(),
                submittedAt: z.iso.datetime(),
                submittedBy: z.string().nullable(),
                late: z.boolean(),
                explanations: z
                  .record(z.string(), z.string())
                  .describe('By warning code; once an admin removes one, a note saying so and when'),
                explanationIds: z
                  .record(z.string(), z.number().int())
                  .describe('By warning code, the id an admin removes an explanation by'),
                reply: z
                  .object({
                    text: z.string().describe('The words; once an admin removes them, a note saying so'),
                    textId: z.number().int().describe('The id an admin removes the reply by'),
                    by: z.string().nullable().describe('Who wrote it'),
                  })
                  .nullable()
                  .describe('The reporter’s answer to the return of the revision before, sent with this one'),
                reviews: z.array(
                  z.object({
                    action: z.enum(['approve', 'return', 'reopen']),
                    comment: z
                      .string()
                      .nullable()
                      .describe('The return comment or reopening reason; once removed, a note saying so'),
                    commentId: z.number().int().nullable().describe('The id an admin removes the comment by'),
                    reviewedBy: z.string().nullable(),
                    reviewedAt: z.iso.datetime(),
                  }),
                ),
              }),
            ),
          }),
        ),
        ...errorResponses(quarterRefusals),
      },
    }),
    validate('param', submissionPath),
    (c) => {
      const { agency, period } = c.req.valid('param');
      const revisions = revisionsOf(c.var.db, requireUser(c), agency, period);
      recordAgencyRead(c, agency, period, 'revisions');
      return c.json({ revisions });
    },
  )
  .get(
    '/:agency/:period/revisions/:revision',
    describeRoute({
      tags: ['Submissions'],
      summary: 'The values of one submitted revision',
      security: callers.signedIn,
      responses: {
        200: jsonResponse(
          'The revision’s counts by cell key',
          z.object({ revision: z.number().int(), values: z.record(z.string(), z.number().int().min(0)) }),
        ),
        ...errorResponses({ ...quarterRefusals, 404: `${quarterRefusals[404]}, or no such revision` }),
      },
    }),
    validate(
      'param',
      submissionPath.extend({ revision: z.coerce.number().int().min(1).describe('The revision number') }),
    ),
    (c) => {
      const { agency, period, revision } = c.req.valid('param');
      const values = revisionValues(c.var.db, requireUser(c), agency, period, revision);
      recordAgencyRead(c, agency, period, `revision ${revision}`);
      return c.json(values);
    },
  )
  .get(
    '/:agency/:period/diff',
    describeRoute({
      tags: ['Submissions'],
      summary: 'What changed between two revisions, or a revision and the draft',
      security: callers.signedIn,
      responses: {
        200: jsonResponse(
          'The changed cells, in catalog order, with labels',
          z.object({
            from: z.number().int(),
            to: z.union([z.literal('draft'), z.number().int()]),
            changes: z.array(cellChange),
          }),
        ),
        ...errorResponses({
          ...quarterRefusals,
          404: `${quarterRefusals[404]}, the report has not been started, or no such revision`,
        }),
      },
    }),
    validate('param', submissionPath),
    validate('query', diffQuery),
    (c) => {
      const { agency, period } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      const changes = diffRevisions(c.var.db, requireUser(c), agency, period, from, to);
      recordAgencyRead(c, agency, period, 'changes');
      return c.json(changes);
    },
  )
  .get(
    '/:agency/:period/template.csv',
    describeRoute({
      tags: ['Upload'],
      summary: 'The CSV template, one row per count, pre-filled with the draft',
      description:
        'Fill in the value column and upload it with `POST …/upload`. Named scope-<agency>-<period>.csv.',
      security: callers.signedIn,
      responses: {
        200: {
          description: 'CSV (UTF-8 with BOM, CRLF)',
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        ...errorResponses(quarterRefusals),
      },
    }),
    validate('param', submissionPath),
    (c) => {
      const { agency, period } = c.req.valid('param');
      const { filename, csv } = templateFor(c.var.db, requireUser(c), agency, period);
      recordAgencyRead(c, agency, period, 'template');
      c.header('Content-Disposition', `attachment; filename="${filename}"`);
      c.header('Cache-Control', 'no-store');
      return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    },
  )
  .post(
    '/:agency/:period/upload',
    describeRoute({
      tags: ['Upload'],
      summary: 'Upload the filled-in template; with dryRun=true, preview exactly what would change',
      description: `The CSV itself as the body (\`Content-Type: text/csv\`), or a form with the file in a field named \`file\`; at most ${maxUploadBytes / 1024 / 1024} MB. Every row is checked before anything changes: one problem refuses the whole upload.`,
      security: callers.signedIn,
      requestBody: {
        required: true,
        content: {
          'text/csv': { schema: { type: 'string' } },
          'multipart/form-data': {
            schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
          },
        },
      },
      responses: {
        200: jsonResponse(
          'What changes (changed, unless a dry run), how many rows change nothing, and the findings after it',
          z.object({
            dryRun: z.boolean(),
            changes: z.array(cellChange),
            unchanged: z.number().int(),
            findings: z.array(finding),
            submission: submissionDetail,
          }),
        ),
        ...errorResponses({
          ...editRefusals,
          400: 'upload-refused or personal-data: details lists each problem by row and column; invalid-request: no file in the form, or a bad dryRun',
          413: 'too-large: the file is larger than the limit',
          415: 'unsupported-media-type: JSON, a form-encoded or a plain-text body sent instead of the CSV',
        }),
      },
    }),
    validate('param', submissionPath),
    validate('query', uploadQuery),
    async (c) => {
      const user = requireUser(c);
      const { agency, period } = c.req.valid('param');
      const text = await readUploadText(c);
      if (Buffer.byteLength(text) > maxUploadBytes) throw uploadTooLarge();
      return c.json(
        uploadTemplate(
          c.var.db,
          user,
          agency,
          period,
          text,
          c.req.valid('query').dryRun === 'true',
          clockOf(c),
        ),
      );
    },
  );
