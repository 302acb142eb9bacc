// bench:gateway's audit part: lookup latency through the in-process gateway with the audit trail off, in
// SQLite (AUDIT_SQLITE_SYNC=full: an fsync per entry) and in a real PostgreSQL 15 (fsync on). One client,
// lookups one after another (hits and misses alternating), the targets interleaved in rounds so that
// whatever else the machine does falls on all of them alike. Prints p50/p95 and the difference.
import { startPostgres } from '../testing/postgres-server.ts';
import { spawnServer } from './gateway-servers.ts';
import { ms, percentile, printTable } from './stats.ts';

const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 1500);
const ROUNDS = 5;
const TARGETS = [
  ['audit off', 'audit-off'],
  ['audit on, SQLite (fsync)', 'audit-sqlite'],
  ['audit on, PostgreSQL 15', 'audit-postgres'],
] as const;

async function numbersFrom(url: string): Promise<string[]> {
  const res = await fetch(`${url}/v3/contacts?page=1&page_size=100`);
  const body = (await res.json()) as { data: { contacts: { phone_number: string }[] } };
  return body.data.contacts.map((c) => c.phone_number);
}

async function lookups(url: string, numbers: string[], count: number, from: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = from + i;
    // Every other lookup is a miss: a number nobody has.
    const phone =
      n % 2 ? (numbers[n % numbers.length] ?? '') : `+1415555${String(n % 10_000).padStart(4, '0')}`;
    const t0 = performance.now();
    const res = await fetch(`${url}/v3/contacts?page=1&page_size=1&phone=${encodeURIComponent(phone)}`);
    await res.arrayBuffer();
    if (res.status !== 200 && res.status !== 404) throw new Error(`lookup answered ${res.status}`);
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

export async function benchAuditedLookups(): Promise<void> {
  console.log(
    `\nLookup latency with the audit trail (${LOOKUPS} sequential lookups per target, ${ROUNDS} rounds)`,
  );
  const pg = await startPostgres({ durable: true });
  const servers = await Promise.all(TARGETS.map(([, role]) => spawnServer(role, pg.url)));
  try {
    const numbers = await numbersFrom(servers[0]?.url ?? '');
    for (const server of servers) await lookups(server.url, numbers, 100, 0); // warm-up
    const samples = servers.map((): number[] => []);
    const perRound = Math.ceil(LOOKUPS / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, server] of servers.entries()) {
        samples[i]?.push(...(await lookups(server.url, numbers, perRound, round * perRound)));
      }
    }
    const p = (i: number, q: number) => percentile(samples[i] ?? [], q);
    printTable(
      ['target', 'lookups', 'p50', 'p95', 'p50 vs off', 'p95 vs off'],
      TARGETS.map(([name], i) => [
        name,
        samples[i]?.length ?? 0,
        ms(p(i, 50)),
        ms(p(i, 95)),
        i === 0 ? '—' : `+${ms(p(i, 50) - p(0, 50))}`,
        i === 0 ? '—' : `+${ms(p(i, 95) - p(0, 95))}`,
      ]),
    );
  } finally {
    for (const s of servers) s.child.kill();
    await pg.stop();
  }
}
