/**
 * `npm run bench:team` (issue 12): 20 support staff for BENCH_SECONDS (60) through the gateway (createGatewayApp
 * with the team, default settings) against the embedded API with Sent's real limit (200/min, burst 50): first
 * 2 replicas sharing a real redis-server (requests alternate between them, as behind one address), then 1
 * replica without Redis. Then the gateway's overhead on a cache miss vs calling the API directly (64 clients,
 * bench:gateway's load with every URL different). Prints figures; asserts nothing. The load: team-load.ts.
 */
import { createHash } from 'node:crypto';
import { createEmbeddedApi } from '../api/server.ts';
import { createGatewayApp } from '../gateway/app.ts';
import { parseTeamConfig } from '../gateway/team/config.ts';
import { createTeam, type Team } from '../gateway/team/create.ts';
import { embeddedUpstream } from '../gateway/upstream.ts';
import { type RedisServer, startRedisServer } from '../tools/redis-server.ts';
import { measureAll } from './gateway-load.ts';
import { BENCH_GATEWAY, spawnServer } from './gateway-servers.ts';
import { printTable } from './stats.ts';
import {
  type Answer,
  busiestWindow,
  EXPORT_ROWS,
  type LoadResult,
  type Pool,
  PROFILES,
  runLoad,
  SECONDS,
  STAFF,
  summary,
} from './team-load.ts';

const CONTACTS = 10_000; // per profile: the export takes one profile's 10,000
const KEY = 'sk_test_org_demo';

/** What people look up: the first 1,000 contacts of each profile, read before the run (not counted). */
async function readPool(): Promise<Pool> {
  const api = createEmbeddedApi({ contactsPerProfile: CONTACTS, rateLimit: false });
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

async function answerOf(res: Response): Promise<Answer> {
  const body = (await res.json().catch(() => null)) as {
    data?: { pagination?: { has_more?: boolean } };
    error?: { code?: string };
  } | null;
  return {
    status: res.status,
    code: body?.error?.code ?? null,
    cache: res.headers.get('x-cache'),
    retryAfterS: Number(res.headers.get('retry-after') ?? 1),
    hasMore: body?.data?.pagination?.has_more ?? false,
  };
}

interface ScenarioResult {
  load: LoadResult;
  upstreamTimes: number[];
  upstream429: number;
}

async function scenario(replicas: number, redis: RedisServer | null, pool: Pool): Promise<ScenarioResult> {
  const api = createEmbeddedApi({ contactsPerProfile: CONTACTS }); // Sent's limit: 200/min, burst 50
  await api.ready;
  const upstreamTimes: number[] = [];
  let upstream429 = 0;
  const inner = embeddedUpstream(api, KEY);
  const counting = {
    ...inner,
    fetch: async (req: Request) => {
      upstreamTimes.push(Date.now());
      const res = await inner.fetch(req);
      if (res.status === 429) upstream429++;
      return res;
    },
  };
  const config = { ...parseTeamConfig({}), redisUrl: redis?.url ?? null };
  const teams: Team[] = [];
  const apps: ReturnType<typeof createGatewayApp>[] = [];
  for (let i = 0; i < replicas; i++) {
    const team = await createTeam(config, counting, { replicaId: `replica-${i}` });
    teams.push(team);
    apps.push(
      createGatewayApp({
        upstream: team.upstream,
        team,
        ...BENCH_GATEWAY,
        log: null,
      }),
    );
  }
  let turn = 0;
  const load = await runLoad(async ({ path, profile, who, priority }) => {
    const app = apps[turn++ % apps.length] as ReturnType<typeof createGatewayApp>;
    const headers: Record<string, string> = {
      host: '127.0.0.1:5173',
      accept: 'application/json',
      cookie: `sent_console_sid=${sessionOf(who)}`,
      'x-profile-id': profile,
    };
    if (priority === 'background') headers['x-sent-priority'] = 'background';
    return answerOf(await app.fetch(new Request(`http://127.0.0.1:5173${path}`, { headers })));
  }, structuredClone(pool));
  for (const t of teams) await t.upstream.close();
  return { load, upstreamTimes, upstream429 };
}

function row(label: string, r: ScenarioResult): (string | number)[] {
  const s = summary(r.load);
  const l = r.load;
  return [
    label,
    l.actions,
    s.requestsPerAction.toFixed(2),
    `${(100 * s.hitRatio).toFixed(0)}%`,
    r.upstreamTimes.length,
    busiestWindow(r.upstreamTimes),
    l.interactive429,
    `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} / ${s.max.toFixed(0)} ms`,
    `${l.prefetchesSetAside}/${l.prefetches} prefetch, ${l.exportSetAside} export`,
    l.exportMs === null ? 'unfinished' : `${(l.exportMs / 1000).toFixed(1)} s`,
    r.upstream429,
  ];
}

async function overhead(): Promise<void> {
  const api = await spawnServer('api');
  const plain = await spawnServer('gateway-remote', api.url);
  const gateway = await spawnServer('gateway-team', api.url);
  try {
    const [direct, without, gw] = await measureAll(
      [
        { name: 'embedded API, direct', url: api.url, direct: true, servers: [api], unique: true },
        { name: 'gateway, no team', url: plain.url, direct: false, servers: [plain, api], unique: true },
        {
          name: 'gateway + team (miss)',
          url: gateway.url,
          direct: false,
          servers: [gateway, api],
          unique: true,
        },
      ],
      Number(process.env.BENCH_OVERHEAD_SECONDS ?? 15),
    );
    if (!direct || !without || !gw) return;
    printTable(
      ['target (64 clients, every URL new)', 'req/s', 'p50', 'p99', 'server CPU/req', 'errors'],
      [direct, without, gw].map((r) => [
        r.name,
        r.rps.toFixed(0),
        `${r.p50.toFixed(2)} ms`,
        `${r.p99.toFixed(2)} ms`,
        `${r.cpuMsPerRequest.toFixed(3)} ms`,
        r.errors,
      ]),
    );
    console.log(
      `cache miss through the gateway and team: +${(gw.p50 - direct.p50).toFixed(2)} ms p50, ` +
        `+${(gw.cpuMsPerRequest - direct.cpuMsPerRequest).toFixed(3)} ms CPU per request`,
    );
  } finally {
    for (const s of [api, plain, gateway]) s.child.kill();
  }
}

async function main() {
  const pool = await readPool();
  const redis = await startRedisServer();
  console.log(
    `bench:team — ${STAFF} staff for ${SECONDS} s, export of ${EXPORT_ROWS} contacts from second 10`,
  );
  const shared = await scenario(2, redis, pool).finally(() => redis.stop());
  const single = await scenario(1, null, pool);
  console.log('\nSent limit 200/min burst 50; team share 150/min burst 37 (defaults)\n');
  printTable(
    [
      'gateways',
      'actions',
      'requests/action',
      'cache hits',
      'upstream',
      'busiest 60 s',
      '429 to staff',
      'interactive p50 / p95 / max',
      'set aside',
      'export',
      '429 from Sent',
    ],
    [row('2 replicas + Redis', shared), row('1, no Redis', single)],
  );
  console.log();
  await overhead();
}

await main();
