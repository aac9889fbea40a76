import { describe, expect } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db';
import { readDefaultCatalog } from '../queries/catalog';
import { apiTest, consistentQuarter, signIn, testConfig } from '../testing';

// 2026Q4 is due on 30 January 2027. At 11:30 pm that evening in Los Angeles it is already 07:30 on
// 31 January in UTC: the server used to call a report sent then late, while the reporter's browser
// still said "due today".
const deadlineEvening = new Date('2027-01-31T07:30:00Z');

const catalog = readDefaultCatalog();
const test = apiTest.override({ seed: 'history' });

async function submitAt(db: Db, now: Date, timeZone?: string) {
  const config = testConfig(timeZone ? { SCOPE_TIME_ZONE: timeZone } : {});
  const app = createApp({ db, config, now: () => now });
  const headers = { Cookie: await signIn(app, 'river@test.example'), 'Content-Type': 'application/json' };
  const base = '/api/submissions/RIVER/2026Q4';
  await app.request(`${base}/values`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ values: consistentQuarter(catalog, 'victim_services') }),
  });
  const submitted = await app.request(`${base}/submit`, { method: 'POST', headers, body: '{}' });
  expect(submitted.status).toBe(200);
  const admin = { Cookie: await signIn(app, 'admin@test.example') };
  const summary = await (
    await app.request('/api/completeness/summary?quarters=1', { headers: admin })
  ).json();
  return { submission: await submitted.json(), quarter: summary.quarters[0] };
}

describe("the server's day is the coalition's day", () => {
  test('a report sent at 11:30 pm on the deadline day in Los Angeles is on time', async ({ db }) => {
    const { submission, quarter } = await submitAt(db, deadlineEvening);
    expect(submission).toMatchObject({ status: 'submitted', late: false });
    expect(quarter).toMatchObject({ period: '2026Q4', pastDeadline: false, late: 0 });
  });

  test('the same moment is already the next day for a coalition keeping UTC', async ({ db }) => {
    const { submission, quarter } = await submitAt(db, deadlineEvening, 'UTC');
    expect(submission).toMatchObject({ status: 'submitted', late: true });
    expect(quarter).toMatchObject({ period: '2026Q4', pastDeadline: true });
  });
});
