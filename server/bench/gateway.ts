/**
 * `npm run bench:gateway`: 64 concurrent clients for 30 s each against
 *   1. the embedded API directly (loopback HTTP),
 *   2. the gateway forwarding to that API over loopback (SENT_API_URL mode),
 *   3. the gateway with the API in-process (the `npm start` default),
 * all with the rate limit off (each target's 30 s are split into interleaved rounds). Prints requests/s, p50/p99, errors and the gateway's overhead as ratios over the
 * direct calls. Servers run in child processes so the load generator does not share their event loop.
 * BENCH_SECONDS / BENCH_CONCURRENCY / BENCH_ROUNDS override the defaults. Asserts nothing; exits non-zero on errors.
 * Then lookup latency with the audit trail off, in SQLite and in PostgreSQL (./gateway-audit.ts; BENCH_LOOKUPS;
 * BENCH_ONLY=audit runs only that part).
 */
import { benchAuditedLookups } from './gateway-audit.ts';
import { CONCURRENCY, measureAll, SECONDS, WARMUP_MS } from './gateway-load.ts';
import { type Server, spawnServer } from './gateway-servers.ts';
import { printTable } from './stats.ts';

async function main(): Promise<void> {
  // Hard bound: whatever happens, the bench ends.
  const bound = setTimeout(
    () => {
      console.error('bench:gateway exceeded its time bound');
      process.exit(2);
    },
    (3 * (SECONDS + WARMUP_MS / 1000) + 120) * 1000,
  );
  bound.unref();

  console.log(`bench:gateway — ${CONCURRENCY} concurrent clients, ${SECONDS} s per target, rate limit off`);
  const servers: Server[] = [];
  try {
    const api = await spawnServer('api');
    servers.push(api);
    const viaLoopback = await spawnServer('gateway-remote', api.url);
    servers.push(viaLoopback);
    const inProcess = await spawnServer('gateway-embedded');
    servers.push(inProcess);

    const [direct, gwRemote, gwEmbedded] = await measureAll([
      { name: 'embedded API, direct', url: api.url, direct: true, servers: [api] },
      { name: 'gateway → API (loopback)', url: viaLoopback.url, direct: false, servers: [viaLoopback, api] },
      { name: 'gateway, API in-process', url: inProcess.url, direct: false, servers: [inProcess] },
    ]);
    if (!direct || !gwRemote || !gwEmbedded) throw new Error('missing results');

    console.log();
    const rows = [direct, gwRemote, gwEmbedded].map((r) => [
      r.name,
      r.requests.toLocaleString('en'),
      r.rps.toFixed(0),
      `${r.p50.toFixed(2)} ms`,
      `${r.p99.toFixed(2)} ms`,
      `${r.cpuMsPerRequest.toFixed(3)} ms`,
      r.errors,
    ]);
    printTable(['target', 'requests', 'req/s', 'p50', 'p99', 'server CPU/req', 'errors'], rows);
    console.log();
    // Wall-clock figures move with whatever else the machine runs; CPU per request does not.
    for (const r of [gwRemote, gwEmbedded]) {
      console.log(
        `"${r.name}" vs direct: CPU/request ×${(r.cpuMsPerRequest / direct.cpuMsPerRequest).toFixed(2)} ` +
          `(gateway adds ${(r.cpuMsPerRequest - direct.cpuMsPerRequest).toFixed(3)} ms), ` +
          `req/s ×${(r.rps / direct.rps).toFixed(2)}, p50 ×${(r.p50 / direct.p50).toFixed(2)}, ` +
          `p99 ×${(r.p99 / direct.p99).toFixed(2)}`,
      );
    }
    const errors = direct.errors + gwRemote.errors + gwEmbedded.errors;
    console.log(`errors: ${errors}${errors === 0 ? ' (ok)' : ' (must be 0)'}`);
    process.exitCode = errors === 0 ? 0 : 1;
  } finally {
    for (const s of servers) s.child.kill();
  }
}

if (process.env.BENCH_ONLY !== 'audit') await main();
await benchAuditedLookups();
