// Support staff browsing the console, for bench:team and bench:import: STAFF people each acting every 5–15 s
// (÷ `pace`): half list pages, each followed by its next-page prefetch as background work; a quarter lookups of
// distinct numbers; a quarter contacts. `send` is one gateway request; what it answered is tallied here.
import { createHash } from 'node:crypto';
import { DEMO_IDS } from '../api/demo.ts';
import { createEmbeddedApi } from '../api/server.ts';
import type { Priority } from '../gateway/team/scheduler.ts';
import { percentile } from './stats.ts';

export const STAFF = 20;
export const PROFILES = [DEMO_IDS.clinicsUk, DEMO_IDS.pharmacyUs, DEMO_IDS.labsDe];
const KEY = 'sk_test_org_demo';

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
export type Call = (path: string, profile: string, who: string, priority: Priority) => Promise<Answer>;

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

export const newLoadResult = (): LoadResult => ({
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
});

let seed = 12;
/** The same people do the same things in every run. */
export const resetRandom = () => {
  seed = 12;
};
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `send`, with its answer and timing tallied into `out`. */
export function tallied(send: Send, out: LoadResult): Call {
  return async (path, profile, who, priority) => {
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
}

export interface StaffOptions {
  /** People act while this says so. */
  keepGoing: () => boolean;
  /** Actions come this many times as often (bench:import's BENCH_SCALE). */
  pace?: number;
}

/** STAFF people browsing until `keepGoing()` turns false; resolves once their last prefetch is answered. */
export async function runStaff(call: Call, out: LoadResult, pool: Pool, o: StaffOptions): Promise<void> {
  const pace = o.pace ?? 1;
  const background: Promise<unknown>[] = [];
  const person = async (i: number) => {
    const who = `person-${i}`;
    const profile = PROFILES[i % PROFILES.length] as string;
    const mine = pool[profile] as Pool[string];
    await sleep((random() * 10_000) / pace); // people do not all start at once
    while (o.keepGoing()) {
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
      await sleep((5_000 + random() * 10_000) / pace);
    }
  };
  await Promise.all(Array.from({ length: STAFF }, (_, i) => person(i)));
  await Promise.all(background);
}

/** What people look up: the first 1,000 contacts of each profile, read before the run (not counted). */
export async function readPool(contactsPerProfile: number): Promise<Pool> {
  const api = createEmbeddedApi({ contactsPerProfile, rateLimit: false });
  await api.ready;
  const pool: Pool = {};
  for (const profile of PROFILES) {
    const res = await api.fetch(
      new Request('http://api.invalid/v3/contacts?page=1&page_size=1000', {
        headers: { 'x-api-key': KEY, 'x-profile-id': profile },
      }),
    );
    const { data } = (await res.json()) as { data: { contacts: { id: string; format_e164: string }[] } };
    pool[profile] = { numbers: data.contacts.map((c) => c.format_e164), ids: data.contacts.map((c) => c.id) };
  }
  api.close();
  return pool;
}

const sessionOf = (who: string) => createHash('sha256').update(who).digest('base64url').slice(0, 22);

/**
 * Whether the team's cache answered each request, read from the gateway's request log (the browser is not told:
 * x-cache stays in the log and /metrics). Pass `sink` as the gateway app's `log`.
 */
export function cacheLog() {
  const outcomes = new Map<string, string>();
  return {
    sink: (line: string) => {
      const m = / request_id=(\S+) .* cache=(\w+)/.exec(line);
      if (m?.[1] && m[2]) outcomes.set(m[1], m[2]);
    },
    /** The outcome for the response's request id, forgotten once read. */
    take(res: Response): string | null {
      const id = res.headers.get('x-request-id') ?? '';
      const outcome = outcomes.get(id) ?? null;
      outcomes.delete(id);
      return outcome;
    },
  };
}

async function answerOf(res: Response, cache: string | null): Promise<Answer> {
  const body = (await res.json().catch(() => null)) as {
    data?: { pagination?: { has_more?: boolean } };
    error?: { code?: string };
  } | null;
  return {
    status: res.status,
    code: body?.error?.code ?? null,
    cache,
    retryAfterS: Number(res.headers.get('retry-after') ?? 1),
    hasMore: body?.data?.pagination?.has_more ?? false,
  };
}

/**
 * One person's request to a gateway app (each person their own session, as browsers), `pick` choosing the app;
 * `cache` (the apps' log) tells which answers came from the team's cache.
 */
export function gatewaySend(
  pick: () => { fetch(req: Request): Response | Promise<Response> },
  cache?: ReturnType<typeof cacheLog>,
): Send {
  return async ({ path, profile, who, priority }) => {
    const headers: Record<string, string> = {
      host: '127.0.0.1:5173',
      accept: 'application/json',
      cookie: `sent_console_sid=${sessionOf(who)}`,
      'x-profile-id': profile,
    };
    if (priority === 'background') headers['x-sent-priority'] = 'background';
    const res = await pick().fetch(new Request(`http://127.0.0.1:5173${path}`, { headers }));
    return answerOf(res, cache?.take(res) ?? null);
  };
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
