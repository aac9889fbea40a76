/** The kinds of member agency. Dependency-free so the web app can import it without pulling in zod. */
export const agencyTypes = [
  'victim_services',
  'legal_services',
  'shelter_housing',
  'health_care',
  'law_enforcement',
  'education',
  'faith_community',
] as const;
export type AgencyType = (typeof agencyTypes)[number];

export const agencyTypeLabels: Record<AgencyType, string> = {
  victim_services: 'Victim services',
  legal_services: 'Legal services',
  shelter_housing: 'Shelter and housing',
  health_care: 'Health care',
  law_enforcement: 'Law enforcement',
  education: 'Education',
  faith_community: 'Faith community',
};
