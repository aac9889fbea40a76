import { expect } from 'vitest';
import { apiTest as test } from '../testing';

test('signed out, the report templates are refused', async ({ app }) => {
  const response = await app.request('/api/report-templates');
  expect(response.status).toBe(401);
  expect((await response.json()).error.code).toBe('not-signed-in');
});

test.for(['viewer', 'river', 'admin'])(
  'signed in as %s, every template is listed with where its sections are published',
  async (who, { app, signIn }) => {
    const response = await app.request('/api/report-templates', {
      headers: { Cookie: await signIn(`${who}@test.example`) },
    });
    expect(response.status).toBe(200);
    const templates = await response.json();
    expect(templates.map((t: { code: string }) => t.code)).toEqual([
      'annual_coalition',
      'federal_semiannual',
      'quarterly_funder',
      'workgroup_brief',
    ]);
    const brief = templates.find((t: { code: string }) => t.code === 'workgroup_brief');
    expect(brief.publication[0]).toEqual({
      section: 'survivors',
      needs: 'public',
      periodKinds: ['quarter'],
      // A county's brief follows the state fiscal years the plan publishes for counties, not quarters.
      shownAt: { coalition: ['quarter'], county: ['quarter'] },
      countyPeriods: { kind: 'sfy', count: 3 },
    });
    expect(brief.notes).toContain(
      'Section “Survivors served and new survivors”, for a county: not by quarters; it shows the last 3 California fiscal years up to the report’s period instead.',
    );
  },
);
