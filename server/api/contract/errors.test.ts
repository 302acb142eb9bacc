import { describe, expect, it } from 'vitest';
import { apiForThisFile, DEMO_IDS, failureOf, profileHeader } from '../../testing/api-contract.ts';

const api = apiForThisFile();

async function envelopeOf(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/json');
  // Node's fetch types say `unknown` for json(): this is the shape the assertions below check.
  const body = (await res.json()) as {
    success: boolean;
    data: unknown;
    meta: { request_id: string };
    error: { code: string; message: string; doc_url: string; details: Record<string, string[]> | null };
  };
  expect(body.success).toBe(false);
  expect(body.data).toBeNull();
  expect(body.meta.request_id).toBe(res.headers.get('x-request-id'));
  expect(body.error.doc_url).toBe(`https://docs.sent.dm/errors/${body.error.code}`);
  return body.error as { code: string; message: string; details: Record<string, string[]> | null };
}

describe('error catalog', () => {
  it('401 AUTH_001 without a key and AUTH_002 with an unknown key', async () => {
    const none = await api.raw('/v3/contacts?page=1&page_size=10');
    expect(none.status).toBe(401);
    expect((await envelopeOf(none)).code).toBe('AUTH_001');
    const bad = await failureOf(api.client('sk_test_nope').contacts.list({ page: 1, page_size: 10 }));
    expect(bad.status).toBe(401);
    expect(bad.error.error.code).toBe('AUTH_002');
  });

  const cases: [string, number, string, string?][] = [
    ['page_size=10', 400, 'VALIDATION_004'],
    ['page=1', 400, 'VALIDATION_004'],
    ['page=abc&page_size=10', 400, 'VALIDATION_001'],
    ['page=1.5&page_size=10', 400, 'VALIDATION_001'],
    ['page=0&page_size=10', 400, 'VALIDATION_005', 'Page must be greater than 0'],
    ['page=-3&page_size=10', 400, 'VALIDATION_005', 'Page must be greater than 0'],
    ['page=1&page_size=0', 400, 'VALIDATION_005'],
    ['page=1&page_size=1001', 400, 'VALIDATION_005'],
    ['page=1&page_size=10&channel=fax', 400, 'VALIDATION_006'],
    ['page=1&page_size=10&phone=%2B1', 400, 'VALIDATION_002'],
    [`page=1&page_size=10&search=${'9'.repeat(80)}`, 400, 'VALIDATION_001'],
  ];
  for (const [query, status, code, message] of cases) {
    it(`${query.slice(0, 40)} → ${status} ${code}`, async () => {
      const res = await api.raw(`/v3/contacts?${query}`, { headers: { 'x-api-key': 'sk_test_org_demo' } });
      expect(res.status).toBe(status);
      const error = await envelopeOf(res);
      expect(error.code).toBe(code);
      if (message) expect(error.message).toBe(message);
      expect(error.details).not.toBeNull();
    });
  }

  it('a malformed contact id is VALIDATION_003 and an unknown one RESOURCE_001', async () => {
    const malformed = await failureOf(api.client().contacts.retrieve('not-a-uuid'));
    expect(malformed.status).toBe(400);
    expect(malformed.error.error).toMatchObject({ code: 'VALIDATION_003', message: 'Invalid ID format.' });
    const unknown = await failureOf(api.client().contacts.retrieve('6ba7b810-9dad-11d1-80b4-00c04fd430c8'));
    expect(unknown.status).toBe(404);
    expect(unknown.error.error.code).toBe('RESOURCE_001');
  });

  it('x-profile-id: bad UUID, foreign profile and non-organization keys each get their own error', async () => {
    const list = (key: string, profile: string) =>
      failureOf(api.client(key).contacts.list({ page: 1, page_size: 5, 'x-profile-id': profile }));
    const badUuid = await list('sk_test_org_demo', 'not-a-uuid');
    expect([badUuid.status, badUuid.error.error.code]).toEqual([400, 'VALIDATION_003']);
    const foreign = await list('sk_test_org_demo', DEMO_IDS.otherProfile);
    expect([foreign.status, foreign.error.error.code]).toEqual([403, 'AUTH_004']);
    expect(foreign.error.error.message).toMatch(/does not belong to your organization/);
    for (const key of ['sk_test_profile_demo', 'sk_test_user_demo']) {
      const notOrg = await list(key, DEMO_IDS.clinicsUk);
      expect([notOrg.status, notOrg.error.error.code]).toEqual([403, 'AUTH_004']);
      expect(notOrg.error.error.message).toMatch(/Only organization API keys/);
    }
  });

  it('unknown routes and methods get a 404 envelope', async () => {
    const res = await api.raw('/v3/nothing-here', { headers: { 'x-api-key': 'sk_test_org_demo' } });
    expect(res.status).toBe(404);
    expect((await envelopeOf(res)).code).toBe('NOT_FOUND');
    const put = await api.raw('/v3/contacts/6ba7b810-9dad-11d1-80b4-00c04fd430c8', {
      method: 'PUT',
      headers: { 'x-api-key': 'sk_test_org_demo' },
    });
    expect(put.status).toBe(404);
  });

  it('malformed bodies are validation errors, never a 500', async () => {
    const list = await api.client().contacts.list({ page: 1, page_size: 1 });
    const id = list.data?.contacts?.[0]?.id ?? '';
    for (const body of ['{not json', '[1,2]', '"text"', '{"opt_out":"yes"}']) {
      const res = await api.raw(`/v3/contacts/${id}`, {
        method: 'PATCH',
        headers: { 'x-api-key': 'sk_test_org_demo', 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      expect((await envelopeOf(res)).code).toBe('VALIDATION_001');
    }
  });

  it('profile header on a profile-scoped request of an organization works', async () => {
    const res = await api.raw('/v3/contacts?page=1&page_size=1', {
      headers: { 'x-api-key': 'sk_test_org_demo', ...profileHeader(DEMO_IDS.labsDe) },
    });
    expect(res.status).toBe(200);
  });
});
