import type { AnswerOf, Api } from '../../api/client';

/** `GET /api/settings`'s settings: every section of the page. */
export type CoalitionSettings = AnswerOf<Api['settings']['$get']>['settings'];

/** A change to the settings, as `PATCH /api/settings` takes it: anything left out stays. */
export type SettingsChange = Parameters<Api['settings']['$patch']>[0]['json'];

/** A county the coalition serves. */
export type ServedCounty = CoalitionSettings['counties'][number];
