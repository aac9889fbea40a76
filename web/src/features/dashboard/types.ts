/**
 * Names for the parts of the stats API's answers the dashboard uses. They are the types `json()`
 * gives for the routes, so they come from the server's own definitions.
 */
import type { AnswerOf, Api } from '../../api/client';

/** `GET /api/stats/tables`: every table the caller's audience can read, with its periods and geographies. */
export type StatsTablesResponse = AnswerOf<Api['stats']['tables']['$get']>;

/** One published table as listed. */
export type StatsTableInfo = StatsTablesResponse['tables'][number];

/** `GET /api/stats/{table}?period=&geo=`: one table of one published period and geography. */
type StatsTable = AnswerOf<Api['stats'][':table']['$get']>;

/** `GET /api/stats/{table}/series?geo=&interval=`: one table over every published period of an interval. */
export type StatsSeries = AnswerOf<Api['stats'][':table']['series']['$get']>;

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
