/**
 * Names for the grant-reports API's answers this page uses. Templates are typed by the server's own
 * route; the reports routes' answers follow the HTTP contract of issue 15 (`/api/reports`), written
 * here until the route's types can be read from `AppType`.
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
export type ReportChoices = {
  periods: ChoicePeriod[];
  areas: { code: string; name: string }[];
  confidential: {
    /** The coalition's setting allows confidential reports. */
    allowed: boolean;
    /** This person is an admin, so may make one. */
    canMake: boolean;
  };
};

/** A period a report can be made for, and as which kinds. */
export type ChoicePeriod = {
  code: string;
  label: string;
  kind: string;
  /** It is published, so a protected report can be made for it. */
  protected: boolean;
  /** Approved counts exist, so a confidential report can be made for it. */
  confidential: boolean;
};

/** A person's saved narrative texts for one template, period and area. */
export type ReportDraft = { texts: Record<string, string>; updatedAt: string | null };

/** What a report is made from: the builder's choices. */
export type ReportRequest = {
  template: string;
  period: string;
  area: string;
  kind: ReportKind;
  purpose?: string;
};

export type ReportStatus = 'rendering' | 'ready' | 'failed';

/** One kept file of a report. */
export type ReportFile = { bytes: number; sha256: string; pages?: number };

export type ReportFormat = 'pdf' | 'xlsx' | 'csv';

/** A kept report, as `GET /api/reports` lists it (confidential ones only for admins). */
export type ReportSummary = {
  id: number;
  template: { code: string; name: string; version: number };
  period: { code: string; label: string };
  area: { code: string; name: string };
  kind: ReportKind;
  status: ReportStatus;
  progress: { stage: string; done: number; total: number } | null;
  failure: string | null;
  createdBy: string;
  createdAt: string;
  purpose: string | null;
  releases: { id: number; period: string; sequence: number }[];
  files: Record<ReportFormat, ReportFile> | null;
  pages: number | null;
  /** The correction releases that replaced releases this report used. */
  outdated: { replaced: { period: string; sequence: number; by: number }[] } | null;
  regenerationOf: number | null;
  regeneratedAs: number | null;
};

/** A figure before or after: a number, hidden ("S"), or absent. */
export type ChangedValue = number | 'S' | null;

/** `GET /api/reports/:id/changes`: the report against the one it regenerated, figure by figure. */
export type ReportChanges = {
  against: number;
  changes: {
    section: string;
    sectionTitle: string;
    row: string;
    before: ChangedValue;
    after: ChangedValue;
  }[];
};

/** `GET /api/reports/settings`. */
export type ReportSettings = { confidentialReports: boolean };
