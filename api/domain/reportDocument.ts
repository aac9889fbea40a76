/**
 * A grant report as figures and words, before it is drawn: what the builder previews and what the
 * PDF, the workbook and the CSV are all made from, so the four never disagree. Made on the server
 * from a template, a period, an area and a kind (`services/reports/document.ts`); drawn by
 * `services/reports/html.ts`, `pdf.ts`, `xlsx.ts` and `csv.ts`. Plain data: it is stored with each
 * generated report, and compared between a report and its regeneration after a correction.
 *
 * A protected document holds only what published releases stored for its audience: a hidden figure
 * is `null` here, drawn as "S", and its value is not anywhere in the document. A confidential one
 * holds exact sums of approved counts and is marked as such on every page and sheet.
 */
import type { Audience } from '../disclosure/types';
import type { ChartKind, ReportKind } from './reportTemplate';

/** A figure: a count, or `null` when a protected report hides it (drawn as "S"). */
export type Figure = number | null;

/** The letter a hidden figure is drawn as, and the footnote that says why. */
export const hiddenMark = 'S';
export const hiddenFootnote =
  'S: hidden to protect survivors’ privacy. A count this small, or one that would let a reader work out a small count, is not published.';

/** The mark on every page and sheet of a confidential report. */
export const confidentialMark = 'Confidential — contains counts below the coalition’s publication threshold';

/** What a report is asked for: the builder's choices. */
export type ReportRequest = {
  /** A template's code. */
  template: string;
  /** A period of one of the template's kinds: `2025H2`, `2025Q4`, `2025`, `FY2025`, `SFY2026`. */
  period: string;
  /** `coalition`, or a county's code. */
  area: string;
  kind: ReportKind;
};

/** How much of the coalition reported, for a period and area (or a section's part of it). */
export type Coverage = { reported: number; expected: number };

/** One agency in a completeness list. */
export type AgencyReporting = {
  code: string;
  name: string;
  county: string;
  /** The quarters of the report's period this agency has an approved report for, oldest first. */
  quartersReported: string[];
  /** The quarters it does not. Empty when it reported every one. */
  quartersMissing: string[];
};

/**
 * The unduplicated range beside a cross-agency people total: at least `lower` and at most `upper`
 * different survivors; `hidden` when a protected report can't give it (one of its inputs is hidden).
 */
export type Unduplicated = { lower: number; upper: number } | { hidden: true };

/** One row of a table or chart: an option, a group of a grouping, or "Unknown". */
export type DocumentRow = { code: string; label: string; figure: Figure };

type SectionBase = { code: string; title: string; note?: string };

/**
 * A table, or a chart with its table beside it (every chart has one). `shown` is false when the
 * report can't show the section at this period and area (a protected report, and the plan does not
 * publish it there); `notShown` then says why, in words, and `rows` is empty.
 */
export type DocumentTable = SectionBase & {
  kind: 'table' | 'chart';
  chart?: ChartKind;
  shown: boolean;
  notShown?: string;
  element: { code: string; name: string; kind: 'people' | 'activity' };
  /** What the rows are: "Trafficking type", "Age: minor or adult"; absent for a total alone. */
  dimension?: string;
  /** A multi-select breakdown's rows can add up to more than the total (one survivor, several services). */
  multiSelect: boolean;
  rows: DocumentRow[];
  total: Figure;
  unduplicated?: Unduplicated;
  coverage: Coverage;
};

/** Elements' totals over consecutive periods, each with the same periods a year earlier if asked for. */
export type DocumentTrend = SectionBase & {
  kind: 'trend';
  /** Period codes, oldest first: for a protected report, only those published to its audience. */
  periods: string[];
  series: Array<{
    element: string;
    name: string;
    kind: 'people' | 'activity';
    /** One a period, in `periods` order; `null` when hidden. */
    figures: Figure[];
    previousYear?: Figure[];
  }>;
};

export type DocumentCompleteness = SectionBase & {
  kind: 'completeness';
  coverage: Coverage;
  agencies: AgencyReporting[];
};

export type DocumentDefinitions = SectionBase & {
  kind: 'definitions';
  items: Array<{ element: string; name: string; definition: string }>;
};

export type DocumentNarrative = SectionBase & { kind: 'narrative'; prompt: string; text: string };

export type DocumentDisclaimer = SectionBase & { kind: 'disclaimer'; text: string };

export type DocumentSection =
  | DocumentTable
  | DocumentTrend
  | DocumentCompleteness
  | DocumentDefinitions
  | DocumentNarrative
  | DocumentDisclaimer;

/** A release a protected report's figures come from. */
export type DocumentRelease = { id: number; period: string; sequence: number; publishedAt: string };

export type ReportDocument = {
  request: ReportRequest;
  template: { code: string; name: string; version: number; description: string };
  catalogVersion: string;
  coalition: { name: string };
  kind: ReportKind;
  /** Whose published cells a protected report shows; null for a confidential one. */
  audience: Audience | null;
  period: { code: string; label: string; months: string };
  area: { code: string; name: string };
  /** The releases its figures come from, oldest first; empty for a confidential report. */
  releases: DocumentRelease[];
  /** Periods whose figures are provisional (not every agency had reported when published). */
  provisionalPeriods: string[];
  generatedAt: string;
  generatedBy: string;
  /** A confidential report's purpose line, as the admin wrote it. */
  purpose?: string;
  /** Footnotes under the report: the hidden-figure legend when any figure is hidden, and others. */
  footnotes: string[];
  sections: DocumentSection[];
};

/** The header line every PDF page and the workbook's About sheet carry. */
export function documentHeading(doc: ReportDocument): string {
  // A protected report whose every section is unpublished at its period and area has no release.
  const releases = doc.releases.length
    ? `Releases ${doc.releases.map((r) => `${r.period}-${r.sequence}`).join(', ')}`
    : doc.kind === 'confidential'
      ? 'Exact approved counts'
      : 'No published release';
  const kind = doc.kind === 'confidential' ? 'Confidential' : 'Protected';
  return `${doc.coalition.name} · ${doc.template.name} · ${doc.period.label} · ${doc.area.name} · ${kind} · ${releases}`;
}
