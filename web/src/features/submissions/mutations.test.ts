import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { completenessKeys } from '../home/queries';
import {
  approveReportMutation,
  reopenReportMutation,
  returnReportMutation,
  type SubmissionRef,
  saveValuesMutation,
  submitReportMutation,
  uploadFileMutation,
} from './mutations';
import { submissionKeys } from './queries';

const ref: SubmissionRef = { agency: 'ASH', period: '2026Q3' };
// Only the cache sees the answer here, so a marker stands in for a whole submission.
const detail = { marker: 'the submission as it now stands' };

afterEach(() => vi.unstubAllGlobals());

function stubFetch(body: unknown) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => Response.json(body));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** Runs mutation options the way `useMutation` does, in `client`. */
function run<Vars>(
  client: QueryClient,
  // biome-ignore lint/suspicious/noExplicitAny: each factory has its own data type; only the request and cache matter here
  options: any,
  variables: Vars,
) {
  return new MutationObserver<unknown, Error, Vars>(client, options).mutate(variables);
}

describe('each change to a submission sends what the API expects', () => {
  test.each([
    {
      name: 'autosave',
      options: saveValuesMutation(ref),
      variables: { values: { 'survivors_served.total': 4 }, explanations: { x: null } },
      method: 'PUT',
      path: '/api/submissions/ASH/2026Q3/values',
      body: '{"values":{"survivors_served.total":4},"explanations":{"x":null}}',
    },
    {
      name: 'submit',
      options: submitReportMutation(ref),
      variables: { explanations: { 'survivors_served.total': 'A new shelter opened.' } },
      method: 'POST',
      path: '/api/submissions/ASH/2026Q3/submit',
      body: '{"explanations":{"survivors_served.total":"A new shelter opened."}}',
    },
    {
      name: 'approve',
      options: approveReportMutation(ref),
      variables: undefined,
      method: 'POST',
      path: '/api/submissions/ASH/2026Q3/approve',
      body: undefined,
    },
    {
      name: 'return',
      options: returnReportMutation(ref),
      variables: 'Row 4 looks doubled.',
      method: 'POST',
      path: '/api/submissions/ASH/2026Q3/return',
      body: '{"comment":"Row 4 looks doubled."}',
    },
    {
      name: 'reopen',
      options: reopenReportMutation(ref),
      variables: 'The agency found a duplicate.',
      method: 'POST',
      path: '/api/submissions/ASH/2026Q3/reopen',
      body: '{"reason":"The agency found a duplicate."}',
    },
  ])('$name: $method $path', async ({ options, variables, method, path, body }) => {
    const fetchMock = stubFetch(detail);
    const client = new QueryClient();
    client.setQueryData(completenessKeys.summary(4), {});

    await run(client, options, variables);

    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(path);
    expect(init?.method).toBe(method);
    expect(init?.body).toBe(body);
    expect(init?.credentials).toBe('same-origin');
    if (body !== undefined) expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
    // The answer goes straight into the cache, and what summarises it elsewhere is marked stale.
    expect(client.getQueryData(submissionKeys.detail('ASH', '2026Q3'))).toEqual(detail);
    expect(client.getQueryState(completenessKeys.summary(4))?.isInvalidated).toBe(true);
  });

  test.each([
    { dryRun: true, path: '/api/submissions/ASH/2026Q3/upload?dryRun=true', stored: undefined },
    { dryRun: false, path: '/api/submissions/ASH/2026Q3/upload?dryRun=false', stored: detail },
  ])(
    'an upload with dryRun=$dryRun sends the file as CSV and caches only an applied one',
    async ({ dryRun, path, stored }) => {
      const fetchMock = stubFetch({ dryRun, changes: [], unchanged: 0, findings: [], submission: detail });
      const client = new QueryClient();
      const file = new Blob(['element,value\n'], { type: 'text/csv' });

      await run(client, uploadFileMutation(ref), { file, dryRun });

      const [url, init] = fetchMock.mock.calls[0] ?? [];
      expect(url).toBe(path);
      expect(init?.method).toBe('POST');
      expect(init?.body).toBe(file);
      expect(new Headers(init?.headers).get('Content-Type')).toBe('text/csv');
      expect(client.getQueryData(submissionKeys.detail('ASH', '2026Q3'))).toEqual(stored);
    },
  );

  test("a refused change is the server's error, and the cache is left alone", async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json(
        { error: { code: 'submission-locked', message: 'This report is approved and locked.' } },
        { status: 409 },
      ),
    );
    const client = new QueryClient();
    await expect(run(client, saveValuesMutation(ref), { values: {} })).rejects.toMatchObject({
      name: 'ApiError',
      status: 409,
      code: 'submission-locked',
    });
    expect(client.getQueryData(submissionKeys.detail('ASH', '2026Q3'))).toBeUndefined();
  });
});
