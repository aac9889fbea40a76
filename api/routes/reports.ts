import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { periodKinds, periodSchema } from '../domain/periods';
import { reportKinds } from '../domain/reportTemplate';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { canMakeConfidentialReports } from '../permissions';
import { reportFormats } from '../queries/reports';
import { reportChoices } from '../services/reports/choices';
import { reportDraft, saveDraft } from '../services/reports/drafts';
import {
  listReportSummaries,
  maxPurposeLength,
  previewReport,
  regenerateReport,
  reportChanges,
  reportFile,
  reportSummary,
  startReport,
} from '../services/reports/history';
import { changeReportSettings, reportSettings } from '../services/reports/settings';
import { validate } from '../validate';

const templateCode = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_]{0,63}$/,
    'Not a report template code: use one from GET /api/report-templates, like federal_semiannual.',
  )
  .describe('A template’s code, from `GET /api/report-templates`');
const reportPeriod = periodSchema(
  periodKinds,
  'Not a report period: write a quarter like 2025Q4, a half-year like 2025H2, a year like 2025, or a fiscal year like FY2025 or SFY2026.',
).describe('A period of one of the template’s kinds: 2025Q4, 2025H2, 2025, FY2025, SFY2026');
const reportArea = z
  .string()
  .regex(/^(coalition|[A-Za-z0-9]{2,16})$/, 'Not an area: use "coalition" or a county code, like SCL.')
  .transform((s) => (s.toLowerCase() === 'coalition' ? 'coalition' : s.toUpperCase()))
  .describe('`coalition`, or a county’s code');
const kind = z
  .enum(reportKinds, 'The kind is "protected" or "confidential".')
  .describe(
    'protected: the published figures, hidden ones as S; confidential: exact approved counts, for admins, with a purpose',
  );
const purpose = z
  .string('The purpose is a line of text.')
  .optional()
  .describe(
    `Why a confidential report is made, and for whom: required for one (at most ${maxPurposeLength} characters), kept in the audit log; ignored for a protected one`,
  );
const sectionCode = z.string().regex(/^[a-z0-9][a-z0-9_]{0,63}$/, 'Not a section code.');

export const reportBody = z
  .object({ template: templateCode, period: reportPeriod, area: reportArea, kind, purpose })
  .strict();
export const regenerateBody = z.object({ purpose }).strict();
export const draftQuery = z
  .object({ template: templateCode, period: reportPeriod, area: reportArea })
  .strict();
export const draftBody = z
  .object({
    template: templateCode,
    period: reportPeriod,
    area: reportArea,
    texts: z
      .record(sectionCode, z.string('Each narrative is text.'))
      .describe('Each narrative section’s words, by section code; an empty text clears its section'),
  })
  .strict();
export const choicesQuery = z.object({ template: templateCode }).strict();
export const settingsBody = z
  .object({
    confidentialReports: z
      .boolean('confidentialReports is true or false.')
      .describe('Whether admins may make confidential (exact) reports'),
  })
  .strict();
const reportParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1, 'Not a report number.')
    .describe('The report’s number, from `GET /api/reports`'),
});
const fileParams = reportParams.extend({
  format: z.enum(reportFormats, 'The file is pdf, xlsx or csv.').describe('Which file: pdf, xlsx or csv'),
});

// ---- Responses ---------------------------------------------------------------------------------------

const fileSummary = z.object({
  bytes: z.number().int().describe('Its size in bytes'),
  sha256: z.string().describe('The SHA-256 of its bytes, in hex: every download has it'),
  pages: z.number().int().optional().describe('The PDF’s pages'),
});
const figure = z.union([z.number(), z.literal('S'), z.null()]);
const reportSummaryShape = z
  .object({
    id: z.number().int(),
    template: z.object({ code: z.string(), name: z.string(), version: z.number().int() }),
    period: z.object({ code: z.string(), label: z.string() }),
    area: z.object({ code: z.string(), name: z.string() }),
    kind: z.enum(reportKinds),
    status: z.enum(['rendering', 'ready', 'failed']),
    progress: z
      .object({ stage: z.string(), done: z.number().int(), total: z.number().int() })
      .nullable()
      .describe('While it is made: waiting, figures, PDF, workbook, CSV or keeping'),
    failure: z.string().nullable().describe('Why it failed, in words'),
    createdBy: z.string().describe('Who asked for it'),
    createdAt: z.string(),
    purpose: z.string().nullable().describe('A confidential report’s purpose line'),
    releases: z
      .array(z.object({ id: z.number().int(), period: z.string(), sequence: z.number().int() }))
      .describe('The releases its figures came from (none for a confidential report)'),
    files: z
      .object({ pdf: fileSummary, xlsx: fileSummary, csv: fileSummary })
      .nullable()
      .describe('Its kept files, once ready'),
    pages: z.number().int().nullable(),
    outdated: z
      .object({
        replaced: z.array(
          z.object({
            period: z.string(),
            sequence: z.number().int(),
            by: z.number().int().describe('The sequence of the correction release that replaced it'),
          }),
        ),
      })
      .nullable()
      .describe('When a correction release replaced a release it used: which, and by which'),
    regenerationOf: z.number().int().nullable().describe('The report this one made again'),
    regeneratedAs: z.number().int().nullable().describe('The newest report that made this one again'),
    withdrawn: z
      .object({ at: z.string() })
      .nullable()
      .describe(
        'When an admin removed a text it printed: its files were deleted then (files is null); regenerate it to make it again without that text',
      ),
  })
  .meta({ id: 'ReportSummary' });
const reportChoicesShape = z.object({
  periods: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      kind: z.enum(periodKinds),
      protected: z.boolean().describe('A protected report can be made for it: it is published'),
      confidential: z.boolean().describe('A confidential report can be made for it: approved counts exist'),
    }),
  ),
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
  confidential: z.object({
    allowed: z.boolean().describe('The coalition allows confidential reports (its setting)'),
    canMake: z.boolean().describe('This person may make one: an admin'),
  }),
});
const draftShape = z.object({
  texts: z.record(z.string(), z.string()),
  updatedAt: z.string().nullable().describe('When it was last saved; null if never'),
});
const started = z.object({
  id: z.number().int().describe('The new report’s number: follow it with GET /api/reports/{id}'),
});
const settingsShape = z.object({ confidentialReports: z.boolean() });

const signedInPeople = {
  401: notSignedInWords,
  403: 'forbidden: an API token (reports are made by people)',
} as const;
const badChoice =
  'invalid-request: no such template, a period or area it is not made for, a period a report of this kind can’t be made for yet, or a text refused; personal-data: a text that looks like personal data';
const confidentialRefusals = `${signedInPeople[403]}, a confidential report by anyone but an admin, or while the coalition has switched them off`;
const notVisible = 'not-found: no such report you can see (confidential ones are for admins)';

/** Grant reports: the builder's choices, drafts and preview, and the kept history of generated reports. */
export const reportRoutes = new Hono<AppEnv>()
  .get(
    '/settings',
    describeRoute({
      tags: ['Grant reports'],
      summary: 'Whether the coalition allows confidential reports',
      security: callers.people,
      responses: {
        200: jsonResponse('The setting', settingsShape),
        ...errorResponses({ 401: notSignedInWords }),
      },
    }),
    (c) => {
      requireUser(c);
      return c.json(reportSettings(c.var.db));
    },
  )
  .put(
    '/settings',
    describeRoute({
      tags: ['Grant reports'],
      summary: 'Switch confidential reports on or off (admins); audited',
      security: callers.people,
      responses: {
        200: jsonResponse('The setting now', settingsShape),
        ...errorResponses({
          401: notSignedInWords,
          403: 'forbidden: not a coalition admin (signed in as a person)',
          400: 'invalid-request: not true or false',
        }),
      },
    }),
    validate('json', settingsBody),
    (c) => c.json(changeReportSettings(c.var.db, requireUser(c), c.req.valid('json'), c.var.now())),
  )
  .get(
    '/choices',
    describeRoute({
      tags: ['Grant reports'],
      summary:
        'The periods and areas a template can be made for, and whether this person may make a confidential one',
      security: callers.people,
      responses: {
        200: jsonResponse('The choices, periods newest first', reportChoicesShape),
        ...errorResponses({ ...signedInPeople, 400: 'invalid-request: no such template' }),
      },
    }),
    validate('query', choicesQuery),
    (c) => {
      const user = requireUser(c);
      const choices = reportChoices(c.var.db, user, c.req.valid('query').template);
      return c.json({
        ...choices,
        confidential: {
          allowed: reportSettings(c.var.db).confidentialReports,
          canMake: canMakeConfidentialReports(user),
        },
      });
    },
  )
  .get(
    '/drafts',
    describeRoute({
      tags: ['Grant reports'],
      summary: 'My saved narrative texts for a report',
      security: callers.people,
      responses: {
        200: jsonResponse('The draft; empty when none is saved', draftShape),
        ...errorResponses({ ...signedInPeople, 400: 'invalid-request: not a template code, period or area' }),
      },
    }),
    validate('query', draftQuery),
    (c) => c.json(reportDraft(c.var.db, requireUser(c), c.req.valid('query'))),
  )
  .put(
    '/drafts',
    describeRoute({
      tags: ['Grant reports'],
      summary: 'Save my narrative texts for a report',
      description:
        'Replaces the draft’s texts. Every text passes the personal-data guard and its section’s length limit; a refused text saves nothing.',
      security: callers.people,
      responses: {
        200: jsonResponse('The draft as saved', draftShape),
        ...errorResponses({
          ...signedInPeople,
          400: 'invalid-request: no such template or narrative section, or a text too long; personal-data: a text that looks like personal data (the message names the section, never the text)',
        }),
      },
    }),
    validate('json', draftBody),
    (c) => {
      const { texts, ...choice } = c.req.valid('json');
      return c.json(saveDraft(c.var.db, requireUser(c), choice, texts, c.var.now()));
    },
  )
  .post(
    '/preview',
    describeRoute({
      tags: ['Grant reports'],
      summary: 'The report as it will print, with my saved narratives, as an HTML page',
      description:
        'The same page the PDF is printed from. A confidential preview needs an admin, the setting on and a purpose, and is recorded in the audit log.',
      security: callers.people,
      responses: {
        200: {
          description: 'The report page',
          content: { 'text/html': { schema: { type: 'string' } } },
        },
        ...errorResponses({ ...signedInPeople, 400: badChoice, 403: confidentialRefusals }),
      },
    }),
    validate('json', reportBody),
    (c) => c.html(previewReport(c.var.db, requireUser(c), c.req.valid('json'), c.var.now())),
  )
  .post(
    '/',
    describeRoute({
      tags: ['Grant reports'],
      summary: 'Generate a report: its PDF, workbook and CSV are made in the background and kept',
      description:
        'Answers at once (202) with the report’s number; follow it with `GET /api/reports/{id}` until it is ready or failed. Reports are made one at a time; later ones wait their turn. A confidential report needs an admin, the setting on and a purpose, and is recorded in the audit log with who, what and why.',
      security: callers.people,
      responses: {
        202: jsonResponse('Started', started),
        ...errorResponses({ ...signedInPeople, 400: badChoice, 403: confidentialRefusals }),
      },
    }),
    validate('json', reportBody),
    (c) => c.json(startReport(c.var.db, c.var.config, requireUser(c), c.req.valid('json'), c.var.now()), 202),
  )
  .get(
    '/',
    describeRoute({
      tags: ['Grant reports'],
      summary: 'Every generated report, newest first',
      description: 'Confidential reports are listed for admins only.',
      security: callers.people,
      responses: {
        200: jsonResponse('The history', z.object({ reports: z.array(reportSummaryShape) })),
        ...errorResponses(signedInPeople),
      },
    }),
    (c) => c.json({ reports: listReportSummaries(c.var.db, requireUser(c)) }),
  )
  .get(
    '/:id',
    describeRoute({
      tags: ['Grant reports'],
      summary: 'One generated report; while it is made, its progress',
      security: callers.people,
      responses: {
        200: jsonResponse('The report', reportSummaryShape),
        ...errorResponses({
          ...signedInPeople,
          400: 'invalid-request: not a report number',
          404: notVisible,
        }),
      },
    }),
    validate('param', reportParams),
    (c) => c.json(reportSummary(c.var.db, requireUser(c), c.req.valid('param').id)),
  )
  .get(
    '/:id/file/:format',
    describeRoute({
      tags: ['Grant reports'],
      summary: 'Download a kept file: the same bytes every time',
      description:
        'Named like scope-federal_semiannual-2025H2-coalition-protected-12.pdf. A confidential report’s download is recorded in the audit log.',
      security: callers.people,
      responses: {
        200: {
          description: 'The file as it was made',
          content: {
            'application/pdf': { schema: { type: 'string', format: 'binary' } },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string', format: 'binary' },
            },
            'text/csv': { schema: { type: 'string' } },
          },
        },
        ...errorResponses({
          ...signedInPeople,
          400: 'invalid-request: not a report number, or a format other than pdf, xlsx or csv',
          404: notVisible,
          409: 'report-not-ready: it is still being made, or it failed',
          410: 'report-withdrawn: an admin removed a text it printed, and its files with it; regenerate it',
        }),
      },
    }),
    validate('param', fileParams),
    (c) => {
      const { id, format } = c.req.valid('param');
      const file = reportFile(c.var.db, requireUser(c), id, format, c.var.now());
      return c.body(new Uint8Array(file.bytes), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'private, no-store',
      });
    },
  )
  .post(
    '/:id/regenerate',
    describeRoute({
      tags: ['Grant reports'],
      summary: 'Make a report again with today’s releases: same choices and narratives',
      description:
        'For a report a correction release has made outdated, or one withdrawn because a text it printed was removed. The body is optional for a protected report. A confidential one needs an admin, the setting on and the regenerating admin’s own `purpose` (400 without it), which is kept and recorded in the audit log.',
      security: callers.people,
      responses: {
        202: jsonResponse('Started', started),
        ...errorResponses({
          ...signedInPeople,
          400: badChoice,
          403: confidentialRefusals,
          404: notVisible,
          409: 'report-not-ready: it is still being made',
        }),
      },
    }),
    validate('param', reportParams),
    validate('json', regenerateBody),
    (c) =>
      c.json(
        regenerateReport(
          c.var.db,
          c.var.config,
          requireUser(c),
          c.req.valid('param').id,
          c.req.valid('json').purpose,
          c.var.now(),
        ),
        202,
      ),
  )
  .get(
    '/:id/changes',
    describeRoute({
      tags: ['Grant reports'],
      summary: 'The figures that changed between a regenerated report and the one it remade',
      security: callers.people,
      responses: {
        200: jsonResponse(
          'Each changed figure: S when hidden, null when the row is not in that report',
          z.object({
            against: z.number().int().describe('The report compared with'),
            changes: z.array(
              z.object({
                section: z.string(),
                sectionTitle: z.string(),
                row: z.string(),
                before: figure,
                after: figure,
              }),
            ),
          }),
        ),
        ...errorResponses({
          ...signedInPeople,
          404: notVisible,
          409: 'not-a-regeneration: it remade no report; report-not-ready: one of the two is not ready',
        }),
      },
    }),
    validate('param', reportParams),
    (c) => c.json(reportChanges(c.var.db, requireUser(c), c.req.valid('param').id)),
  );
