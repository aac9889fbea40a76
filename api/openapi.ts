/**
 * The OpenAPI document, built from the same zod schemas the routes validate with, so the reference
 * can't drift from what the server accepts.
 */
import { z } from 'zod';
import { createTokenBody } from './routes/agencies';
import { signInSchema } from './routes/auth';
import { agencyCode, quarterCode } from './routes/params';
import {
  diffQuery,
  listQuery,
  reopenBody,
  returnBody,
  saveValuesBody,
  submitBody,
  uploadQuery,
} from './routes/submissions';

function schema(s: z.ZodType) {
  const { $schema: _dialect, ...json } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
  return json;
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          description: 'kebab-case, for programs: invalid-request, not-signed-in, forbidden, not-found, …',
        },
        message: { type: 'string', description: 'what went wrong, in words a person can act on' },
        details: {
          description:
            'particulars: the problems of an upload by row and column, the findings blocking a submit',
        },
      },
    },
  },
};

const errors = (...codes: Array<[number, string]>) =>
  Object.fromEntries(
    codes.map(([status, description]) => [
      String(status),
      { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    ]),
  );

const detailResponse = {
  200: {
    description:
      'The quarter: status, revision, values by cell key, explanations, validation findings, the agency history used for outlier warnings, and what the caller may do.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/SubmissionDetail' } } },
  },
};

const submissionPath = [
  {
    name: 'agency',
    in: 'path',
    required: true,
    schema: schema(agencyCode),
    description: "the agency's short code",
  },
  {
    name: 'period',
    in: 'path',
    required: true,
    schema: schema(quarterCode),
    description: 'the quarter, like 2026Q3',
  },
];
const queryParameters = (s: z.ZodObject) =>
  Object.entries(s.shape).map(([name, field]) => ({ name, in: 'query', schema: schema(field as z.ZodType) }));
const jsonBody = (s: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: schema(s) } },
});

const editRefusals = errors(
  [
    400,
    'invalid-request: an unknown cell or a value that is not a whole number from 0 to 1,000,000; personal-data',
  ],
  [401, 'not-signed-in or invalid-token'],
  [403, 'period-closed, or not this agency’s reporter'],
  [404, 'no such agency you can see, or no such period'],
  [409, 'submission-locked: submitted and awaiting review, or approved'],
);

/** The OpenAPI 3.1 document for Scope's API. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Scope API',
      version: '1',
      description:
        'Aggregate, de-identified quarterly counts for the South Bay Coalition to End Human Trafficking. Agency systems authenticate with an agency-scoped API token (`Authorization: Bearer scope_…`), made and revoked in Scope under "API access"; people use the session cookie set by signing in. No personal data is ever accepted: uploads and text that look like names, dates of birth, phone numbers, emails, addresses or case numbers are refused.\n\nA **cell key** names one count: an element\'s total is its code (`survivors_served`); a cell of a disaggregation is `element.combination.options`, with the options in the combination\'s category order joined by `|` (`survivors_served.type_age.sex|12_17`). The CSV template lists every cell an agency reports.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', description: 'An agency API token, `scope_…`' },
        session: { type: 'apiKey', in: 'cookie', name: 'scope_session' },
      },
      schemas: {
        Error: errorSchema,
        SubmissionDetail: {
          type: 'object',
          properties: {
            agency: { type: 'object' },
            period: { type: 'object' },
            status: { enum: ['not_started', 'draft', 'submitted', 'returned', 'approved'] },
            revision: { type: 'integer' },
            late: { type: 'boolean' },
            values: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
            explanations: { type: 'object', additionalProperties: { type: 'string' } },
            findings: { type: 'array', items: { type: 'object' } },
            permissions: { type: 'object' },
          },
        },
      },
    },
    security: [{ apiToken: [] }, { session: [] }],
    paths: {
      '/api/auth/login': {
        post: {
          tags: ['Sign-in'],
          summary: 'Sign in and receive the session cookie',
          security: [],
          requestBody: jsonBody(signInSchema),
          responses: {
            200: { description: 'Signed in' },
            ...errors([401, 'invalid-credentials'], [429, 'too-many-attempts']),
          },
        },
      },
      '/api/submissions': {
        get: {
          tags: ['Submissions'],
          summary: "Every agency's submission status for a quarter (admins), or your agency's",
          parameters: queryParameters(listQuery),
          responses: {
            200: { description: 'The period and its submissions' },
            ...errors([404, 'no such period']),
          },
        },
      },
      '/api/submissions/{agency}/{period}/values': {
        parameters: submissionPath,
        get: {
          tags: ['Submissions'],
          summary: "An agency's quarter with its values",
          responses: { ...detailResponse, ...editRefusals },
        },
        put: {
          tags: ['Submissions'],
          summary: 'Save values into the draft (null clears a cell; cells not named are unchanged)',
          requestBody: jsonBody(saveValuesBody),
          responses: { ...detailResponse, ...editRefusals },
        },
      },
      '/api/submissions/{agency}/{period}/submit': {
        parameters: submissionPath,
        post: {
          tags: ['Submissions'],
          summary: 'Submit the draft as a new revision, once errors are fixed and warnings explained',
          requestBody: jsonBody(submitBody),
          responses: {
            ...detailResponse,
            ...editRefusals,
            ...errors([422, 'validation-failed: details lists the errors and the unexplained warnings']),
          },
        },
      },
      '/api/submissions/{agency}/{period}/approve': {
        parameters: submissionPath,
        post: {
          tags: ['Review (admins)'],
          summary: 'Approve a submitted report, locking it',
          responses: { ...detailResponse, ...errors([403, 'not an admin'], [409, 'invalid-transition']) },
        },
      },
      '/api/submissions/{agency}/{period}/return': {
        parameters: submissionPath,
        post: {
          tags: ['Review (admins)'],
          summary: 'Return a submitted report for correction, with a comment the agency sees',
          requestBody: jsonBody(returnBody),
          responses: { ...detailResponse, ...errors([403, 'not an admin'], [409, 'invalid-transition']) },
        },
      },
      '/api/submissions/{agency}/{period}/reopen': {
        parameters: submissionPath,
        post: {
          tags: ['Review (admins)'],
          summary: 'Reopen an approved report so the agency can correct it (a lock exception)',
          requestBody: jsonBody(reopenBody),
          responses: { ...detailResponse, ...errors([403, 'not an admin'], [409, 'invalid-transition']) },
        },
      },
      '/api/submissions/{agency}/{period}/revisions': {
        parameters: submissionPath,
        get: {
          tags: ['Submissions'],
          summary: 'Every submitted revision with its reviews, newest first',
          responses: { 200: { description: 'The revisions' } },
        },
      },
      '/api/submissions/{agency}/{period}/diff': {
        parameters: submissionPath,
        get: {
          tags: ['Submissions'],
          summary: 'What changed between two revisions, or a revision and the draft',
          parameters: queryParameters(diffQuery),
          responses: { 200: { description: 'The changed cells with labels' } },
        },
      },
      '/api/submissions/{agency}/{period}/template.csv': {
        parameters: submissionPath,
        get: {
          tags: ['Upload'],
          summary: 'The CSV template, one row per count, pre-filled with the draft',
          responses: { 200: { description: 'CSV (UTF-8 with BOM, CRLF)', content: { 'text/csv': {} } } },
        },
      },
      '/api/submissions/{agency}/{period}/upload': {
        parameters: submissionPath,
        post: {
          tags: ['Upload'],
          summary: 'Upload the filled-in template; with dryRun=true, preview exactly what would change',
          parameters: queryParameters(uploadQuery),
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
            200: { description: 'The changes (applied unless a dry run), unchanged count and findings' },
            ...editRefusals,
            ...errors(
              [400, 'upload-refused or personal-data: details lists each problem by row and column'],
              [413, 'too-large'],
            ),
          },
        },
      },
      '/api/agencies/{agency}/tokens': {
        parameters: [submissionPath[0]],
        get: {
          tags: ['API tokens'],
          summary: "An agency's API tokens (never their secrets)",
          responses: { 200: { description: 'The tokens' } },
        },
        post: {
          tags: ['API tokens'],
          summary: 'Make a token; its secret is in this response only',
          requestBody: jsonBody(createTokenBody),
          responses: { 201: { description: 'The token with its secret' } },
        },
      },
    },
  };
}

/** The interactive reference page: Swagger UI served from the project's own copy, no outside requests. */
export const docsPage = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Scope API reference</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <main id="swagger-ui"></main>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

export const docsInit = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;
