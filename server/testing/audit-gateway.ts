// The gateway audit tests' setup, for one test file: the embedded API, a throw-away trail, and the gateway
// (compose.ts) in front of them with built files and a stand-in server renderer whose lookup page fetches the
// lookup through the gateway's own API route. `known` is a contact to act on; `one(act)` is the one entry an
// act adds to the trail (read through /__audit, so reading it is covered too).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_IDS } from '../api/demo.ts';
import { createEmbeddedApi, type EmbeddedApi } from '../api/server.ts';
import type { StoredEntry } from '../audit/entry.ts';
import { SSR_DIR, SSR_ENTRY } from '../gateway/ssr.ts';
import { embeddedUpstream } from '../gateway/upstream.ts';
import { makeFixtureDist, startTestGateway, type TestGateway } from './gateway-harness.ts';
import { startTempAudit, type TempAudit } from './temp-audit.ts';

export const PROFILE = DEMO_IDS.clinicsUk;
export const asProfile = { 'x-profile-id': PROFILE, 'user-agent': 'audit-test' };

const RENDERER = `
export async function renderPage({ url, api }) {
  const phone = new URL(url, 'http://x').searchParams.get('phone');
  const res = await api('/v3/contacts?page=1&page_size=1&phone=' + encodeURIComponent(phone),
    { headers: { accept: 'application/json', 'x-profile-id': '${PROFILE}' } });
  return { html: '<p>' + res.status + '</p>', state: '{}' };
}`;

export interface AuditGateway {
  api: EmbeddedApi;
  trail: TempAudit;
  gw: TestGateway;
  known: { id: string; phone_number: string; opt_out: boolean };
  /** The trail as /__audit lists it, newest first. */
  entries(query?: string): Promise<StoredEntry[]>;
  /** Runs `act`, checks that it added exactly one entry, and returns that entry. */
  one(act: () => unknown): Promise<StoredEntry>;
}

export function auditGatewayForFile(): AuditGateway {
  const h = {} as AuditGateway;
  beforeAll(async () => {
    h.api = createEmbeddedApi({ contactsPerProfile: 30, rateLimit: false });
    await h.api.ready;
    h.trail = await startTempAudit();
    const dist = makeFixtureDist();
    mkdirSync(join(dist, SSR_DIR));
    writeFileSync(join(dist, SSR_DIR, SSR_ENTRY), RENDERER);
    h.gw = await startTestGateway('unused', {
      upstream: embeddedUpstream(h.api),
      audit: h.trail.audit,
      distDir: dist,
      renderBudgetMs: 600_000,
    });
    const list = await fetch(`${h.gw.url}/v3/contacts?page=1&page_size=1`, { headers: asProfile });
    [h.known] = ((await list.json()) as { data: { contacts: [AuditGateway['known']] } }).data.contacts;
  });
  afterAll(async () => {
    await h.gw?.close();
    await h.trail?.close();
    h.api?.close();
  });
  h.entries = async (query = '') => {
    const res = await fetch(`${h.gw.url}/__audit?page_size=500${query}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: StoredEntry[] }).data;
  };
  h.one = async (act) => {
    const before = (await h.entries())[0]?.seq ?? 0;
    await act();
    const added = (await h.entries()).filter((e) => e.seq > before);
    expect(added.map((e) => e.action)).toHaveLength(1);
    return added[0] as StoredEntry;
  };
  return h;
}
