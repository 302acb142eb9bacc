/**
 * `npm run bench:gateway`: 64 concurrent clients for 30 s each against
 *   1. the embedded API directly (loopback HTTP),
 *   2. the gateway forwarding to that API over loopback (SENT_API_URL mode),
 *   3. the gateway with the API in-process (the `npm start` default),
 * all with the rate limit off (each target's 30 s are split into interleaved rounds). Prints requests/s, p50/p99, errors and the gateway's overhead as ratios over the
 * direct calls. Servers run in child processes so the load generator does not share their event loop.
 * BENCH_SECONDS / BENCH_CONCURRENCY / BENCH_ROUNDS override the defaults. Asserts nothing; exits non-zero on errors.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_IDS } from '../api/demo.ts';
import { createEmbeddedApi, startApiServer } from '../api/server.ts';
import { startGateway } from '../gateway/server.ts';
import { embeddedUpstream, remoteUpstream, type Upstream } from '../gateway/upstream.ts';
import { percentile, printTable } from './stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_MS = 2_000;
const KEY = 'sk_test_org_demo';

type Role = 'api' | 'gateway-remote' | 'gateway-embedded';

// ---- child side: one server per process, its URL reported over IPC ----

async function serve(role: Role, upstreamUrl: string | undefined): Promise<void> {
  let url: string;
  if (role === 'api') {
    url = (await startApiServer({ port: 0, rateLimit: false })).url;
  } else {
    let upstream: Upstream;
    if (role === 'gateway-remote' && upstreamUrl) {
      upstream = remoteUpstream(upstreamUrl, KEY);
    } else {
      const api = createEmbeddedApi({ rateLimit: false });
      await api.ready;
      upstream = embeddedUpstream(api, KEY);
    }
    const gateway = await startGateway({
      host: '127.0.0.1',
      port: 0,
      upstream,
      apiVersion: 'v3',
      accessSecret: null,
      timeoutMs: 15_000,
      testControls: false,
      distDir: null,
      // Real log lines are formatted and written (stdout goes to /dev/null): logging is part of the cost.
      log: (line) => process.stdout.write(`${line}\n`),
    });
    url = gateway.url;
  }
  process.send?.({ url });
  // CPU time spent so far, on request: a contention-proof measure of the work per request.
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  });
  process.on('disconnect', () => process.exit(0));
}

// ---- parent side: load generator ----

interface Server {
  child: ChildProcess;
  url: string;
  /** CPU microseconds the server process has used so far. */
  cpu(): Promise<number>;
}

function spawnServer(role: Role, upstreamUrl?: string): Promise<Server> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', role, upstreamUrl ?? ''], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const cpu = () =>
    new Promise<number>((resolve) => {
      child.once('message', (msg) => resolve((msg as { cpuMicros: number }).cpuMicros));
      child.send('cpu');
    });
  return new Promise((resolve, reject) => {
    child.once('message', (msg) => resolve({ child, url: (msg as { url: string }).url, cpu }));
    child.once('exit', (code) => reject(new Error(`${role} server exited early (${code})`)));
  });
}

const PROFILES = [DEMO_IDS.clinicsUk, DEMO_IDS.pharmacyUs, DEMO_IDS.labsDe];

/** The console's typical traffic: mostly list pages per profile, some searches, me and profiles. */
function requestFor(n: number): { path: string; profile?: string } {
  const profile = PROFILES[n % PROFILES.length];
  switch (n % 10) {
    case 7:
      return { path: `/v3/contacts?page=1&page_size=50&search=${20 + (n % 80)}`, profile };
    case 8:
      return { path: '/v3/me' };
    case 9:
      return { path: '/v3/profiles' };
    default:
      return { path: `/v3/contacts?page=${1 + (n % 40)}&page_size=50`, profile };
  }
}

interface Result {
  requests: number;
  errors: number;
  latencies: number[];
  seconds: number;
}

async function load(baseUrl: string, direct: boolean, durationMs: number, record: boolean): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  async function client(): Promise<void> {
    while (performance.now() < deadline) {
      const { path, profile } = requestFor(counter++);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (profile) headers['x-profile-id'] = profile;
      if (direct) headers['x-api-key'] = KEY; // through the gateway the key is added server-side
      const t0 = performance.now();
      try {
        const res = await fetch(baseUrl + path, { headers, signal: AbortSignal.timeout(20_000) });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch {
        errors++;
      }
      if (record) latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  return { requests: latencies.length, errors, latencies, seconds: (performance.now() - started) / 1000 };
}

interface Target {
  name: string;
  url: string;
  direct: boolean;
  /** Server processes doing this target's work, for CPU time per request. */
  servers: Server[];
}

async function cpuOf(servers: Server[]): Promise<number> {
  let total = 0;
  for (const s of servers) total += await s.cpu();
  return total;
}

/**
 * Each target gets SECONDS of load in ROUNDS interleaved slices, so a burst of other work on the machine
 * hits all targets alike instead of skewing the ratios.
 */
async function measureAll(targets: Target[]) {
  const totals = targets.map(() => ({
    requests: 0,
    errors: 0,
    seconds: 0,
    cpuMicros: 0,
    latencies: [] as number[],
  }));
  for (const t of targets) await load(t.url, t.direct, WARMUP_MS, false);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [i, t] of targets.entries()) {
      process.stdout.write(`round ${round}/${ROUNDS}: ${t.name}…\n`);
      const cpuBefore = await cpuOf(t.servers);
      const r = await load(t.url, t.direct, (SECONDS * 1000) / ROUNDS, true);
      const total = totals[i];
      if (!total) continue;
      total.cpuMicros += (await cpuOf(t.servers)) - cpuBefore;
      total.requests += r.requests;
      total.errors += r.errors;
      total.seconds += r.seconds;
      for (const l of r.latencies) total.latencies.push(l);
    }
  }
  return targets.map((t, i) => {
    const r = totals[i] ?? { requests: 0, errors: 0, seconds: 1, cpuMicros: 0, latencies: [] };
    return {
      name: t.name,
      rps: r.requests / r.seconds,
      p50: percentile(r.latencies, 50),
      p99: percentile(r.latencies, 99),
      cpuMsPerRequest: r.cpuMicros / 1000 / Math.max(1, r.requests),
      errors: r.errors,
      requests: r.requests,
    };
  });
}

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

if (process.argv[2] === '--serve') await serve(process.argv[3] as Role, process.argv[4] || undefined);
else await main();
