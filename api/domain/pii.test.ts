import { describe, expect, test } from 'vitest';
import { describeFindings, isPersonLevelHeader, personalHeaderKind, scanText } from './pii';

const now = new Date('2026-11-28T00:00:00Z');
const kinds = (text: string) => scanText(text, now).map((f) => f.kind);

describe('free text', () => {
  test.each([
    ['Reach me at maria.lopez@example.org', 'email address'],
    ['call 408-555-0123 after 5', 'phone number'],
    ['(831) 555 0199', 'phone number'],
    ['+1 408.555.0123', 'phone number'],
    ['SSN 123-45-6789', 'Social Security number'],
    ['DOB 3/14/2009', 'date of birth'],
    ['born on March 14, 2008', 'date of birth'],
    ['arrived 1998-07-02', 'date of birth'],
    ['lives at 1234 North Oak Street', 'street address'],
    ['staying at 55 W Alma Ave.', 'street address'],
    ['Ms. Alvarez was referred', "person's name"],
    ['client name: Rosa', "person's name"],
  ])('"%s" is refused as a %s', (text, kind) => expect(kinds(text)).toContain(kind));

  test.each([
    'Two survivors moved to the 18 to 24 group after their birthdays.',
    'New shelter program opened 2026-08-01, so numbers rose.',
    'We served 12 survivors, up from 7; 3 came through the hotline.',
    'Data from our 2025 annual review, corrected on 11/02/2026.',
    'Case management staffing doubled this quarter.',
    'Counts for 2026Q3 include 2 referrals from Dr offices.',
    'Phone intakes rose by 40 percent.',
  ])('"%s" is fine', (text) => expect(kinds(text)).toEqual([]));
});

describe('column headers', () => {
  test.each([
    ['First Name', 'names'],
    ['client_name', 'names'],
    ['DOB', 'dates of birth'],
    ['dateOfBirth', 'dates of birth'],
    ['SSN', 'Social Security or tax numbers'],
    ['Phone', 'phone numbers'],
    ['e-mail', 'email addresses'],
    ['Street Address', 'addresses'],
    ['zip', 'addresses'],
    ['Case ID', 'case or client identifiers'],
    ['client_number', 'case or client identifiers'],
    ['MRN', 'case or client identifiers'],
    ['A-Number', 'identity-document numbers'],
    ['passport', 'identity-document numbers'],
  ])('"%s" asks for %s', (header, kind) => expect(personalHeaderKind(header)).toBe(kind));

  test.each([
    'agency',
    'period',
    'element',
    'age_group',
    'gender',
    'trafficking_type',
    'value',
    'county',
    'service',
  ])('"%s" is a template column, not personal data', (header) =>
    expect(personalHeaderKind(header)).toBeUndefined(),
  );

  test.each([
    ['age', true],
    ['Intake Date', true],
    ['sex', true],
    ['age_group', false],
    ['value', false],
  ])('"%s" is a per-person attribute: %s', (header, expected) =>
    expect(isPersonLevelHeader(header)).toBe(expected),
  );
});

test('the message names the place and the kind, never the text', () => {
  const text = 'call 408-555-0123 or rosa@example.org';
  const message = describeFindings('Row 4, column note', scanText(text, now));
  expect(message).toBe(
    'Row 4, column note looks like it contains an email address and a phone number. Scope accepts only counts, never details about a person: remove it and try again.',
  );
  expect(message).not.toContain('408');
  expect(message).not.toContain('rosa');
});
