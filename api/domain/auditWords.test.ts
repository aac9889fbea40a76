import { describe, expect, test } from 'vitest';
import { type DescribableEntry, describeAuditEntry } from './auditWords';

const entry = (
  action: string,
  details: Record<string, unknown> = {},
  more: Partial<DescribableEntry> = {},
) => ({
  action,
  entityType: 'submission',
  entityId: null,
  details,
  agencyName: null,
  ...more,
});

describe('describeAuditEntry', () => {
  test.each([
    [
      'an invitation, with the role and agency',
      entry(
        'invite',
        { email: 'lucia@tresrobles.example', role: 'reporter', agency: 'TRESROBLES' },
        { agencyName: 'Tres Robles Family Advocates' },
      ),
      'Invited lucia@tresrobles.example as a reporter for Tres Robles Family Advocates',
    ],
    [
      'an invitation of an admin',
      entry('invite', { email: 'ana@coalition.example', role: 'admin', agency: null }),
      'Invited ana@coalition.example as an admin',
    ],
    [
      'reminders mailed to agencies about a quarter',
      entry('send-reminders', {
        period: '2026Q3',
        agencies: [
          { code: 'A', recipients: 2 },
          { code: 'B', recipients: 1 },
        ],
      }),
      'Sent reminders to 2 agencies about 2026 Q3',
    ],
    [
      'a sign-in with a recovery code',
      entry('recovery-code-used', { left: 1 }, { entityType: 'user', entityId: '4' }),
      'Signed in with a recovery code (1 code left)',
    ],
    [
      'a draft started from last quarter',
      entry(
        'copy-previous',
        { agency: 'QUAILCREST', period: '2026Q3' },
        { agencyName: 'Quailcrest Survivor Advocacy Center' },
      ),
      'Started Quailcrest Survivor Advocacy Center’s 2026 Q3 report from the previous quarter’s figures',
    ],
    [
      'a failed sign-in to an account, with the address',
      entry('sign-in-failed', { address: '203.0.113.9' }, { entityType: 'user', entityId: '4' }),
      'A sign-in failed (from 203.0.113.9)',
    ],
    [
      'a failed sign-in for an email no account has',
      entry('sign-in-failed', { address: '203.0.113.9' }, { entityType: 'user' }),
      'A sign-in failed for an email no account has (from 203.0.113.9)',
    ],
    [
      'signing out everywhere else',
      entry('sign-out-others', { sessions: 2 }, { entityType: 'user', entityId: '4' }),
      'Signed out everywhere else (2 other sessions)',
    ],
    [
      'a removed text, by number and never its words',
      entry('redact', { reasonId: 9 }, { entityType: 'free-text', entityId: '8' }),
      'Removed a kept text (number 8) and recorded why',
    ],
    [
      'an approval, with the agency’s name',
      entry('approve', { agency: 'HILLS', period: '2025Q3' }, { agencyName: 'Hillside' }),
      'Approved Hillside’s 2025 Q3 report',
    ],
    [
      'a name ending in s',
      entry('return', { agency: 'RIVER', period: '2026Q1' }, { agencyName: 'River Advocates' }),
      'Returned River Advocates’ 2026 Q1 report for correction',
    ],
    [
      'an agency no longer known, by its code',
      entry('start', { agency: 'GONE', period: '2026Q1' }),
      'Started GONE’s 2026 Q1 report',
    ],
    [
      'a save of one count',
      entry('save-draft', { agency: 'A', period: '2026Q1', cells: 1 }, { agencyName: 'Alder' }),
      'Saved 1 count in the draft of Alder’s 2026 Q1 report',
    ],
    [
      'a late submit',
      entry('submit', { period: '2026Q1', revision: 1, late: true }),
      'Submitted the 2026 Q1 report (revision 1), late',
    ],
    [
      'a release',
      entry('publish-release', { period: '2026Q2' }, { entityType: 'release' }),
      'Published the 2026 Q2 release',
    ],
    [
      'a confidential report made, by template, period and area',
      entry(
        'make-confidential-report',
        { templateName: 'Quarterly report', period: '2026Q2', areaName: 'Santa Clara County', purposeId: 4 },
        { entityType: 'report', entityId: '7' },
      ),
      'Made a confidential Quarterly report for 2026 Q2, Santa Clara County, saying why',
    ],
    [
      'a confidential report remade after a correction',
      entry(
        'make-confidential-report',
        { templateName: 'Quarterly report', period: '2026Q2', areaName: 'Coalition', regenerationOf: 7 },
        { entityType: 'report', entityId: '8' },
      ),
      'Made a confidential Quarterly report for 2026 Q2, Coalition again (report 7 remade), saying why',
    ],
    [
      'a confidential report downloaded',
      entry(
        'download-confidential-report',
        { templateName: 'Quarterly report', period: '2026Q2', areaName: 'Coalition', format: 'pdf' },
        { entityType: 'report', entityId: '7' },
      ),
      'Downloaded a confidential Quarterly report for 2026 Q2, Coalition as PDF',
    ],
    [
      'confidential reports switched off',
      entry('change-report-settings', { confidentialReports: false }, { entityType: 'settings' }),
      'Switched confidential grant reports off',
    ],
    [
      'an action it doesn’t know',
      entry('export-everything', {}, { entityType: 'user', entityId: '3' }),
      'Export everything (user 3)',
    ],
  ])('%s', (_, given, words) => {
    expect(describeAuditEntry(given)).toBe(words);
  });
});
