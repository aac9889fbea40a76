import { expect, test } from 'vitest';
import { agencyTypeLabel } from './agencyTypes';

test.each([
  { type: 'victim_services', label: 'Victim services' },
  { type: 'shelter_housing', label: 'Shelter and housing' },
  { type: 'law_enforcement', label: 'Law enforcement' },
  { type: 'faith_community', label: 'Faith community' },
  // A type the web app doesn't know yet still reads as words.
  { type: 'tribal_services', label: 'Tribal services' },
  // Inherited object keys are not labels.
  { type: 'toString', label: 'toString' },
  { type: '', label: '' },
])('$type → "$label"', ({ type, label }) => {
  expect(agencyTypeLabel(type)).toBe(label);
});
