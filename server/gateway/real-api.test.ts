// Smoke test against the real Sent API (or SENT_API_URL): read-only calls. Opt-in by its own variable,
// `SENT_REAL_API_TEST=1 SENT_DM_API_KEY=sk_… npx vitest run server/gateway/real-api.test.ts`: having the key
// exported in a shell (to run `npm start` against the real API) must not send test traffic there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../testing/gateway-harness.ts';
import { DEFAULT_REMOTE_URL } from './config.ts';

import { remoteUpstream } from './upstream.ts';

const optedIn = process.env.SENT_REAL_API_TEST === '1';
const key = process.env.SENT_DM_API_KEY;

if (!optedIn || !key) {
  const why = optedIn ? 'SENT_DM_API_KEY is not set' : 'SENT_REAL_API_TEST=1 is not set';
  describe('real Sent API smoke test', () => {
    it.skip(`skipped: ${why} (set both, and optionally SENT_API_URL, to run against the real API)`, () => {});
  });
} else {
  describe('real Sent API smoke test', () => {
    const lines: string[] = [];
    let gw: TestGateway;
    beforeAll(async () => {
      const url = process.env.SENT_API_URL || DEFAULT_REMOTE_URL;
      gw = await startTestGateway(url, { upstream: remoteUpstream(url, key), timeoutMs: 15_000 }, (l) =>
        lines.push(l),
      );
    });
    afterAll(() => gw.close());

    it('GET /v3/me answers in the envelope with a request id, whatever key the browser sends', async () => {
      const res = await fetch(`${gw.url}/v3/me`, { headers: { 'x-api-key': 'sk_bogus_browser_key' } });
      const body = (await res.json()) as { success: boolean; meta: { request_id: string } };
      expect(res.status).toBe(200);
      expect(body.success).toBe(true);
      expect(res.headers.get('x-request-id')).toBeTruthy();
    });

    it('GET /v3/contacts lists a page with pagination', async () => {
      const res = await fetch(`${gw.url}/v3/contacts?page=1&page_size=5`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: { contacts: unknown[]; pagination: { page: number } } };
      expect(Array.isArray(body.data.contacts)).toBe(true);
      expect(body.data.pagination.page).toBe(1);
    });

    it('the key never reaches the logs', () => {
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain(key);
    });
  });
}
