import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { todayOf } from '../domain/clock';
import { entryWindow } from '../domain/entry';
import { maxUploadBytes } from '../domain/upload';
import { ApiError, badRequest, notFound } from '../errors';
import { isAdmin } from '../permissions';
import { getPeriodByCode } from '../queries/periods';
import { listPeriodSubmissions } from '../queries/submissions';
import {
  diffRevisions,
  getSubmissionDetail,
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

const explanationText = z.string().max(1000, 'Keep each explanation under 1,000 characters.');

export const saveValuesBody = z.object({
  values: z.record(z.string().max(120), z.number().nullable()),
  explanations: z.record(z.string().max(120), explanationText.nullable()).optional(),
});
export const submitBody = z.object({
  explanations: z.record(z.string().max(120), explanationText).optional(),
});
export const returnBody = z.object({
  comment: z.string().trim().min(1, 'Write a comment saying what the agency should correct.').max(2000),
});
export const reopenBody = z.object({
  reason: z.string().trim().min(1, 'Say why the report is being reopened.').max(2000),
});
export const listQuery = z.object({ period: quarterCode });
export const diffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.union([z.literal('draft'), z.coerce.number().int().min(1)]),
});
export const uploadQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false') });

const uploadTooLarge = () =>
  new ApiError(
    413,
    'too-large',
    `The file is larger than ${maxUploadBytes / 1024 / 1024} MB. Upload one quarter of one agency at a time.`,
  );

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
    throw new ApiError(
      415,
      'unsupported-media-type',
      'Send the CSV file itself (Content-Type: text/csv), not JSON.',
    );
  return c.req.text();
}

export const submissionRoutes = new Hono<AppEnv>()
  .get('/', validate('query', listQuery), (c) => {
    const user = requireUser(c);
    const code = c.req.valid('query').period;
    const period = getPeriodByCode(c.var.db, code);
    if (!period) throw notFound(`There is no reporting period ${code}.`);
    if (!isAdmin(user) && user.agencyId === null) throw notFound('There are no submissions you can see.');
    return c.json({
      period: { code: period.code, deadline: period.deadline, ...entryWindow(period, todayOf(clockOf(c))) },
      submissions: listPeriodSubmissions(c.var.db, period.id, isAdmin(user) ? null : user.agencyId),
    });
  })
  .get('/:agency/:period', validate('param', submissionParams), (c) => {
    const { agency, period } = c.req.valid('param');
    return c.json(getSubmissionDetail(c.var.db, requireUser(c), agency, period, clockOf(c)));
  })
  .get('/:agency/:period/values', validate('param', submissionParams), (c) => {
    const { agency, period } = c.req.valid('param');
    return c.json(getSubmissionDetail(c.var.db, requireUser(c), agency, period, clockOf(c)));
  })
  .put(
    '/:agency/:period/values',
    validate('param', submissionParams),
    validate('json', saveValuesBody),
    (c) => {
      const { agency, period } = c.req.valid('param');
      return c.json(saveDraft(c.var.db, requireUser(c), agency, period, c.req.valid('json'), clockOf(c)));
    },
  )
  .post('/:agency/:period/submit', validate('param', submissionParams), validate('json', submitBody), (c) => {
    const { agency, period } = c.req.valid('param');
    return c.json(submitDraft(c.var.db, requireUser(c), agency, period, c.req.valid('json'), clockOf(c)));
  })
  .post('/:agency/:period/approve', validate('param', submissionParams), (c) => {
    const { agency, period } = c.req.valid('param');
    return c.json(reviewSubmission(c.var.db, requireUser(c), agency, period, 'approve', null, clockOf(c)));
  })
  .post('/:agency/:period/return', validate('param', submissionParams), validate('json', returnBody), (c) => {
    const { agency, period } = c.req.valid('param');
    return c.json(
      reviewSubmission(
        c.var.db,
        requireUser(c),
        agency,
        period,
        'return',
        c.req.valid('json').comment,
        clockOf(c),
      ),
    );
  })
  .post('/:agency/:period/reopen', validate('param', submissionParams), validate('json', reopenBody), (c) => {
    const { agency, period } = c.req.valid('param');
    return c.json(
      reviewSubmission(
        c.var.db,
        requireUser(c),
        agency,
        period,
        'reopen',
        c.req.valid('json').reason,
        clockOf(c),
      ),
    );
  })
  .get('/:agency/:period/revisions', validate('param', submissionParams), (c) => {
    const { agency, period } = c.req.valid('param');
    return c.json({ revisions: revisionsOf(c.var.db, requireUser(c), agency, period) });
  })
  .get(
    '/:agency/:period/revisions/:revision',
    validate('param', submissionParams.extend({ revision: z.coerce.number().int().min(1) })),
    (c) => {
      const { agency, period, revision } = c.req.valid('param');
      return c.json(revisionValues(c.var.db, requireUser(c), agency, period, revision));
    },
  )
  .get('/:agency/:period/diff', validate('param', submissionParams), validate('query', diffQuery), (c) => {
    const { agency, period } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    return c.json(diffRevisions(c.var.db, requireUser(c), agency, period, from, to));
  })
  .get('/:agency/:period/template.csv', validate('param', submissionParams), (c) => {
    const { agency, period } = c.req.valid('param');
    const { filename, csv } = templateFor(c.var.db, requireUser(c), agency, period);
    c.header('Content-Disposition', `attachment; filename="${filename}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  })
  .post(
    '/:agency/:period/upload',
    bodyLimit({
      maxSize: maxUploadBytes + 64 * 1024,
      onError: () => {
        throw uploadTooLarge();
      },
    }),
    validate('param', submissionParams),
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
