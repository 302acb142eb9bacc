/**
 * `npm run bench:numbers` (issue 21): what a number lookup costs through the gateway (`npm start`'s wiring:
 * team budget and shared cache, audit trail in SQLite with an fsync per entry), against the embedded API over
 * loopback, with no added latency and with 80 ms (a carrier lookup is not a local query).
 *   1. GET /v3/numbers/lookup/{phone}: 200 numbers once (cold: each goes upstream), then again (cached).
 *   2. 100 openings of a contact's detail over 20 contacts, each as the browser makes it (the contact and its
 *      Reachability card at once): how many requests reach the API, lookups apart (target: 20).
 * Sequential requests from this process; prints figures, asserts nothing. BENCH_LOOKUPS overrides the 200.
 */
import { numberLookupPath } from '../../src/shared/numbers.ts';
import { startApiServer } from '../api/server.ts';
import { composeGateway } from '../gateway/compose.ts';
import { serveGateway } from '../gateway/server.ts';
import { remoteUpstream, type Upstream } from '../gateway/upstream.ts';
import { testParts } from '../testing/parts.ts';
import { startTempAudit } from '../testing/temp-audit.ts';
import { BENCH_SETTINGS, KEY } from './gateway-servers.ts';
import { ms, percentile, printTable } from './stats.ts';

const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 200);
const PROFILE = '7a3d2c10-0000-4000-8000-000000000011';
const headers = { 'x-profile-id': PROFILE, accept: 'application/json' };

/** Counts what reaches the API, by kind. */
function counting(inner: Upstream) {
  const seen = { lookups: 0, contacts: 0, other: 0 };
  const upstream: Upstream = {
    ...inner,
    fetch: (req, opts) => {
      const { pathname } = new URL(req.url);
      if (pathname.startsWith('/v3/numbers/')) seen.lookups++;
      else if (pathname.startsWith('/v3/contacts/')) seen.contacts++;
      else seen.other++;
      return inner.fetch(req, opts);
    },
  };
  return { upstream, seen };
}

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - started;
}

async function run(latencyMs: number) {
  const api = await startApiServer({ port: 0, rateLimit: false, contactsPerProfile: 2400, latencyMs });
  const audit = await startTempAudit({ sync: 'full' });
  const { upstream, seen } = counting(remoteUpstream(api.url, KEY));
  // The default share (150/min) would make the cold pass wait for the budget: that is not what is measured.
  const team = { config: { perMinute: 100_000, burst: 10_000, maxWaitMs: 10_000, redisUrl: null } };
  const parts = testParts(upstream, { settings: BENCH_SETTINGS, team, audit: audit.audit });
  const gw = await serveGateway(await composeGateway(parts), '127.0.0.1', 0);
  try {
    const page = await fetch(`${api.url}/v3/contacts?page=1&page_size=${LOOKUPS + 20}`, {
      headers: { ...headers, 'x-api-key': KEY },
    });
    const all = ((await page.json()) as { data: { contacts: { id: string; format_e164: string }[] } }).data
      .contacts;
    // The openings' 20 contacts are not among the numbers looked up before: their cache starts cold.
    const contacts = all.slice(0, LOOKUPS);
    const twenty = all.slice(LOOKUPS);
    const lookup = (e164: string) => gw.url + numberLookupPath(e164);
    const cold: number[] = [];
    for (const c of contacts) cold.push(await timed(lookup(c.format_e164)));
    const cached: number[] = [];
    for (const c of contacts) cached.push(await timed(lookup(c.format_e164)));

    const before = { ...seen };
    const openings: number[] = [];
    for (let i = 0; i < 100; i++) {
      const contact = twenty[i % twenty.length] ?? { id: '' };
      const started = performance.now();
      await Promise.all([
        timed(`${gw.url}/v3/contacts/${contact.id}`),
        timed(`${gw.url}/__numbers/contact/${contact.id}`),
      ]);
      openings.push(performance.now() - started);
    }
    return {
      cold,
      cached,
      openings,
      upstream: {
        lookups: seen.lookups - before.lookups,
        contacts: seen.contacts - before.contacts,
        coldLookups: before.lookups,
      },
    };
  } finally {
    await gw.close();
    await audit.close();
    await api.close();
  }
}

const rows: (string | number)[][] = [];
const reused: string[] = [];
for (const latency of [0, 80]) {
  const r = await run(latency);
  const label = latency ? `API +${latency} ms` : 'API, no added latency';
  rows.push([
    `${label}: cold (upstream)`,
    r.cold.length,
    ms(percentile(r.cold, 50)),
    ms(percentile(r.cold, 95)),
  ]);
  rows.push([
    `${label}: cached`,
    r.cached.length,
    ms(percentile(r.cached, 50)),
    ms(percentile(r.cached, 95)),
  ]);
  rows.push([
    `${label}: detail opening`,
    r.openings.length,
    ms(percentile(r.openings, 50)),
    ms(percentile(r.openings, 95)),
  ]);
  reused.push(
    `${label}: 100 openings of 20 contacts sent ${r.upstream.lookups} lookups upstream (target 20; ` +
      `the cold pass had sent ${r.upstream.coldLookups} for ${r.cold.length} numbers, once each) and ` +
      `${r.upstream.contacts} contact reads (5 s cache, shared by the detail and its card)`,
  );
}
console.log(`bench:numbers — ${LOOKUPS} numbers, sequential, gateway with team cache and SQLite audit trail`);
printTable(['what', 'requests', 'p50', 'p95'], rows);
for (const line of reused) console.log(line);
