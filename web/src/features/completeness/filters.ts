/**
 * The completeness page's filters live in the address (`?county=SCL&type=shelter_housing&quarters=8`,
 * and `&period=2026Q3&status=not_started` for the agencies whose report for a quarter is in one state)
 * so a filtered view can be bookmarked, sent to a colleague, or linked from the admin home's counts.
 * Anything unrecognised in the address falls back to "all" rather than breaking the page.
 */
import { type AgencyType, agencyTypes } from '../../../../api/domain/agencyTypes';
import { parseQuarter } from '../../../../api/domain/periods';
import type { SubmissionStatus } from '../../api/types';
import { agencyTypeLabel } from '../../lib/agencyTypes';
import { describeStatus } from '../submissions/status';
import type { CompletenessAgency, County } from './types';

/** How many quarters the matrix can show; the first is enough for a year, the last for three. */
export const quarterChoices = [4, 8, 12] as const;

/** The matrix's default span: two years, enough to see a pattern of lateness. */
export const defaultQuarterCount = 8;

/** What the matrix is narrowed to. `null` means every county, or every type. */
export type CompletenessFilters = {
  county: string | null;
  type: AgencyType | null;
  quarters: number;
  /** Only agencies whose report for `status.period` is in `status.status`; null (or left out) for every agency. */
  status?: { period: string; status: SubmissionStatus } | null;
};

const statuses: readonly SubmissionStatus[] = ['not_started', 'draft', 'submitted', 'returned', 'approved'];

function isStatus(value: string): value is SubmissionStatus {
  return (statuses as readonly string[]).includes(value);
}

const countyCode = /^[A-Z]{2,8}$/;

function isAgencyType(value: string): value is AgencyType {
  return (agencyTypes as readonly string[]).includes(value);
}

/** Reads the filters from the page address, ignoring values that can't be right. */
export function parseCompletenessFilters(search: URLSearchParams): CompletenessFilters {
  const county = search.get('county')?.trim().toUpperCase() ?? '';
  const type = search.get('type')?.trim() ?? '';
  const quarters = Number(search.get('quarters'));
  const period = search.get('period')?.trim().toUpperCase() ?? '';
  const status = search.get('status')?.trim() ?? '';
  return {
    county: countyCode.test(county) ? county : null,
    type: isAgencyType(type) ? type : null,
    quarters: (quarterChoices as readonly number[]).includes(quarters) ? quarters : defaultQuarterCount,
    // A state means nothing without its quarter, so both or neither.
    status: parseQuarter(period) && isStatus(status) ? { period, status } : null,
  };
}

/**
 * The filters as address parameters, leaving out the defaults so the plain page keeps a plain address.
 * Also the query string sent to the API, which applies the same defaults.
 */
export function completenessSearch(filters: CompletenessFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.county) search.set('county', filters.county);
  if (filters.type) search.set('type', filters.type);
  if (filters.quarters !== defaultQuarterCount) search.set('quarters', String(filters.quarters));
  if (filters.status) {
    search.set('period', filters.status.period);
    search.set('status', filters.status.status);
  }
  return search;
}

/** The page's address for the agencies whose report for `period` is in `status`: the admin home links here. */
export function agenciesInStatePath(period: string, status: SubmissionStatus): string {
  return `/completeness?${new URLSearchParams({ period, status })}`;
}

/** The agencies the status filter lets through (all of them without one). */
export function filterByStatus(
  agencies: readonly CompletenessAgency[],
  filter: CompletenessFilters['status'] = null,
): CompletenessAgency[] {
  if (!filter) return [...agencies];
  return agencies.filter((agency) => agency.cells[filter.period]?.status === filter.status);
}

/**
 * "the last 8 quarters · Santa Clara County · Shelter and housing agencies" — what the table is
 * showing, for its caption, so the filters are never invisible. An unknown county code is shown as is.
 */
export function describeFilters(filters: CompletenessFilters, counties: readonly County[]): string {
  const parts = [`the last ${filters.quarters} quarters`];
  if (filters.county) {
    parts.push(counties.find((c) => c.code === filters.county)?.name ?? filters.county);
  }
  parts.push(filters.type ? `${agencyTypeLabel(filters.type)} agencies` : 'all agency types');
  if (filters.status)
    parts.push(`${filters.status.period}: ${describeStatus(filters.status.status).label.toLowerCase()} only`);
  return parts.join(' · ');
}

/** Every agency type, with its label, in the order the coalition lists them. */
export function agencyTypeOptions(): Array<{ value: AgencyType; label: string }> {
  return agencyTypes.map((value) => ({ value, label: agencyTypeLabel(value) }));
}
