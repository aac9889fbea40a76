/**
 * What the routes' descriptions share. Each route describes itself where it is defined, with
 * `describeRoute` and the schemas it validates with (see `validate.ts`); `openApiDocument` gathers
 * those descriptions into the OpenAPI document, so the reference can't miss a route or drift from
 * what the server accepts. Here: the document's front matter and sign-in schemes, the one Error
 * shape, how zod schemas are shown as JSON Schema, and the reference page.
 */
import { type Env, Hono, type Schema } from 'hono';
import { type DescribeRouteOptions, type GenerateSpecOptions, generateSpecs, resolver } from 'hono-openapi';
import { type core, z } from 'zod';

const safeInteger = Number.MAX_SAFE_INTEGER;

/**
 * Makes zod's JSON Schema read the way the API behaves. A field that tidies its value (upper-cases it,
 * say) checks it on one side of the transform only: a quarter is upper-cased and then matched, a
 * geography matched and then tidied; the document shows what both sides check. A nullable number is
 * `type: [integer, null]`; the safe-integer bounds of every whole number and the pattern of every
 * date are left out.
 */
function readable({
  zodSchema,
  jsonSchema,
}: {
  zodSchema: core.$ZodTypes;
  jsonSchema: core.JSONSchema.BaseSchema;
}) {
  const def = zodSchema._zod.def;
  if (def.type === 'pipe') {
    const { $schema: _dialect, ...checked } = z.toJSONSchema(def.out, zodJsonSchema('output'));
    for (const [key, value] of Object.entries(checked)) if (!(key in jsonSchema)) jsonSchema[key] = value;
  }
  // A date's format says what its long pattern does.
  if (jsonSchema.format === 'date' || jsonSchema.format === 'date-time') delete jsonSchema.pattern;
  if (jsonSchema.maximum === safeInteger) delete jsonSchema.maximum;
  if (jsonSchema.minimum === -safeInteger) delete jsonSchema.minimum;
  const [first, second, ...more] = jsonSchema.anyOf ?? [];
  const isNull = (s: core.JSONSchema.BaseSchema | undefined) =>
    s?.type === 'null' && Object.keys(s).length === 1;
  const value = isNull(first) ? second : isNull(second) ? first : undefined;
  if (value && more.length === 0 && typeof value.type === 'string') {
    delete jsonSchema.anyOf;
    Object.assign(jsonSchema, value, { type: [value.type, 'null'] });
  }
}

/** zod's JSON Schema options for a request (`input`) or a response (`output`). */
export function zodJsonSchema(io: 'input' | 'output') {
  return { io, unrepresentable: 'any' as const, override: readable };
}

/** A response's shape, for `describeRoute`'s responses: what the handler answers with. */
export const responseSchema = (schema: z.ZodType) => resolver(schema, { options: zodJsonSchema('output') });

/** A JSON response with a stated shape. */
export const jsonResponse = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema: responseSchema(schema) } },
});

/**
 * The fields of an object schema with words for each, for the parameters of the document: every key
 * must be described (a new one without words fails to compile). Validates exactly as `schema` does.
 */
export function describeFields<Shape extends Record<string, z.ZodType>>(
  schema: z.ZodObject<Shape>,
  words: { [K in keyof Shape & string]: string },
) {
  const described = Object.fromEntries(
    Object.entries(schema.shape).map(([name, field]) => [
      name,
      field.describe(words[name as keyof Shape & string]),
    ]),
  );
  return schema.extend(described) as unknown as z.ZodObject<Shape>;
}

/** The one way a request fails, as `handleError` renders an `ApiError`. */
const errorShape = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe('kebab-case, for programs: invalid-request, not-signed-in, forbidden, not-found, …'),
      message: z.string().describe('what went wrong, in words a person can act on'),
      details: z
        .unknown()
        .optional()
        .describe('particulars: the problems of an upload by row and column, the findings blocking a submit'),
    }),
  })
  .meta({ id: 'Error' });

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

/** The ways a route refuses, each status with its codes and when: all in the one Error shape. */
export function errorResponses(described: Partial<Record<ErrorStatus, string>>) {
  return Object.fromEntries(
    Object.entries(described).map(([status, description]) => [
      status,
      { description, content: { 'application/json': { schema: responseSchema(errorShape) } } },
    ]),
  );
}

type Security = NonNullable<DescribeRouteOptions['security']>;

/** Who may call a route, in the document's terms. */
export const callers: Record<'anyone' | 'signedIn' | 'people', Security> = {
  /** Anyone; signing in (or a token) may give more. */
  anyone: [{}, { session: [] }, { apiToken: [] }],
  /** A person signed in, or an agency's system with its API token. */
  signedIn: [{ session: [] }, { apiToken: [] }],
  /** A person signed in, never an API token: admins' work and managing tokens. */
  people: [{ session: [] }],
};

/** The 401 of every route that needs someone signed in. */
export const notSignedInWords =
  'not-signed-in: nobody is signed in; invalid-token: the API token is not valid or was revoked';

/** Every route that validates its input answers 400 when the input is wrong, unless it says more. */
const invalidRequest = {
  description:
    'invalid-request: a parameter or field is missing or wrong; the message names each one and what is wrong with it',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

const documentation: GenerateSpecOptions['documentation'] = {
  info: {
    title: 'Scope API',
    version: '1',
    description:
      'Aggregate, de-identified quarterly counts of an anti-trafficking coalition’s member agencies. Agency systems authenticate with an agency-scoped API token (`Authorization: Bearer scope_…`), made and revoked in Scope under "API access"; people use the session cookie set by signing in. No personal data is ever accepted: uploads and text that look like names, dates of birth, phone numbers, emails, addresses or case numbers are refused.\n\nA **cell key** names one count: an element\'s total is its code (`survivors_served`); a cell of a disaggregation is `element.combination.options`, with the options in the combination\'s category order joined by `|` (`survivors_served.type_age.sex|12_17`). The CSV template lists every cell an agency reports.\n\nEvery error has one shape, `{ "error": { "code", "message" } }`. Any request with an API token that is not valid is refused with 401 `invalid-token`, and a write a browser sends from another website with 403 `forbidden`.',
  },
  servers: [{ url: '/' }],
  // In the order a reader meets them; every operation is tagged with one of these.
  tags: [
    { name: 'Sign-in', description: 'Signing in and out, and who is signed in' },
    { name: 'Reporting periods', description: 'The quarters agencies report for' },
    { name: 'Catalog', description: 'What agencies count, version by version' },
    {
      name: 'Submissions',
      description: 'An agency’s quarterly report: reading it, saving the draft, submitting',
    },
    { name: 'Upload', description: 'The CSV template, filled in and uploaded' },
    { name: 'Review (admins)', description: 'Approving, returning and reopening reports' },
    { name: 'Completeness (admins)', description: 'Who has reported, for admins chasing missing reports' },
    { name: 'API tokens', description: 'Tokens an agency’s own systems report with' },
    {
      name: 'Agencies',
      description: 'The member agencies, as coalition admins add, change and deactivate them',
    },
    { name: 'Published statistics', description: 'The published figures, for anyone; more for members' },
    { name: 'Releases', description: 'What was published when, and its cells' },
    { name: 'Releases (admins)', description: 'Publishing a quarter, and the disclosure policy' },
    { name: 'Grant reports', description: 'The templates grant and annual reports are made from' },
    { name: 'Coalition', description: 'The coalition’s name and counties; its settings, for admins' },
    { name: 'People (admins)', description: 'Inviting people, changing their access, reset links' },
    { name: 'Audit log (admins)', description: 'Who did what and when, and whether the record is intact' },
    { name: 'Server', description: 'Whether Scope is up' },
    { name: 'Reference', description: 'This document and its interactive page' },
  ],
  security: callers.signedIn,
  components: {
    securitySchemes: {
      apiToken: { type: 'http', scheme: 'bearer', description: 'An agency API token, `scope_…`' },
      session: { type: 'apiKey', in: 'cookie', name: 'scope_session' },
    },
  },
};

const documents = new WeakMap<object, ReturnType<typeof generateSpecs>>();

/**
 * The OpenAPI 3.1 document of the API mounted at `/api`, gathered from its routes' descriptions.
 * Generated once per API (the routes never change while the server runs) and shared by every app.
 */
export function openApiDocument<E extends Env, S extends Schema, P extends string>(api: Hono<E, S, P>) {
  let document = documents.get(api);
  if (!document) {
    document = generateSpecs(new Hono().route('/api', api), {
      documentation,
      // The reference's own files (`openapi.json`, `init.js`) are routes like any other.
      excludeStaticFile: false,
      defaultValidationErrorResponse: invalidRequest,
    });
    documents.set(api, document);
    // A failed generation is tried again on the next request rather than remembered.
    document.catch(() => documents.delete(api));
  }
  return document;
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
