/**
 * Names for the grant-reports API's answers this page uses. They are the types `json()` gives for the
 * routes, so they come from the server's own definitions and can't drift.
 */
import type { ReportArea, ReportKind } from '../../../../api/domain/reportTemplate';
import type { AnswerOf, Api } from '../../api/client';

export type { ReportArea, ReportKind };

/** A grant-report template, with where the plan publishes its sections and notes about them. */
export type Template = AnswerOf<Api['report-templates']['$get']>[number];

/** One of a template's sections. */
export type TemplateSection = Template['sections'][number];

/** A narrative section: words the coalition lead writes for the report. */
export type NarrativeSection = Extract<TemplateSection, { kind: 'narrative' }>;

/** `GET /api/reports/choices?template=`: the periods and areas a report can be made for. */
export type ReportChoices = AnswerOf<Api['reports']['choices']['$get']>;

/**
 * A period a report can be made for, and as which kinds: `protected` when it is published,
 * `confidential` when approved counts exist.
 */
export type ChoicePeriod = ReportChoices['periods'][number];

/** A person's saved narrative texts for one template, period and area. */
export type ReportDraft = AnswerOf<Api['reports']['drafts']['$get']>;

/** What a report is made from: the builder's choices. */
export type ReportRequest = {
  template: string;
  period: string;
  area: string;
  kind: ReportKind;
  purpose?: string;
};

/**
 * A kept report, as `GET /api/reports` lists it (confidential ones only for admins). `withdrawn` says
 * when it was withdrawn because a text it printed was removed; its files are then gone.
 */
export type ReportSummary = AnswerOf<Api['reports'][':id']['$get']>;

/** Which report to make again, and for a confidential one the regenerating admin's own purpose. */
export type RegenerateRequest = { id: number; purpose?: string };

export type ReportStatus = ReportSummary['status'];

/** The files a report is kept as. */
export type ReportFormat = keyof NonNullable<ReportSummary['files']>;

/** `GET /api/reports/:id/changes`: the report against the one it regenerated, figure by figure. */
export type ReportChanges = AnswerOf<Api['reports'][':id']['changes']['$get']>;

/** A figure before or after: a number, hidden ("S"), or absent. */
export type ChangedValue = ReportChanges['changes'][number]['before'];
