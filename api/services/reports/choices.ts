/**
 * What the report builder offers for a template: the periods a report can be made for, of each kind
 * the template accepts, the areas, and whether this person may make a confidential report. No HTTP
 * here; the coalition's setting that allows confidential reports at all is the caller's to add.
 */
import type { Db } from '../../db';
import { coalitionGeo } from '../../disclosure/cube';
import {
  comparePeriods,
  type PeriodKind,
  periodKindOf,
  periodLabel,
  periodsContaining,
  quartersOf,
} from '../../domain/periods';
import { canMakeConfidentialReports } from '../../permissions';
import { listPeriodCompleteness } from '../../queries/periods';
import { listCountyNames, listPublishedPeriods } from '../../queries/releases';
import type { User } from '../../queries/users';
import { coalitionAreaName, reportTemplateOf } from './document';

export type ReportPeriodChoice = {
  code: string;
  label: string;
  kind: PeriodKind;
  /** A protected report can be made for it: it is published. */
  protected: boolean;
  /** A confidential report can be made for it: every one of its quarters has approved reports. */
  confidential: boolean;
};

export type ReportChoices = {
  periods: ReportPeriodChoice[];
  areas: Array<{ code: string; name: string }>;
  /** Whether this person may make a confidential report (an admin, as a person). */
  confidential: { canMake: boolean };
};

/**
 * The periods, newest first, and areas a report of a template can be made for. A period is offered
 * when a protected report can be made for it (it is published) or, if the template is made in
 * confidence, when every quarter of it has at least one approved report (`buildReportDocument`
 * refuses a confidential report otherwise). Refuses an unknown template with the templates there are.
 */
export function reportChoices(db: Db, user: User, templateCode: string): ReportChoices {
  const template = reportTemplateOf(templateCode);
  const published = new Set(listPublishedPeriods(db).map((p) => p.period));
  const approvedQuarters = new Set(
    listPeriodCompleteness(db)
      .filter((p) => p.approved > 0)
      .map((p) => p.code),
  );
  const candidates = new Set<string>();
  for (const quarter of approvedQuarters)
    for (const period of periodsContaining(quarter, template.periodKinds)) candidates.add(period);
  const periods = [...candidates]
    .map((code) => ({
      code,
      label: periodLabel(code),
      kind: periodKindOf(code) as PeriodKind,
      protected: template.kinds.includes('protected') && published.has(code),
      confidential:
        template.kinds.includes('confidential') &&
        quartersOf(code).every((q) => approvedQuarters.has(q.code)),
    }))
    .filter((p) => p.protected || p.confidential)
    .sort((a, b) => comparePeriods(b.code, a.code));
  const counties =
    template.areas.includes('county') && template.audience !== 'public' ? listCountyNames(db) : [];
  return {
    periods,
    areas: [
      ...(template.areas.includes('coalition') ? [{ code: coalitionGeo, name: coalitionAreaName }] : []),
      ...counties,
    ],
    confidential: { canMake: canMakeConfidentialReports(user) },
  };
}
