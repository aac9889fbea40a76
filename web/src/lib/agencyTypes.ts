import { type AgencyType, agencyTypeLabels } from '../../../api/domain/agencyTypes';
import { humanizeCode } from './text';

/** The kind of agency in words ("Shelter and housing"); an unknown code is made readable rather than hidden. */
export function agencyTypeLabel(type: string): string {
  return Object.hasOwn(agencyTypeLabels, type) ? agencyTypeLabels[type as AgencyType] : humanizeCode(type);
}
