// The bench:team load, as issue 12 describes it: STAFF people each acting every 5–15 s (half list pages, each
// followed by its next-page prefetch as background work; a quarter lookups of distinct numbers; a quarter
// contacts) for SECONDS, and one export of EXPORT_ROWS contacts (pages of 1,000, 4 in flight, background, as
// the console's exporter) from second 10. `send` is one gateway request; what it answered is tallied here.
import { DEMO_IDS } from '../api/demo.ts';
import type { Priority } from '../gateway/team/scheduler.ts';
import { percentile } from './stats.ts';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
export const STAFF = 20;
export const EXPORT_ROWS = 10_000;
const EXPORT_PAGE_SIZE = 1_000;
const EXPORT_CONCURRENCY = 4;
const EXPORT_START_MS = 10_000;
export const PROFILES = [DEMO_IDS.clinicsUk, DEMO_IDS.pharmacyUs, DEMO_IDS.labsDe];

export interface Answer {
  status: number;
  code: string | null;
  cache: string | null;
  retryAfterS: number;
  hasMore: boolean;
}

export type Send = (req: {
  path: string;
  profile: string;
  who: string;
  priority: Priority;
}) => Promise<Answer>;

/** Numbers and ids people look up, per profile (taken in turn, so every lookup is a different number). */
export type Pool = Record<string, { numbers: string[]; ids: string[] }>;

export interface LoadResult {
  actions: number;
  staffRequests: number;
  interactive: number[];
  interactive429: number;
  prefetches: number;
  prefetchesSetAside: number;
  exportSetAside: number;
  /** GETs answered by the cache (hit or shared in-flight fetch) out of all cacheable GETs. */
  cacheHits: number;
  cacheable: number;
  exportMs: number | null;
}

let seed = 12;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runLoad(send: Send, pool: Pool): Promise<LoadResult> {
  seed = 12; // the same people do the same things in every run
  const out: LoadResult = {
    actions: 0,
    staffRequests: 0,
    interactive: [],
    interactive429: 0,
    prefetches: 0,
    prefetchesSetAside: 0,
    exportSetAside: 0,
    cacheHits: 0,
    cacheable: 0,
    exportMs: null,
  };
  const started = Date.now();
  const until = started + SECONDS * 1000;
  const background: Promise<unknown>[] = [];

  const call = async (path: string, profile: string, who: string, priority: Priority) => {
    const t0 = performance.now();
    const a = await send({ path, profile, who, priority });
    if (a.cache) {
      out.cacheable++;
      if (a.cache === 'hit' || a.cache === 'shared') out.cacheHits++;
    }
    if (priority === 'interactive') {
      out.interactive.push(performance.now() - t0);
      if (a.status === 429) out.interactive429++;
    }
    return a;
  };

  const person = async (i: number) => {
    const who = `person-${i}`;
    const profile = PROFILES[i % PROFILES.length] as string;
    const mine = pool[profile] as Pool[string];
    await sleep(random() * 10_000); // people do not all start at once
    while (Date.now() < until) {
      out.actions++;
      const roll = random();
      if (roll < 0.5) {
        const page = 1 + Math.floor(random() * 8);
        out.staffRequests += 2;
        const list = await call(`/v3/contacts?page=${page}&page_size=20`, profile, who, 'interactive');
        if (list.status === 200 && list.hasMore) {
          out.prefetches++;
          const next = `/v3/contacts?page=${page + 1}&page_size=20`;
          background.push(
            call(next, profile, who, 'background').then((a) => {
              if (a.code === 'GATEWAY_012') out.prefetchesSetAside++;
            }),
          );
        }
      } else if (roll < 0.75) {
        out.staffRequests++;
        const phone = encodeURIComponent(mine.numbers.pop() ?? '+15555550100');
        await call(`/v3/contacts?page=1&page_size=1&phone=${phone}`, profile, who, 'interactive');
      } else {
        out.staffRequests++;
        await call(`/v3/contacts/${mine.ids.pop()}`, profile, who, 'interactive');
      }
      await sleep(5_000 + random() * 10_000);
    }
  };

  const exporter = async () => {
    await sleep(EXPORT_START_MS);
    const t0 = Date.now();
    const pages = Array.from({ length: EXPORT_ROWS / EXPORT_PAGE_SIZE }, (_, i) => i + 1);
    const worker = async () => {
      for (let page = pages.shift(); page !== undefined; page = pages.shift()) {
        const path = `/v3/contacts?page=${page}&page_size=${EXPORT_PAGE_SIZE}`;
        for (;;) {
          const a = await call(path, PROFILES[0] as string, 'exporter', 'background');
          if (a.status !== 429) break;
          if (a.code === 'GATEWAY_012') out.exportSetAside++;
          await sleep(a.retryAfterS * 1000); // the exporter waits out Retry-After (src/features/export/pacing.ts)
        }
      }
    };
    await Promise.all(Array.from({ length: EXPORT_CONCURRENCY }, worker));
    out.exportMs = Date.now() - t0;
  };

  await Promise.all([...Array.from({ length: STAFF }, (_, i) => person(i)), exporter()]);
  await Promise.all(background);
  return out;
}

/** The most requests sent in any `windowMs` (timestamps in ms, any order). */
export function busiestWindow(times: number[], windowMs = 60_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let lo = 0, hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] as number) - (sorted[lo] as number) >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

export function summary(r: LoadResult) {
  return {
    requestsPerAction: r.staffRequests / Math.max(1, r.actions),
    hitRatio: r.cacheHits / Math.max(1, r.cacheable),
    p50: percentile(r.interactive, 50),
    p95: percentile(r.interactive, 95),
    max: Math.max(...r.interactive),
  };
}
