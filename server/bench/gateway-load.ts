// The bench:gateway load: the console's typical mix of requests from CONCURRENCY clients, measured per target
// in interleaved rounds.
import { DEMO_IDS } from '../api/demo.ts';
import { KEY, type Server } from './gateway-servers.ts';
import { percentile } from './stats.ts';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
export const WARMUP_MS = 2_000;

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

/** A query parameter the API ignores, different on every request: each one is a miss of the team's cache. */
const uniqueUrl = (path: string, n: number) => `${path}${path.includes('?') ? '&' : '?'}bench=${n}`;

async function load(t: Target, durationMs: number, record: boolean): Promise<Result> {
  const { url: baseUrl, direct } = t;
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  async function client(): Promise<void> {
    while (performance.now() < deadline) {
      const n = counter++;
      const { path: typical, profile } = requestFor(n);
      const path = t.unique ? uniqueUrl(typical, n) : typical;
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

export interface Target {
  name: string;
  url: string;
  direct: boolean;
  /** Server processes doing this target's work, for CPU time per request. */
  servers: Server[];
  /** Every URL different (never a cache hit). */
  unique?: boolean;
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
export async function measureAll(targets: Target[], seconds = SECONDS) {
  const totals = targets.map(() => ({
    requests: 0,
    errors: 0,
    seconds: 0,
    cpuMicros: 0,
    latencies: [] as number[],
  }));
  for (const t of targets) await load(t, WARMUP_MS, false);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [i, t] of targets.entries()) {
      process.stdout.write(`round ${round}/${ROUNDS}: ${t.name}…\n`);
      const cpuBefore = await cpuOf(t.servers);
      const r = await load(t, (seconds * 1000) / ROUNDS, true);
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
