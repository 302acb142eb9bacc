// Through a running gateway: allowlisted calls reach the API unchanged, anything else is answered by the gateway.
import { describe, expect, it } from 'vitest';
import { type Envelope, fakeApiAndGateway } from '../testing/gateway-harness.ts';

const fixture = fakeApiAndGateway();

describe('allowlist', () => {
  it.each([
    ['GET', '/v3/contacts?page=1&page_size=20&search=77'],
    ['GET', '/v3/contacts/6ba7b810-9dad-11d1-80b4-00c04fd430c8'],
    ['PATCH', '/v3/contacts/6ba7b810-9dad-11d1-80b4-00c04fd430c8'],
    ['POST', '/v3/contacts'],
    ['DELETE', '/v3/contacts/6ba7b810-9dad-11d1-80b4-00c04fd430c8'],
    ['GET', '/v3/profiles'],
    ['GET', '/v3/profiles/7a3d2c10-0000-4000-8000-000000000011'],
    ['GET', '/v3/me'],
    ['GET', '/v1/contacts?page=0&pageSize=50'],
  ])('forwards %s %s unchanged', async (method, path) => {
    const body = method === 'PATCH' || method === 'POST' ? JSON.stringify({ opt_out: true }) : undefined;
    const res = await fetch(fixture.gw.url + path, {
      method,
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(fixture.api.seen).toHaveLength(1);
    expect(fixture.api.seen[0]).toMatchObject({ method, url: path });
    if (body) expect(fixture.api.seen[0]?.body).toBe(body);
  });

  it.each([
    ['PUT', '/v3/contacts', 'GET, POST'],
    ['PUT', '/v3/contacts/6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'GET, PATCH, DELETE'],
    ['PATCH', '/v3/me', 'GET'],
    ['HEAD', '/v3/profiles', 'GET'],
    ['POST', '/v1/contacts', 'GET'],
  ])('answers %s %s with 405 itself', async (method, path, allow) => {
    const res = await fetch(fixture.gw.url + path, { method, body: method === 'HEAD' ? undefined : '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    if (method !== 'HEAD') {
      const env = (await res.json()) as Envelope;
      expect(env.success).toBe(false);
      expect(env.error?.code).toBe('GATEWAY_004');
      expect(env.meta.request_id).toBe(res.headers.get('x-request-id'));
    }
    expect(fixture.api.seen).toHaveLength(0);
  });

  it.each([
    '/v3/webhooks',
    '/v3/messages',
    '/v3',
    '/v1/contacts/123',
    '/v3/contacts/6ba7b810/extra',
    '/v3/profiles/x/contacts',
    '/v3/users',
  ])('answers GET %s with 404 itself', async (path) => {
    const res = await fetch(fixture.gw.url + path);
    expect(res.status).toBe(404);
    const env = (await res.json()) as Envelope;
    expect(env.error?.code).toBe('GATEWAY_003');
    expect(env.data).toBeNull();
    expect(fixture.api.seen).toHaveLength(0);
  });
});
