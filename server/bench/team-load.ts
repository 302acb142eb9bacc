// The bench:team load, as issue 12 describes it: the staff of staff.ts for SECONDS, and one export of
// EXPORT_ROWS contacts (pages of 1,000, 4 in flight, background, as the console's exporter) from second 10.
import {
  type Call,
  type LoadResult,
  newLoadResult,
  type Pool,
  PROFILES,
  resetRandom,
  runStaff,
  type Send,
  sleep,
  tallied,
} from './staff.ts';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
export const EXPORT_ROWS = 10_000;
const EXPORT_PAGE_SIZE = 1_000;
const EXPORT_CONCURRENCY = 4;
const EXPORT_START_MS = 10_000;

async function exporter(call: Call, out: LoadResult): Promise<void> {
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
}

export async function runLoad(send: Send, pool: Pool): Promise<LoadResult> {
  resetRandom();
  const out = newLoadResult();
  const until = Date.now() + SECONDS * 1000;
  const call = tallied(send, out);
  await Promise.all([
    runStaff(call, out, pool, { keepGoing: () => Date.now() < until }),
    exporter(call, out),
  ]);
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
