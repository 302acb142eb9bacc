import { afterEach, expect, it, vi } from 'vitest';
import type { ImportJob, ImportRequest } from '../shared/imports';
import { ApiError } from './errors';
import { actOnImport, getImport, importRowsCsvPath, listImports, startImport } from './imports';

afterEach(() => vi.unstubAllGlobals());

function stubFetch(response: () => Response) {
  const fn = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => response());
  vi.stubGlobal('fetch', fn);
  return fn;
}

const envelope = (status: number, data: unknown, error: unknown = null) =>
  new Response(JSON.stringify({ success: !error, data, error, meta: { request_id: 'req_7' } }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

const job = { id: 'imp/1', status: 'running' } as ImportJob;

it('starts a job with the rows as JSON and returns the job', async () => {
  const fetch = stubFetch(() => envelope(201, job));
  const request: ImportRequest = {
    profile_id: 'p-1',
    file_name: 'a.csv',
    file_sha256: 'ab'.repeat(32),
    default_region: 'GB',
    rows: [{ row: 2, input: '020 7946 0958', phone: '+442079460958', problem: null }],
  };
  await expect(startImport(request)).resolves.toEqual(job);
  const [url, init] = fetch.mock.calls[0] ?? [];
  expect(url).toBe('/__imports');
  expect(init?.method).toBe('POST');
  expect(JSON.parse(String(init?.body))).toEqual(request);
});

it('reads, lists and acts on jobs by their escaped id', async () => {
  const fetch = stubFetch(() => envelope(200, job));
  await getImport('imp/1');
  await actOnImport('imp/1', 'undo');
  stubFetch(() => envelope(200, [job]));
  await expect(listImports()).resolves.toEqual([job]);
  expect(fetch.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toEqual([
    'GET /__imports/imp%2F1',
    'POST /__imports/imp%2F1/undo',
  ]);
});

it('a refusal is an ApiError with the gateway code, message and request id', async () => {
  stubFetch(() => envelope(409, null, { code: 'GATEWAY_013', message: 'Not while it is running.' }));
  const error = await actOnImport('imp/1', 'undo').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 409, code: 'GATEWAY_013', requestId: 'req_7' });
});

it('points the row downloads at the job', () => {
  expect(importRowsCsvPath('imp/1', 'failed')).toBe('/__imports/imp%2F1/rows.csv?state=failed');
});
