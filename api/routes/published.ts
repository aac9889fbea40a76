/**
 * What the published statistics and releases answer with, as the OpenAPI document states it. The
 * statistics and release routes share these shapes (a cell is a cell wherever it is read), so they
 * live together; `docs.test.ts` checks real answers against them.
 */
import { z } from 'zod';
import { intervals } from '../domain/periods';
import { entryWindowFields } from './periods';

/** Whose figures: the public's (coarser, higher threshold) or the coalition members'. */
export const audienceShape = z.enum(['public', 'coalition']);

const cellValue = z
  .number()
  .int()
  .min(0)
  .nullable()
  .describe('The published count, or null when the cell is hidden to protect small numbers.');
const cellSuppressed = z
  .boolean()
  .describe(
    'true when the cell is hidden (its value is then null): it is small, or would let a small one be worked out.',
  );
const categoryColumns = z
  .string()
  .describe(
    'One property per category of the table, named by the category code (`gender`, `type_age`, …): the option code of this cell, or `_total` for all of the category’s options.',
  );

const statsCell = z
  .object({ value: cellValue, suppressed: cellSuppressed })
  .catchall(categoryColumns)
  .meta({
    id: 'StatsCell',
    description:
      'One cell of a published table: its option of each category (`_total` for all of them; the cell with `_total` everywhere is the grand total), its value and whether it is hidden.',
    examples: [
      { gender: 'female', value: 42, suppressed: false },
      { gender: 'transgender', value: null, suppressed: true },
      { gender: '_total', value: 57, suppressed: false },
    ],
  });

const completeness = z.object({ reported: z.number().int().min(0), expected: z.number().int().min(0) }).meta({
  id: 'Completeness',
  description:
    'How complete the figures are: agencies expected to report this part of the catalog here, and how many had an approved report for the whole period.',
});

const unduplicated = z
  .union([
    z.object({ lower: z.number().int().min(0), upper: z.number().int().min(0) }),
    z.object({ suppressed: z.literal(true) }),
    z.null(),
  ])
  .meta({
    id: 'Unduplicated',
    description:
      'For survivors served only (null for every other table): survivors served by several members are counted by each, so the number of different survivors is given as a range. `{ suppressed: true }` when either figure it comes from is hidden.',
  });

const agencyCounts = { reported: z.number().int().min(0), expected: z.number().int().min(0) };

/** Whether a period was published provisional: the flag every published period carries. */
const provisional = z
  .boolean()
  .describe(
    'true when the period was published with fewer of the coalition’s agencies reporting than the coalition’s provisional share (80% unless changed), or, for a year or fiscal year, when one of its quarters was: its figures are incomplete and not comparable.',
  );

/** A published provisional period and how many agencies reported. */
const provisionalPeriod = z.object({ period: z.string(), ...agencyCounts }).meta({
  id: 'ProvisionalPeriod',
  description:
    'A period published as provisional, with how many of the agencies expected across the coalition had an approved report.',
});

const releaseSequence = z
  .number()
  .int()
  .describe('1 for a quarter’s first release, 2 for its first correction, …');

const publishingRelease = z
  .object({
    id: z.number().int(),
    sequence: releaseSequence,
    publishedAt: z.iso.datetime(),
    catalogVersion: z.number().int(),
  })
  .meta({ id: 'PublishingRelease', description: 'The release that published these figures.' });

const dimension = z
  .object({
    category: z.string(),
    name: z.string(),
    additive: z
      .boolean()
      .describe(
        'false for a category where a person may have several options, so options don’t add up to the total',
      ),
    options: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: 'Dimension', description: 'A category a table is broken down by, with its options.' });

const listedDimension = dimension
  .extend({
    periods: z
      .array(z.string())
      .describe(
        'The published periods with cells along this category, oldest first: a two-way breakdown may publish one of its categories at more kinds of period than the other (type of trafficking by half-year, age groups by year only)',
      ),
  })
  .meta({
    id: 'ListedDimension',
    description:
      'A category a table is broken down by, with its options and the periods it is published for.',
  });

const kind = z.enum(['people', 'activity']);

/** `GET /api/stats/tables`. */
export const statsTableList = z
  .object({
    audience: audienceShape,
    tables: z.array(
      z.object({
        code: z.string(),
        element: z.string(),
        name: z.string(),
        kind,
        dimensions: z.array(listedDimension),
        periods: z.array(z.string()).describe('The published periods with cells of this table, oldest first'),
        geographies: z
          .array(z.string())
          .describe('`coalition` and the county codes with cells of this table'),
        notes: z.array(z.string()).describe('What the publication plan says about the table, if anything'),
      }),
    ),
    countyBreakdowns: z
      .array(
        z.object({
          section: z.string(),
          minimumAgencies: z.number().int(),
          counties: z.array(z.object({ code: z.string(), name: z.string(), agencies: z.number().int() })),
          explanation: z.string(),
        }),
      )
      .describe(
        'Catalog sections whose breakdowns are not published by county, with the counties that have too few reporting agencies',
      ),
    provisionalPeriods: z
      .array(provisionalPeriod)
      .describe('The published periods that are provisional, oldest first: pick another to open on'),
  })
  .meta({ id: 'StatsTableList' });

/** What a table is, the same in one period's answer and in a series. */
const tableIdentity = {
  table: z.string(),
  element: z.string(),
  name: z.string(),
  kind,
  dimensions: z.array(dimension),
};

/** One period's published figures of a table, the same alone and within a series. */
const periodFigures = {
  release: publishingRelease,
  provisional,
  coalitionCompleteness: z
    .object(agencyCounts)
    .nullable()
    .describe(
      'Across the whole coalition, the agencies expected to report anything and how many had an approved report (for a year, in every quarter): what decides whether the period is provisional. null for periods published before this was recorded.',
    ),
  completeness,
  unduplicated,
  cells: z.array(statsCell),
};

/** `GET /api/stats/{table}`. */
export const statsTable = z
  .object({
    ...tableIdentity,
    period: z.string(),
    geo: z.string(),
    audience: audienceShape,
    ...periodFigures,
  })
  .meta({ id: 'StatsTable' });

/** `GET /api/stats/{table}/series`. */
export const statsSeries = z
  .object({
    ...tableIdentity,
    geo: z.string(),
    interval: z.enum(intervals),
    audience: audienceShape,
    periods: z
      .array(z.object({ period: z.string(), ...periodFigures }))
      .describe('Every published period of the interval with cells of the table, oldest first'),
  })
  .meta({ id: 'StatsSeries' });

const audienceSummary = z
  .object({
    status: z.enum(['passed', 'failed']),
    threshold: z.number().int().describe('Counts below it are hidden'),
    cells: z.number().int(),
    hidden: z.number().int(),
    primary: z.number().int().describe('Hidden because they are small'),
    complementary: z.number().int().describe('Hidden so that small ones can’t be worked out'),
    lpsSolved: z.number().int(),
    certificates: z
      .number()
      .int()
      .optional()
      .describe('Checks settled by a certificate (absent from older releases)'),
    seconds: z.number(),
    hiddenShareOfCells: z.number(),
    hiddenShareOfCount: z
      .number()
      .optional()
      .describe('Admins only: with the published cells it would give away the sum of the hidden values'),
    loss: z
      .record(
        z.enum(['all', 'coalition', 'county']),
        z.object({ count: z.number(), nonZeroCells: z.number() }),
      )
      .optional()
      .describe(
        'Admins only: the hidden share of the people count this release publishes, and of its non-zero cells, overall, coalition-wide and by county',
      ),
  })
  .describe('The protection’s outcome for one audience');

const release = z
  .object({
    id: z.number().int(),
    period: z.string().describe('The quarter released'),
    sequence: releaseSequence,
    status: z
      .enum(['computing', 'published', 'failed', 'superseded'])
      .describe('computing and failed releases are shown to admins only'),
    createdAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    createdBy: z.string().nullable().describe('Who started it; null for signed-out callers'),
    catalogVersion: z.number().int(),
    periods: z
      .array(z.string())
      .describe('What it publishes: the quarter, and its calendar or fiscal year once complete'),
    progress: z
      .object({ stage: z.string(), done: z.number().int(), total: z.number().int() })
      .nullable()
      .describe('While computing: the stage and how far along it is; null otherwise'),
    failureReason: z
      .string()
      .nullable()
      .describe('Why it failed, in words (admins only; never a hidden value)'),
    provisional: z.boolean().describe('true when any period it publishes is provisional'),
    provisionalPeriods: z
      .array(provisionalPeriod)
      .describe('The periods it publishes as provisional, with how many agencies reported'),
    audiences: z
      .partialRecord(audienceShape, audienceSummary)
      .describe(
        'The protection’s outcome for each audience: threshold, cells, how many are hidden (primary and complementary), time taken',
      ),
  })
  .meta({ id: 'Release' });

/** `GET /api/releases`. */
export const releaseList = z.object({ releases: z.array(release).describe('Newest first') });

/** One release, as starting it and `GET /api/releases/{id}` answer. */
export const oneRelease = z.object({ release });

/** `GET /api/releases/{id}/cells` as JSON. */
export const releaseCells = z
  .object({
    release: z.object({
      id: z.number().int(),
      period: z.string(),
      sequence: z.number().int(),
      provisionalPeriods: z.array(z.string()).describe('The periods it published as provisional'),
    }),
    audience: audienceShape,
    cells: z.array(
      z
        .object({
          table: z.string(),
          element: z.string(),
          period: z.string(),
          geo: z.string().describe('`coalition` or a county code'),
          value: cellValue,
          suppressed: cellSuppressed,
        })
        .catchall(categoryColumns)
        .describe(
          'One stored cell. An element’s grand total is a row of its own (`table` is the element) with no category properties.',
        ),
    ),
  })
  .meta({ id: 'ReleaseCells' });

const agency = z.object({ code: z.string(), name: z.string() });

/** `GET /api/releases/preview`. */
export const releasePreview = z
  .object({
    period: z.string(),
    deadline: z.iso.date(),
    ...entryWindowFields,
    expected: z.number().int(),
    approved: z.number().int(),
    awaitingReview: z.number().int(),
    returned: z.number().int(),
    draft: z.number().int(),
    notStarted: z.number().int(),
    approvedAgencies: z.array(agency),
    missingAgencies: z.array(agency.extend({ status: z.string().describe('Where its report stands') })),
    previousReleases: z
      .array(z.number().int())
      .describe('The ids of the quarter’s earlier published releases'),
    periods: z.array(z.string()).describe('What it would publish'),
    provisionalShare: z
      .number()
      .describe('Below this share of the agencies expected reporting, a period is published as provisional'),
    provisionalPeriods: z
      .array(
        provisionalPeriod.extend({
          provisional: z.literal(true),
          missing: z.array(agency).describe('The agencies expected without an approved report'),
        }),
      )
      .describe(
        'The periods it would publish as provisional, each with who is missing; publishing them needs `confirmProvisional: true`',
      ),
    warnings: z.array(z.string()).describe('What to read before publishing'),
  })
  .meta({
    id: 'ReleasePreview',
    description:
      'What publishing the quarter would cover: how many agencies are approved, awaiting review, returned, in draft or not started, who is missing, the periods it would publish, and warnings to read first.',
  });

/** The disclosure policy, as reading and changing it answer. */
export const disclosurePolicy = z
  .object({
    policy: z
      .object({ coalition: z.number().int(), public: z.number().int() })
      .describe('The threshold of each audience: counts below it are hidden'),
  })
  .meta({ id: 'DisclosurePolicy' });

/** The publication settings, as reading and changing them answer. */
export const publicationSettings = z
  .object({
    settings: z.object({
      provisionalShare: z
        .number()
        .describe(
          'Below this share of the agencies expected reporting, a period is published as provisional',
        ),
      countyBreakdownAgencies: z
        .number()
        .int()
        .describe(
          'County breakdowns are published only where every county has at least this many reporting agencies',
        ),
    }),
  })
  .meta({ id: 'PublicationSettings' });
