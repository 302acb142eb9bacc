/**
 * `npm run bench:read-limit`: what the per-person limit on reading in bulk (READ_LIMIT_PER_HOUR) costs a request,
 * through the gateway over loopback HTTP, for a signed-in person:
 *   1. an admin (the export right: nothing is counted),
 *   2. an agent whose reads are counted in the gateway's process,
 *   3. an agent whose reads are counted in Redis (a real redis-server, as replicas share it).
 * One client, requests one after another (a page of 20 contacts, then one contact, every page new until the
 * profile is read once, then again), the targets interleaved in rounds so that whatever else the machine does
 * falls on all of them alike. Prints p50/p95, the difference to (1) and the gateway process's CPU per request.
 * BENCH_READS (default 2,000) per target.
 * Asserts nothing.
 */
import { DEMO_IDS } from '../api/demo.ts';
import { startRedisServer } from '../testing/redis-server.ts';
import { type Server, spawnServer } from './gateway-servers.ts';
import { ms, percentile, printTable } from './stats.ts';

const READS = Number(process.env.BENCH_READS ?? 2000);
const ROUNDS = 5;
const PAGES = 100; // of 20: the Clinics UK profile's 2,000 contacts
const TARGETS = [
  ['admin (no limit)', 'reads-off'],
  ['agent, counted in process', 'reads-memory'],
  ['agent, counted in Redis', 'reads-redis'],
] as const;
const HEADERS = { accept: 'application/json', 'x-profile-id': DEMO_IDS.clinicsUk };

async function timed(url: string): Promise<[number, unknown]> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: HEADERS });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return [performance.now() - t0, body];
}

/** `count` requests from request number `from` on: each page of 20 followed by one of its contacts. */
async function reads(server: Server, count: number, from: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let n = from; n < from + count; n += 2) {
    const page = (Math.floor(n / 2) % PAGES) + 1;
    const [listMs, body] = await timed(`${server.url}/v3/contacts?page=${page}&page_size=20`);
    const contacts = (body as { data: { contacts: { id: string }[] } }).data.contacts;
    const [oneMs] = await timed(`${server.url}/v3/contacts/${contacts[n % contacts.length]?.id}`);
    latencies.push(listMs, oneMs);
  }
  return latencies;
}

async function main(): Promise<void> {
  console.log(
    `bench:read-limit — ${READS} sequential reads per target, ${ROUNDS} rounds, through the gateway`,
  );
  const redis = await startRedisServer();
  const servers = await Promise.all(TARGETS.map(([, role]) => spawnServer(role, redis.url)));
  try {
    for (const server of servers) await reads(server, 200, 0); // warm-up
    const samples = servers.map((): number[] => []);
    const cpuMicros = servers.map(() => 0);
    const perRound = Math.ceil(READS / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, server] of servers.entries()) {
        const before = await server.cpu();
        samples[i]?.push(...(await reads(server, perRound, round * perRound)));
        cpuMicros[i] = (cpuMicros[i] ?? 0) + (await server.cpu()) - before;
      }
    }
    // Wall-clock figures move with whatever else the machine runs; the gateway's CPU per request does not.
    const cpu = (i: number) => (cpuMicros[i] ?? 0) / 1000 / Math.max(1, samples[i]?.length ?? 1);
    const p = (i: number, q: number) => percentile(samples[i] ?? [], q);
    printTable(
      ['target', 'requests', 'p50', 'p95', 'p50 vs admin', 'p95 vs admin', 'gateway CPU/request'],
      TARGETS.map(([name], i) => [
        name,
        samples[i]?.length ?? 0,
        ms(p(i, 50)),
        ms(p(i, 95)),
        i === 0 ? '—' : `${p(i, 50) >= p(0, 50) ? '+' : ''}${ms(p(i, 50) - p(0, 50))}`,
        i === 0 ? '—' : `${p(i, 95) >= p(0, 95) ? '+' : ''}${ms(p(i, 95) - p(0, 95))}`,
        `${cpu(i).toFixed(3)} ms`,
      ]),
    );
  } finally {
    for (const s of servers) s.child.kill();
    await redis.stop();
  }
}

await main();
