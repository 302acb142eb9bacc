import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_KEY,
  deadUrl,
  type FakeApi,
  SERVER_KEY,
  startFakeApi,
  startTestGateway,
  type TestGateway,
} from '../testing/gateway-harness.ts';
import { formatLogLine, maskDigits, maskPathAndQuery } from './log.ts';

const TOKEN = 'log-test-access-secret';
const PHONE = '+447700900123';

describe('masking', () => {
  it('keeps only a leading + and the last two digits', () => {
    expect(maskDigits(PHONE)).toBe('+**********23');
    expect(maskDigits('(415) 555-0100')).toBe('********00');
    expect(maskDigits('77')).toBe('**');
  });

  it('masks phone-like query values and long digit runs in paths, but not UUIDs', () => {
    const masked = maskPathAndQuery(
      `/v3/contacts/447700900123?page=12&page_size=50&phone=${encodeURIComponent(PHONE)}&search=7700900&other=12345678`,
    );
    expect(masked).toBe(
      '/v3/contacts/**********23?page=12&page_size=50&phone=+**********23&search=*****00&other=******78',
    );
    const uuid = '/v3/contacts/7a3d2c10-0000-4000-8000-000000000011';
    expect(maskPathAndQuery(uuid)).toBe(uuid);
  });

  it('scrubs secrets even if they end up in a path', () => {
    const line = formatLogLine(
      { requestId: 'req_1', method: 'GET', pathAndQuery: `/x?k=${SERVER_KEY}`, status: 404, durationMs: 1 },
      [SERVER_KEY],
    );
    expect(line).not.toContain(SERVER_KEY);
    expect(line).toContain('[redacted]');
  });
});

describe('request log', () => {
  let api: FakeApi;
  let gw: TestGateway;
  const lines: string[] = [];

  beforeAll(async () => {
    api = await startFakeApi();
    gw = await startTestGateway(api.url, { accessSecret: TOKEN }, (l) => lines.push(l));
  });
  afterAll(async () => {
    await gw.close();
    await api.close();
  });

  it('has request id, status and duration, and never a key, the secret or a full phone number', async () => {
    const auth = { authorization: `Bearer ${TOKEN}`, 'x-api-key': BROWSER_KEY };
    await fetch(`${gw.url}/v3/contacts?page=1&page_size=20&phone=${encodeURIComponent(PHONE)}`, {
      headers: auth,
    });
    await fetch(`${gw.url}/v3/contacts?page=1&page_size=20&search=447700900123`, { headers: auth });
    await fetch(`${gw.url}/v3/contacts/447700900123`, { headers: auth });
    await fetch(`${gw.url}/v3/webhooks?phone=${PHONE}`, { headers: auth });
    await fetch(`${gw.url}/v3/me?api_key=${SERVER_KEY}`, { headers: { 'x-api-key': BROWSER_KEY } });
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/request_id=req_fake123 method=GET path=".*" status=200 duration_ms=\d+\.\d/);
    expect(lines[3]).toMatch(/request_id=req_gw_\S+ .*status=404 .*error=GATEWAY_003/);
    expect(lines[4]).toMatch(/status=401 .*error=GATEWAY_005/);
    const all = lines.join('\n');
    for (const secret of [SERVER_KEY, BROWSER_KEY, TOKEN, PHONE, '447700900123', '7700900123']) {
      expect(all).not.toContain(secret);
    }
  });

  it('logs upstream failures with their cause', async () => {
    const down = await startTestGateway(await deadUrl(), {}, (l) => lines.push(l));
    try {
      await fetch(`${down.url}/v3/me`);
      expect(lines.at(-1)).toMatch(/status=502 .*error=GATEWAY_001 cause=ECONNREFUSED/);
    } finally {
      await down.close();
    }
  });
});
