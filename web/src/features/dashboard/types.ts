/**
 * The stats API's response shapes, derived from the server's routes (Hono RPC types only: no server
 * code reaches the browser).
 */
import type { hc, InferResponseType } from 'hono/client';
import type { AppType } from '../../../../api/app';

type Api = ReturnType<typeof hc<AppType>>;

/** `GET /api/stats/tables`: every table the caller's audience can read, with its periods and geographies. */
export type StatsTablesResponse = InferResponseType<Api['stats']['tables']['$get'], 200>;

/** One published table as listed. */
export type StatsTableInfo = StatsTablesResponse['tables'][number];

/** `GET /api/stats/{table}?period=&geo=`: one table of one published period and geography. */
export type StatsTable = InferResponseType<Api['stats'][':table']['$get'], 200>;

/** `GET /api/stats/{table}/series?geo=&interval=`: one table over every published period of an interval. */
export type StatsSeries = InferResponseType<Api['stats'][':table']['series']['$get'], 200>;

/** One period of a series: its cells, completeness, unduplicated range and release. */
export type SeriesPoint = StatsSeries['periods'][number];

/** A category of a table, with its options in catalog order. */
export type Dimension = StatsTable['dimensions'][number];

/**
 * A published cell: its option along each category of the table (`_total` for a total), and its
 * value, or `null` with `suppressed: true` when hidden. (The categories are the table's own, so the
 * inferred type can't name them.)
 */
export type StatsCell = StatsTable['cells'][number] & { readonly [category: string]: unknown };

/** Whose figures: the public's (signed out) or the coalition members' (signed in). */
export type Audience = StatsTable['audience'];
