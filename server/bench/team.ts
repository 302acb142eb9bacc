/**
 * `npm run bench:team` (issue 12): 20 support staff for BENCH_SECONDS (60) through the gateway (composeGateway
 * with the team, default settings) against the embedded API with Sent's real limit (200/min, burst 50): first
 * 2 replicas sharing a real redis-server (requests alternate between them, as behind one address), then 1
 * replica without Redis. Then the gateway's overhead on a cache miss vs calling the API directly (64 clients,
 * bench:gateway's load with every URL different). Prints figures; asserts nothing. The load: team-load.ts
 * (the export) and staff.ts (the people).
 */
import { createEmbeddedApi } from '../api/server.ts';
import { composeGateway, type Gateway } from '../gateway/compose.ts';
import { parseTeamConfig } from '../gateway/team/config.ts';
import { embeddedUpstream } from '../gateway/upstream.ts';
import { testParts } from '../testing/parts.ts';
import { type RedisServer, startRedisServer } from '../testing/redis-server.ts';
import { measureAll } from './gateway-load.ts';
import { BENCH_SETTINGS, spawnServer } from './gateway-servers.ts';
import { cacheLog, gatewaySend, type LoadResult, type Pool, readPool, STAFF, summary } from './staff.ts';
import { printTable } from './stats.ts';
import { busiestWindow, EXPORT_ROWS, runLoad, SECONDS } from './team-load.ts';

const CONTACTS = 10_000; // per profile: the export takes one profile's 10,000
const KEY = 'sk_test_org_demo';

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
  const gateways: Gateway[] = [];
  const cache = cacheLog();
  for (let i = 0; i < replicas; i++) {
    const team = { config, options: { replicaId: `replica-${i}` } };
    const settings = { ...BENCH_SETTINGS, log: cache.sink };
    gateways.push(await composeGateway(testParts(counting, { settings, team })));
  }
  let turn = 0;
  const send = gatewaySend(() => (gateways[turn++ % gateways.length] as Gateway).app, cache);
  const load = await runLoad(send, structuredClone(pool));
  for (const g of gateways) await g.stop();
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
  const pool = await readPool(CONTACTS);
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
