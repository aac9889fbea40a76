import { describe, expect, test } from 'vitest';
import { person, renderCached } from '../../testing';
import { authKeys } from '../auth/queries';
import { ConfidentialPurpose } from './ConfidentialPurpose';
import { NarrativeField } from './NarrativeFields';
import { reportKeys } from './queries';
import { MadeReportView } from './ReportFiles';
import { ChangesTable, ReportHistoryView } from './ReportHistory';
import { ReportForm, ReportPreview, ReportsPage, TemplateChooser } from './ReportsPage';
import { choices, report, template } from './testFixtures';
import type { NarrativeSection, ReportSummary } from './types';

// Renders the page and its parts to HTML as they look once the API has answered. The environment
// is node (no DOM), so assertions read the markup and its visible text.

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const me = [authKeys.me(), person('admin', { timeZone: 'UTC' })] as const;

function renderForm(
  overrides: { choices?: Parameters<typeof choices>[0]; draft?: Record<string, string> } = {},
) {
  return renderCached(<ReportForm template={template()} choices={choices(overrides.choices)} />, [
    me,
    [
      reportKeys.draft({ template: 'federal_semiannual', period: '2025H2', area: 'coalition' }),
      { texts: overrides.draft ?? {}, updatedAt: null },
    ],
  ]);
}

describe('ReportsPage', () => {
  test('leads with the builder, then points admins to the confidential setting, then the history', () => {
    const html = renderCached(<ReportsPage />, [
      me,
      [reportKeys.templates(), [template()]],
      [reportKeys.choices('federal_semiannual'), choices()],
      [reportKeys.list(), { reports: [report()] }],
    ]);
    const text = textOf(html);
    expect(html).toContain('<h1>Grant reports</h1>');
    const pointer = 'Whether confidential reports may be made is set on the Settings page.';
    expect(text.indexOf('Make a report')).toBeLessThan(text.indexOf(pointer));
    expect(text.indexOf(pointer)).toBeLessThan(text.indexOf('Report history'));
    expect(html).toContain('href="/settings"');
    expect(text).toContain('Federal-style semiannual performance report · July to December 2025');
  });

  test('has no confidential setting for a viewer', () => {
    const html = renderCached(<ReportsPage />, [
      [authKeys.me(), person('viewer')],
      [reportKeys.templates(), [template()]],
      [
        reportKeys.choices('federal_semiannual'),
        choices({ confidential: { allowed: true, canMake: false } }),
      ],
      [reportKeys.list(), { reports: [] }],
    ]);
    expect(html).not.toContain('id="setting-heading"');
    expect(html).not.toContain('href="/settings"');
    expect(textOf(html)).toContain('Confidential reports with exact counts are made by coalition admins.');
    expect(html).not.toContain('value="confidential"');
  });
});

describe('TemplateChooser', () => {
  test('offers each template as a radio button described by its description', () => {
    const html = renderCached(
      <TemplateChooser
        templates={[template(), template({ code: 'annual', name: 'Annual coalition report' })]}
        current={template()}
        onChoose={() => {}}
      />,
    );
    expect(html).toContain('<legend>Which report?</legend>');
    const first = html.match(/<input[^>]*id="template-federal_semiannual"[^>]*>/)?.[0] ?? '';
    expect(first).toContain('type="radio"');
    expect(first).toContain('checked=""');
    expect(first).toContain('aria-describedby="template-federal_semiannual-about"');
    expect(html).toContain('<label for="template-annual">Annual coalition report</label>');
    expect(textOf(html)).toContain('For federal anti-trafficking grants that report by half-year.');
  });
});

describe('ReportForm', () => {
  test('shows the template’s notes, the periods newest first marked by kind, and starts on the newest published', () => {
    const html = renderForm();
    const text = textOf(html);
    expect(text).toContain('What a protected report of it can’t show');
    expect(text).toContain('Trainings by discipline: a protected report can’t show it for a half-year.');
    const options = [...html.matchAll(/<option value="([^"]+)"( selected="")?>([^<]*)<\/option>/g)].map(
      (match) => `${match[1]}${match[2] ? ' (chosen)' : ''}: ${match[3]}`,
    );
    expect(options).toEqual([
      '2026H1: January to June 2026 (2026H1) · confidential only, not published yet',
      '2025H2 (chosen): July to December 2025 (2025H2) · protected or confidential',
      '2025H1: January to June 2025 (2025H1) · protected or confidential',
      'coalition (chosen): The whole coalition',
    ]);
  });

  test('puts the kinds in a fieldset, confidential saying plainly what it is', () => {
    const html = renderForm();
    const text = textOf(html);
    expect(html).toContain('<legend>Kind of figures</legend>');
    expect(text).toContain('Protected The published figures, exactly as the dashboard shows them.');
    expect(text).toContain(
      'Confidential — exact counts For a funder whose agreement entitles it to exact numbers.',
    );
    expect(text).toContain('including counts so small they could identify a survivor');
  });

  test('offers no confidential report when the coalition has switched them off, and says where', () => {
    const html = renderForm({ choices: { confidential: { allowed: false, canMake: true } } });
    expect(html).not.toContain('value="confidential"');
    expect(textOf(html)).toContain('Confidential reports are switched off on the Settings page.');
    expect(html).not.toContain('confidential only');
  });

  test('has a narrative field for each narrative section, with the saved words, and the two actions', () => {
    const html = renderForm({ draft: { accomplishments: 'Trained 40 officers.' } });
    const text = textOf(html);
    expect(html).toContain('<legend>Your words</legend>');
    expect(html).toContain('<label for="narrative-accomplishments">Accomplishments</label>');
    expect(html).toMatch(/<textarea id="narrative-accomplishments"[^>]*>Trained 40 officers.<\/textarea>/);
    expect(text).toContain('20 of 4,000 characters');
    expect(text).toContain('Preview Make the report');
  });
});

describe('NarrativeField', () => {
  const section: NarrativeSection = {
    kind: 'narrative',
    code: 'challenges',
    title: 'Challenges',
    prompt: 'What got in the way?',
    maxLength: 10,
  };
  const key = { template: 'federal_semiannual', period: '2025H2', area: 'coalition' };

  test('describes the textarea by its prompt and its count', () => {
    const html = renderCached(
      <NarrativeField
        section={section}
        draftKey={key}
        draft={{ texts: { challenges: 'Staffing' }, updatedAt: null }}
      />,
      [me],
    );
    expect(html).toContain('aria-describedby="narrative-challenges-help narrative-challenges-count"');
    expect(html).toContain('<p id="narrative-challenges-help" class="field-help">What got in the way?</p>');
    expect(textOf(html)).toContain('8 of 10 characters Save Saved');
  });

  test('says plainly when the words are too long, linked to the field', () => {
    const html = renderCached(
      <NarrativeField
        section={section}
        draftKey={key}
        draft={{ texts: { challenges: 'Far too many words' }, updatedAt: null }}
      />,
      [me],
    );
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('narrative-challenges-count narrative-challenges-error');
    expect(textOf(html)).toContain('This is 8 characters too long. Shorten it to 10 or fewer.');
  });
});

describe('ReportPreview', () => {
  test('shows the report page in a sandbox with no scripts, titled by the report', () => {
    const html = renderCached(
      <ReportPreview html="<h1>Report</h1>" name="Federal-style semiannual performance report" />,
    );
    expect(html).toContain('sandbox=""');
    expect(html).toContain('srcDoc="&lt;h1&gt;Report&lt;/h1&gt;"');
    expect(html).toContain('title="Preview of the Federal-style semiannual performance report"');
  });
});

describe('MadeReportView', () => {
  test('while rendering, shows the stage in a live region', () => {
    const html = renderCached(
      <MadeReportView
        report={report({
          status: 'rendering',
          files: null,
          progress: { stage: 'drawing the PDF', done: 2, total: 4 },
        })}
      />,
    );
    expect(html).toContain('<progress id="report-12-progress" value="2" max="4">');
    expect(html).toContain('<div role="status"><p>Drawing the PDF (2 of 4)</p></div>');
  });

  test('when ready, links to the PDF, workbook and CSV with their sizes and hashes', () => {
    const html = renderCached(<MadeReportView report={report()} />);
    const text = textOf(html);
    expect(text).toContain('The report is ready.');
    expect(html).toContain('href="/api/reports/12/file/pdf"');
    expect(html).toContain('href="/api/reports/12/file/xlsx"');
    expect(html).toContain('href="/api/reports/12/file/csv"');
    expect(text).toContain('Download the PDF 9 pages, 48 KB SHA-256 aaaaaaaaaaaa…');
    expect(text).toContain('Download the Workbook (XLSX) 21 KB');
    expect(html).toContain(`<code class="report-hash__full">${'a'.repeat(64)}</code>`);
  });

  test('when it failed, says why in an alert', () => {
    const html = renderCached(
      <MadeReportView
        report={report({ status: 'failed', files: null, failure: 'Chromium could not start.' })}
      />,
    );
    expect(html).toContain(
      '<div role="alert"><p class="form-error">The report couldn’t be made. Chromium could not start.</p></div>',
    );
  });
});

describe('ReportHistoryView', () => {
  test('lists each report with what it was made of, by whom and when', () => {
    const html = renderCached(
      <ReportHistoryView
        reports={[
          report({ id: 13, kind: 'confidential', purpose: 'For the federal grant officer', releases: [] }),
          report(),
        ]}
        timeZone="UTC"
      />,
      [me],
    );
    const text = textOf(html);
    expect(html).toContain('<ol class="report-history" aria-label="Reports made, newest first">');
    expect(text).toContain(
      'Kind Confidential — exact counts Made November 30, 2026 at 6:05 PM by Dana Whitfield',
    );
    expect(text).toContain('Purpose For the federal grant officer');
    expect(text).toContain('Releases used 2025Q3-1, 2025Q4-1');
    expect(text).toContain('Report number 12, from template version 1');
    expect(text.indexOf('Report number 13, from template version 1')).toBeLessThan(
      text.indexOf('Report number 12'),
    );
  });

  test('an outdated report says which release a correction replaced and offers to regenerate it', () => {
    const html = renderCached(
      <ReportHistoryView
        reports={[report({ outdated: { replaced: [{ period: '2025Q4', sequence: 1, by: 9 }] } })]}
        timeZone="UTC"
      />,
      [me],
    );
    const text = textOf(html);
    expect(text).toContain('Status Ready, but outdated');
    expect(text).toContain('A correction replaced release 2025Q4-1, which this report used.');
    expect(text).toContain('Regenerate report 12');
  });

  test('a regenerated report offers what changed; its original links to it', () => {
    const html = renderCached(
      <ReportHistoryView
        reports={[
          report({ id: 14, regenerationOf: 12 }),
          report({ regeneratedAs: 14, outdated: { replaced: [{ period: '2025Q4', sequence: 1, by: 9 }] } }),
        ]}
        timeZone="UTC"
      />,
      [me],
    );
    const text = textOf(html);
    expect(text).toContain('What changed since report 12');
    expect(html).toContain('Made again as <a href="#report-14">report 14</a>.');
    expect(text).toContain('It has been made again from today’s releases as report 14.');
    expect(text).not.toContain('Regenerate report 12');
  });

  test('a withdrawn report says in plain words why, offers no downloads, and offers to regenerate it', () => {
    const html = renderCached(
      <ReportHistoryView
        reports={[
          report({
            files: null,
            withdrawn: { at: '2026-12-02T15:30:00Z' },
            outdated: { replaced: [{ period: '2025Q4', sequence: 1, by: 9 }] },
          }),
        ]}
        timeZone="UTC"
      />,
      [me],
    );
    const text = textOf(html);
    expect(text).toContain('Status Withdrawn — its files were deleted');
    expect(text).toContain(
      'Withdrawn on December 2, 2026: a text it printed was removed. Regenerate it to make it again without that text.',
    );
    expect(html).not.toContain('/api/reports/12/file/');
    expect(text).not.toContain('Download the');
    // One way to make it again: the outdated notice, with a second button, gives way to the withdrawal.
    expect(text).not.toContain('A correction replaced release');
    expect(text.match(/Regenerate report 12/g)).toHaveLength(1);
    // A protected report is made again as it was: no purpose is asked for.
    expect(html).not.toContain('id="report-12-purpose"');
  });

  test('a withdrawn report already made again says which report replaced it, with no button', () => {
    const html = renderCached(
      <ReportHistoryView
        reports={[
          report({ id: 14, regenerationOf: 12 }),
          report({ files: null, withdrawn: { at: '2026-12-02T15:30:00Z' }, regeneratedAs: 14 }),
        ]}
        timeZone="UTC"
      />,
      [me],
    );
    const text = textOf(html);
    expect(text).toContain(
      'Withdrawn on December 2, 2026: a text it printed was removed. It has been made again without that text as report 14.',
    );
    expect(text).not.toContain('Regenerate report 12');
  });

  test.each<[string, Partial<ReportSummary>]>([
    ['outdated', { outdated: { replaced: [{ period: '2025Q4', sequence: 1, by: 9 }] } }],
    ['withdrawn', { files: null, withdrawn: { at: '2026-12-02T15:30:00Z' } }],
  ])(
    'regenerating a confidential %s report asks for the admin’s own purpose beside the button',
    (_, overrides) => {
      const html = renderCached(
        <ReportHistoryView
          reports={[report({ kind: 'confidential', purpose: 'For the federal grant officer', ...overrides })]}
          timeZone="UTC"
        />,
        [me],
      );
      const text = textOf(html);
      expect(html).toContain(
        '<label for="report-12-purpose">Your purpose for regenerating report 12 (required)</label>',
      );
      const field = html.match(/<input[^>]*id="report-12-purpose"[^>]*>/)?.[0] ?? '';
      expect(field).toContain('required=""');
      expect(field).toContain('aria-describedby="report-12-purpose-help"');
      // Starts empty: the purpose is this admin's, not the one the report was first made for.
      expect(field).toContain('value=""');
      expect(text).toContain(
        'A confidential report contains counts below the coalition’s publication threshold. Send it only to the funder named in your purpose. Regenerating it is recorded in the audit log with your name, the report and your purpose.',
      );
      expect(text.indexOf('Your purpose for regenerating')).toBeLessThan(
        text.indexOf('Regenerate report 12'),
      );
    },
  );

  test('says so when no report has been made', () => {
    expect(textOf(renderCached(<ReportHistoryView reports={[]} timeZone="UTC" />))).toBe(
      'No report has been made yet.',
    );
  });
});

describe('ConfidentialPurpose', () => {
  const field = (value: string, missing: boolean) =>
    renderCached(
      <ConfidentialPurpose
        id="report-12-purpose"
        recordedAction="Regenerating it"
        value={value}
        missing={missing}
        onChange={() => {}}
      />,
    );

  test('when asked to go on without a purpose, says what to write, linked to the field', () => {
    const html = field('  ', true);
    const input = html.match(/<input[^>]*id="report-12-purpose"[^>]*>/)?.[0] ?? '';
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="report-12-purpose-help report-12-purpose-error"');
    expect(html).toContain(
      '<p id="report-12-purpose-error" class="field-error">Say who the confidential report is for and why.</p>',
    );
  });

  test('says nothing is wrong once a purpose is written', () => {
    const html = field('For the state grant officer', true);
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('report-12-purpose-error');
  });
});

describe('ChangesTable', () => {
  test('lists each changed figure before and after, hidden ones as S', () => {
    const html = renderCached(
      <ChangesTable
        id={14}
        changes={{
          against: 12,
          changes: [
            { section: 'gender', sectionTitle: 'Gender', row: 'Female', before: 120, after: 123 },
            { section: 'gender', sectionTitle: 'Gender', row: 'Male', before: 'S', after: 6 },
          ],
        }}
      />,
    );
    const text = textOf(html);
    expect(html).toContain('<caption id="changes-14-caption">');
    expect(text).toContain('Figures that changed between report 12 and report 14');
    expect(text).toContain('Gender Female 120 123 Gender Male S (hidden) 6');
  });

  test('says so when nothing changed', () => {
    expect(textOf(renderCached(<ChangesTable id={14} changes={{ against: 12, changes: [] }} />))).toBe(
      'No figure changed: report 14 shows the same numbers as report 12.',
    );
  });
});
