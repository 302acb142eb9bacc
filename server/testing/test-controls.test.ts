// Test controls live in the test tree: a gateway built without them drops x-test-* headers like any other;
// with them, such a request reaches the API with its headers, past the team (not from its cache), and a
// navigation with `x-test-ssr: off` is not a page request any more.
import { afterAll, describe, expect, it } from 'vitest';
import { composeGateway } from '../gateway/compose.ts';
import { parseTeamConfig } from '../gateway/team/config.ts';
import type { Upstream } from '../gateway/upstream.ts';
import { testParts } from './parts.ts';
import { testControlledUpstream, withTestControls } from './test-controls.ts';

const seen: Headers[] = [];
const api: Upstream = {
  kind: 'remote',
  baseUrl: 'http://fake-sent.invalid',
  apiKey: 'sk_test_controls',
  fetch: async (req) => {
    seen.push(req.headers);
    return Response.json({ success: true, data: { n: seen.length }, error: null, meta: {} });
  },
  close: async () => {},
};
const team = { config: parseTeamConfig({}), options: { log: () => {} } };
const plain = await composeGateway(testParts(api, { team }));
const controlled = await composeGateway(
  testParts(api, { team, extend: { upstream: testControlledUpstream } }),
);
afterAll(async () => {
  await plain.stop();
  await controlled.stop();
});

const get = (fetch: (req: Request) => Response | Promise<Response>, headers: Record<string, string> = {}) =>
  fetch(new Request('http://127.0.0.1:5173/v3/me', { headers: { host: '127.0.0.1:5173', ...headers } }));

describe('test controls (test tree)', () => {
  it('are dropped by a gateway built without them, like any header the console does not send', async () => {
    seen.length = 0;
    await get(plain.app.fetch, { 'x-test-fail': '500' });
    expect(seen.at(-1)?.get('x-test-fail')).toBeNull();
  });

  it('reach the API past the team: a cached answer is not what a faulted request gets', async () => {
    seen.length = 0;
    const withControls = withTestControls((req: Request) => controlled.app.fetch(req));
    await get(withControls);
    await get(withControls);
    expect(seen).toHaveLength(1); // the second from the team's cache
    const faulted = await get(withControls, { 'x-test-fail': '500', 'x-test-latency-ms': '5' });
    expect(faulted.status).toBe(200); // this fake API ignores the headers; the embedded one obeys them
    expect(seen).toHaveLength(2);
    expect(seen[1]?.get('x-test-fail')).toBe('500');
    expect(seen[1]?.get('x-test-latency-ms')).toBe('5');
  });

  it('turn a navigation with x-test-ssr: off into a plain request for the same address', async () => {
    let accept: string | null = null;
    const handler = withTestControls(async (req: Request) => {
      accept = req.headers.get('accept');
      return new Response('ok');
    });
    const navigate = (headers: Record<string, string>) =>
      handler(
        new Request('http://127.0.0.1:5173/contacts', { headers: { accept: 'text/html', ...headers } }),
      );
    await navigate({});
    expect(accept).toBe('text/html');
    await navigate({ 'x-test-ssr': 'off' });
    expect(accept).toBe('*/*');
  });
});
