/**
 * The OpenAPI document, built from the same zod schemas the routes validate with, so the reference
 * can't drift from what the server accepts.
 */
import { z } from 'zod';
import { createTokenBody } from './routes/agencies';
import { signInSchema } from './routes/auth';
import { agencyCode, quarterCode } from './routes/params';
import { audienceQuery, policyBody, previewQuery, releaseBody, releaseParams } from './routes/releases';
import { seriesQuery, statsQuery, tableParams, tablesQuery } from './routes/stats';
import {
  diffQuery,
  listQuery,
  reopenBody,
  returnBody,
  saveValuesBody,
  submitBody,
  uploadQuery,
} from './routes/submissions';

function schema(s: z.ZodType, io: 'input' | 'output' = 'input') {
  const { $schema: _dialect, ...json } = z.toJSONSchema(s, { io, unrepresentable: 'any' });
  return json;
}

/**
 * A field that tidies its value (upper-cases it, say) checks it on one side of the transform only: a
 * period is upper-cased and then matched, a geography matched and then tidied. Take what both sides say.
 */
const field = (s: z.ZodType) => ({ ...schema(s, 'output'), ...schema(s, 'input') });

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

// ---- Published statistics and releases -----------------------------------------------------------

/**
 * Query parameters with words for each, from a route's own query schema: every key it accepts must be
 * described (a new one without words fails to compile), and nothing else is listed.
 */
function describedQuery<Shape extends z.ZodRawShape>(
  s: z.ZodObject<Shape>,
  descriptions: { [K in keyof Shape & string]: string },
) {
  return Object.entries(s.shape).map(([name, f]) => ({
    name,
    in: 'query',
    required: !(f as z.ZodType).safeParse(undefined).success,
    schema: field(f as z.ZodType),
    description: descriptions[name as keyof Shape & string],
  }));
}

const geoWords =
  'The geography: `coalition` (the default) or a county code such as `SCL`. County figures are for signed-in members.';
const audienceWords =
  'Whose figures: `public` (anyone) or `coalition` (signed-in members only). Left out, signed-out callers get the public figures and signed-in callers the coalition’s.';

/**
 * The statistics endpoints check their parameters in two steps (refuse anything outside the published
 * cube by name, then check the values), so the accepted parameters are the second step's: its `out`.
 */
const statsTableQuery = describedQuery(statsQuery.out, {
  period:
    'One published period, fixed: a quarter (`2026Q3`), a calendar year (`2026`) or a federal fiscal year (`FY2026`). Left out: the newest published quarter. Never a date range.',
  geo: geoWords,
  audience: audienceWords,
});
const statsSeriesQuery = describedQuery(seriesQuery.out, {
  geo: geoWords,
  interval:
    'How the series steps: `quarter` (the default), `year` (calendar years) or `fy` (federal fiscal years). Every published period of the interval is included, oldest first.',
  audience: audienceWords,
});
const statsTablesQuery = describedQuery(tablesQuery.out, { audience: audienceWords });
const releaseCellsQuery = describedQuery(audienceQuery, { audience: audienceWords });

const outsideTheCube =
  'Any other query parameter — `from`, `to`, `agency`, `agencies`, `exclude`, … — is refused with 400 and a message naming it: published tables are fixed periods and geographies, so figures can’t be filtered, combined or subtracted from each other.';

const tablePath = {
  name: 'table',
  in: 'path',
  required: true,
  schema: schema(tableParams.shape.table),
  description:
    'A table code from `GET /api/stats/tables`: an element (`survivors_served`) for its total, or `element.combination` (`survivors_served.gender`) for a breakdown.',
};
const releasePath = {
  name: 'id',
  in: 'path',
  required: true,
  schema: schema(releaseParams.shape.id),
  description: 'The release id, from `GET /api/releases`.',
};

/** A JSON body whose fields tidy their values (see `field`), described field by field. */
const objectBody = (s: z.ZodObject) => {
  const json = schema(s);
  const properties = Object.fromEntries(Object.entries(s.shape).map(([k, f]) => [k, field(f as z.ZodType)]));
  return { required: true, content: { 'application/json': { schema: { ...json, properties } } } };
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonResponse = (description: string, name: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});

/** Anyone may call these; signing in (or a token) gives the coalition's figures. */
const signedInOrNot = [{}, { session: [] }, { apiToken: [] }];
/** Admins as people: the session cookie, never an API token. */
const adminsOnly = [{ session: [] }];

const statsRefusals = errors(
  [
    400,
    'invalid-request: a query parameter that isn’t one of this endpoint’s (the message names it), a period that is not published, an unknown table or geography, or county figures or a finer breakdown asked of the public figures',
  ],
  [401, 'not-signed-in: the coalition’s figures need a signed-in member'],
  [503, 'no-catalog: nothing has been set up yet'],
);
const adminRefusals = errors(
  [401, 'not-signed-in'],
  [403, 'forbidden: not a coalition admin (signed in as a person)'],
);

const cellValue = {
  type: ['integer', 'null'],
  minimum: 0,
  description: 'The published count, or null when the cell is hidden to protect small numbers.',
};
const cellSuppressed = {
  type: 'boolean',
  description:
    'true when the cell is hidden (its value is then null): it is small, or would let a small one be worked out.',
};
const categoryColumns = {
  type: 'string',
  description:
    'One property per category of the table, named by the category code (`gender`, `type_age`, …): the option code of this cell, or `_total` for all of the category’s options.',
};

const statsSchemas = {
  StatsCell: {
    type: 'object',
    description:
      'One cell of a published table: its option of each category (`_total` for all of them; the cell with `_total` everywhere is the grand total), its value and whether it is hidden.',
    required: ['value', 'suppressed'],
    properties: { value: cellValue, suppressed: cellSuppressed },
    additionalProperties: categoryColumns,
    examples: [
      { gender: 'female', value: 42, suppressed: false },
      { gender: 'transgender', value: null, suppressed: true },
      { gender: '_total', value: 57, suppressed: false },
    ],
  },
  Completeness: {
    type: 'object',
    description:
      'How complete the figures are: agencies expected to report this part of the catalog here, and how many had an approved report for the whole period.',
    required: ['reported', 'expected'],
    properties: { reported: { type: 'integer', minimum: 0 }, expected: { type: 'integer', minimum: 0 } },
  },
  Unduplicated: {
    description:
      'For survivors served only (null for every other table): survivors served by several members are counted by each, so the number of different survivors is given as a range. `{ suppressed: true }` when either figure it comes from is hidden.',
    anyOf: [
      {
        type: 'object',
        required: ['lower', 'upper'],
        properties: { lower: { type: 'integer', minimum: 0 }, upper: { type: 'integer', minimum: 0 } },
      },
      { type: 'object', required: ['suppressed'], properties: { suppressed: { const: true } } },
      { type: 'null' },
    ],
  },
  PublishingRelease: {
    type: 'object',
    description: 'The release that published these figures.',
    required: ['id', 'sequence', 'publishedAt', 'catalogVersion'],
    properties: {
      id: { type: 'integer' },
      sequence: {
        type: 'integer',
        description: '1 for a quarter’s first release, 2 for its first correction, …',
      },
      publishedAt: { type: 'string', format: 'date-time' },
      catalogVersion: { type: 'integer' },
    },
  },
  Dimension: {
    type: 'object',
    description: 'A category a table is broken down by, with its options.',
    required: ['category', 'name', 'additive', 'options'],
    properties: {
      category: { type: 'string' },
      name: { type: 'string' },
      additive: {
        type: 'boolean',
        description:
          'false for a category where a person may have several options, so options don’t add up to the total',
      },
      options: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'name'],
          properties: { code: { type: 'string' }, name: { type: 'string' } },
        },
      },
    },
  },
  StatsTableList: {
    type: 'object',
    required: ['audience', 'tables'],
    properties: {
      audience: { enum: ['public', 'coalition'] },
      tables: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'element', 'name', 'kind', 'dimensions', 'periods', 'geographies'],
          properties: {
            code: { type: 'string' },
            element: { type: 'string' },
            name: { type: 'string' },
            kind: { enum: ['people', 'activity'] },
            dimensions: { type: 'array', items: ref('Dimension') },
            periods: {
              type: 'array',
              items: { type: 'string' },
              description: 'The published periods with cells of this table, oldest first',
            },
            geographies: {
              type: 'array',
              items: { type: 'string' },
              description: '`coalition` and the county codes with cells of this table',
            },
          },
        },
      },
    },
  },
  StatsTable: {
    type: 'object',
    required: [
      'table',
      'element',
      'name',
      'kind',
      'dimensions',
      'period',
      'geo',
      'audience',
      'release',
      'completeness',
      'unduplicated',
      'cells',
    ],
    properties: {
      table: { type: 'string' },
      element: { type: 'string' },
      name: { type: 'string' },
      kind: { enum: ['people', 'activity'] },
      dimensions: { type: 'array', items: ref('Dimension') },
      period: { type: 'string' },
      geo: { type: 'string' },
      audience: { enum: ['public', 'coalition'] },
      release: ref('PublishingRelease'),
      completeness: ref('Completeness'),
      unduplicated: ref('Unduplicated'),
      cells: { type: 'array', items: ref('StatsCell') },
    },
  },
  StatsSeries: {
    type: 'object',
    required: ['table', 'element', 'name', 'kind', 'dimensions', 'geo', 'interval', 'audience', 'periods'],
    properties: {
      table: { type: 'string' },
      element: { type: 'string' },
      name: { type: 'string' },
      kind: { enum: ['people', 'activity'] },
      dimensions: { type: 'array', items: ref('Dimension') },
      geo: { type: 'string' },
      interval: { enum: ['quarter', 'year', 'fy'] },
      audience: { enum: ['public', 'coalition'] },
      periods: {
        type: 'array',
        description: 'Every published period of the interval with cells of the table, oldest first',
        items: {
          type: 'object',
          required: ['period', 'release', 'completeness', 'unduplicated', 'cells'],
          properties: {
            period: { type: 'string' },
            release: ref('PublishingRelease'),
            completeness: ref('Completeness'),
            unduplicated: ref('Unduplicated'),
            cells: { type: 'array', items: ref('StatsCell') },
          },
        },
      },
    },
  },
  Release: {
    type: 'object',
    required: [
      'id',
      'period',
      'sequence',
      'status',
      'createdAt',
      'publishedAt',
      'createdBy',
      'catalogVersion',
      'periods',
      'progress',
      'failureReason',
      'audiences',
    ],
    properties: {
      id: { type: 'integer' },
      period: { type: 'string', description: 'The quarter released' },
      sequence: {
        type: 'integer',
        description: '1 for a quarter’s first release, 2 for its first correction, …',
      },
      status: {
        enum: ['computing', 'published', 'failed', 'superseded'],
        description: 'computing and failed releases are shown to admins only',
      },
      createdAt: { type: 'string', format: 'date-time' },
      publishedAt: { type: ['string', 'null'], format: 'date-time' },
      createdBy: { type: ['string', 'null'], description: 'Who started it; null for signed-out callers' },
      catalogVersion: { type: 'integer' },
      periods: {
        type: 'array',
        items: { type: 'string' },
        description: 'What it publishes: the quarter, and its calendar or fiscal year once complete',
      },
      progress: {
        type: ['object', 'null'],
        description: 'While computing: the stage and how far along it is; null otherwise',
        properties: {
          stage: { type: 'string' },
          done: { type: 'integer' },
          total: { type: 'integer' },
        },
      },
      failureReason: {
        type: ['string', 'null'],
        description: 'Why it failed, in words (admins only; never a hidden value)',
      },
      audiences: {
        type: 'object',
        description:
          'The protection’s outcome for each audience: threshold, cells, how many are hidden (primary and complementary), time taken',
        additionalProperties: { type: 'object' },
      },
    },
  },
  ReleaseCells: {
    type: 'object',
    required: ['release', 'audience', 'cells'],
    properties: {
      release: {
        type: 'object',
        required: ['id', 'period', 'sequence'],
        properties: { id: { type: 'integer' }, period: { type: 'string' }, sequence: { type: 'integer' } },
      },
      audience: { enum: ['public', 'coalition'] },
      cells: {
        type: 'array',
        items: {
          type: 'object',
          description:
            'One stored cell. An element’s grand total is a row of its own (`table` is the element) with no category properties.',
          required: ['table', 'element', 'period', 'geo', 'value', 'suppressed'],
          properties: {
            table: { type: 'string' },
            element: { type: 'string' },
            period: { type: 'string' },
            geo: { type: 'string', description: '`coalition` or a county code' },
            value: cellValue,
            suppressed: cellSuppressed,
          },
          additionalProperties: categoryColumns,
        },
      },
    },
  },
  ReleasePreview: {
    type: 'object',
    description:
      'What publishing the quarter would cover: how many agencies are approved, awaiting review, returned, in draft or not started, who is missing, the periods it would publish, and warnings to read first.',
    properties: {
      period: { type: 'string' },
      deadline: { type: 'string', format: 'date' },
      open: { type: 'boolean' },
      expected: { type: 'integer' },
      approved: { type: 'integer' },
      awaitingReview: { type: 'integer' },
      returned: { type: 'integer' },
      draft: { type: 'integer' },
      notStarted: { type: 'integer' },
      approvedAgencies: { type: 'array', items: { type: 'object' } },
      missingAgencies: { type: 'array', items: { type: 'object' } },
      previousReleases: { type: 'array', items: { type: 'integer' } },
      periods: { type: 'array', items: { type: 'string' } },
      warnings: { type: 'array', items: { type: 'string' } },
    },
  },
  DisclosurePolicy: {
    type: 'object',
    required: ['policy'],
    properties: {
      policy: {
        type: 'object',
        description: 'The threshold of each audience: counts below it are hidden',
        required: ['coalition', 'public'],
        properties: { coalition: { type: 'integer' }, public: { type: 'integer' } },
      },
    },
  },
};

const statsPaths = {
  '/api/stats/tables': {
    get: {
      tags: ['Published statistics'],
      summary: 'The published tables, each with the periods and geographies that have figures',
      description: `Signed out, the public tables (coalition-wide totals and one-way breakdowns); signed in, the coalition’s. ${outsideTheCube}`,
      security: signedInOrNot,
      parameters: statsTablesQuery,
      responses: {
        200: jsonResponse('The tables the audience can read', 'StatsTableList'),
        ...statsRefusals,
      },
    },
  },
  '/api/stats/{table}': {
    parameters: [tablePath],
    get: {
      tags: ['Published statistics'],
      summary: 'One table for one published period and geography',
      description: `Exactly the cells the release stored: hidden cells have \`value: null\` and \`suppressed: true\`. With the table come its completeness (agencies reported of those expected), for survivors served the unduplicated range, and the release that published it. Periods are fixed — a quarter (2026Q3), a calendar year (2026) or a federal fiscal year (FY2026) — and geographies are the coalition or one county. ${outsideTheCube}`,
      security: signedInOrNot,
      parameters: statsTableQuery,
      responses: {
        200: jsonResponse('The table', 'StatsTable'),
        ...statsRefusals,
        ...errors([404, 'not-found: nothing has been published yet']),
      },
    },
  },
  '/api/stats/{table}/series': {
    parameters: [tablePath],
    get: {
      tags: ['Published statistics'],
      summary: 'One table over every published quarter, year or fiscal year: a trend in one request',
      description: `For each published period of the interval, oldest first, what \`GET /api/stats/{table}\` gives for it: cells (hidden ones null and suppressed), completeness, unduplicated range and release. A series always covers every published period, so \`period\` is refused here. ${outsideTheCube}`,
      security: signedInOrNot,
      parameters: statsSeriesQuery,
      responses: { 200: jsonResponse('The series', 'StatsSeries'), ...statsRefusals },
    },
  },
};

const releasePaths = {
  '/api/releases': {
    get: {
      tags: ['Releases'],
      summary: 'Every release, newest first',
      description:
        'Published and superseded releases for everyone; admins also see releases being computed and failed ones, with why.',
      security: signedInOrNot,
      responses: {
        200: {
          description: 'The releases',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['releases'],
                properties: { releases: { type: 'array', items: ref('Release') } },
              },
            },
          },
        },
      },
    },
    post: {
      tags: ['Releases (admins)'],
      summary: 'Publish a quarter: start a release, computed in the background',
      description:
        'Answers at once (202) with the release in `computing`; follow its progress with `GET /api/releases/{id}` until it is published or failed. Nothing of a failed release is served.',
      security: adminsOnly,
      requestBody: objectBody(releaseBody),
      responses: {
        202: {
          description: 'Started',
          content: {
            'application/json': {
              schema: { type: 'object', required: ['release'], properties: { release: ref('Release') } },
            },
          },
        },
        ...errors(
          [400, 'invalid-request: no such quarter; nothing-to-publish: no agency has an approved report'],
          [401, 'not-signed-in'],
          [403, 'forbidden: not a coalition admin (signed in as a person)'],
          [409, 'release-in-progress: another release is being computed'],
          [503, 'no-catalog'],
        ),
      },
    },
  },
  '/api/releases/preview': {
    get: {
      tags: ['Releases (admins)'],
      summary: 'What publishing a quarter would cover, before starting it',
      security: adminsOnly,
      parameters: describedQuery(previewQuery, { period: 'The quarter, like 2026Q3' }),
      responses: {
        200: jsonResponse('The preview', 'ReleasePreview'),
        ...adminRefusals,
        ...errors([400, 'invalid-request: no such quarter']),
      },
    },
  },
  '/api/releases/policy': {
    get: {
      tags: ['Releases (admins)'],
      summary: 'The disclosure policy: the threshold below which each audience’s counts are hidden',
      security: adminsOnly,
      responses: { 200: jsonResponse('The policy in force', 'DisclosurePolicy'), ...adminRefusals },
    },
    put: {
      tags: ['Releases (admins)'],
      summary: 'Change the thresholds; later releases use them',
      security: adminsOnly,
      requestBody: jsonBody(policyBody),
      responses: {
        200: jsonResponse('The policy now in force', 'DisclosurePolicy'),
        ...adminRefusals,
        ...errors([400, 'policy-too-weak: a threshold below its audience’s minimum']),
      },
    },
  },
  '/api/releases/{id}': {
    parameters: [releasePath],
    get: {
      tags: ['Releases'],
      summary: 'One release; while it is computing, its progress',
      description:
        'Admins poll this after starting a release: `progress` gives the stage and how far along it is until the status becomes published or failed. Releases being computed and failed ones are visible to admins only.',
      security: signedInOrNot,
      responses: {
        200: {
          description: 'The release',
          content: {
            'application/json': {
              schema: { type: 'object', required: ['release'], properties: { release: ref('Release') } },
            },
          },
        },
        ...errors(
          [400, 'invalid-request: not a release id'],
          [404, 'not-found: no such release you can see'],
        ),
      },
    },
  },
  '/api/releases/{id}/cells': {
    parameters: [releasePath],
    get: {
      tags: ['Releases'],
      summary: 'Every cell a published release stored for an audience, as JSON or CSV',
      description:
        'Ask with `Accept: text/csv` for a CSV download (columns table, element, period, geo, one per category, value, suppressed); otherwise JSON. Hidden cells have `value: null` (blank in CSV) and `suppressed: true`. Only `audience` may be given: any other query parameter is refused with 400 and a message naming it.',
      security: signedInOrNot,
      parameters: releaseCellsQuery,
      responses: {
        200: {
          description: 'The cells, in display order',
          content: {
            'application/json': { schema: ref('ReleaseCells') },
            'text/csv': {
              schema: {
                type: 'string',
                description:
                  'UTF-8 CSV named scope-release-<period>-<sequence>-<audience>.csv: table, element, period, geo, a column per category, value (blank when hidden), suppressed (true or false)',
              },
            },
          },
        },
        ...errors(
          [
            400,
            'invalid-request: an audience other than public or coalition, or another query parameter (named)',
          ],
          [401, 'not-signed-in: the coalition’s cells need a signed-in member'],
          [404, 'not-found: no published release with this id'],
        ),
      },
    },
  },
};

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
        ...statsSchemas,
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
      ...statsPaths,
      ...releasePaths,
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
