/**
 * `npm run bench:sessions`: how fast a sign-out reaches every replica, and what checking a session costs a
 * request. Two real gateways (the access secret, as `npm start` builds them) share one real redis-server
 * (started here): sign in on A, check B accepts the cookie, sign out on A, then ask B at once and count the
 * requests and the time until B refuses the old cookie. Then GET /__me (no upstream call: only the session
 * check and the gateway) with the session in this process's memory and in Redis. Over loopback HTTP; asserts
 * nothing (benchmarks are not tests). BENCH_SESSIONS sets the rounds (default 300).
 */
import { createEmbeddedApi } from '../api/server.ts';
import { composeGateway } from '../gateway/compose.ts';
import { DEMO_ORG_KEY } from '../gateway/config.ts';
import { type Listening, serveGateway } from '../gateway/server.ts';
import { createRedisSessionStore } from '../gateway/sessions/redis-store.ts';
import { createMemorySessionStore, type SessionStore } from '../gateway/sessions/store.ts';
import { embeddedUpstream } from '../gateway/upstream.ts';
import { testParts } from '../testing/parts.ts';
import { startRedisServer } from '../testing/redis-server.ts';
import { ms, percentile, printTable } from './stats.ts';

const ROUNDS = Number(process.env.BENCH_SESSIONS ?? 300);
const SECRET = 'bench-sessions-access-secret-0123';
const MINUTE = 60_000;

const api = createEmbeddedApi({ contactsPerProfile: 5, rateLimit: false });
await api.ready;
const redis = await startRedisServer();

/** A gateway with the access secret, its sessions in `store` (closed with it). */
async function gateway(store: SessionStore): Promise<Listening> {
  const settings = { idleMs: 30 * MINUTE, absoluteMs: 720 * MINUTE, recheckMs: 15 * MINUTE };
  const identity = { accessSecret: SECRET, staffSignIn: null, sessions: { store, settings } };
  const parts = testParts(embeddedUpstream(api, DEMO_ORG_KEY), { identity });
  return serveGateway(await composeGateway(parts), '127.0.0.1', 0);
}

const shared = () => createRedisSessionStore({ url: redis.url, prefix: 'bench:' });
const [a, b] = [await gateway(await shared()), await gateway(await shared())];
const local = await gateway(createMemorySessionStore());

async function signIn(gw: Listening): Promise<string> {
  const res = await fetch(`${gw.url}/__signin`, {
    method: 'POST',
    headers: { origin: gw.url },
    body: new URLSearchParams({ token: SECRET, next: '/' }),
    redirect: 'manual',
  });
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}
const me = async (gw: Listening, cookie: string) =>
  (await fetch(`${gw.url}/__me`, { headers: { cookie } })).status;

// Revocation across replicas.
const untilRefused: number[] = [];
const requestsUntilRefused: number[] = [];
const signOutTimes: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const cookie = await signIn(a);
  if ((await me(b, cookie)) !== 200) throw new Error('replica B did not accept a session opened on A');
  const started = performance.now();
  await fetch(`${a.url}/__signout`, {
    method: 'POST',
    headers: { cookie, origin: a.url },
    redirect: 'manual',
  });
  const signedOut = performance.now();
  let asked = 0;
  while (asked < 1000) {
    asked++;
    if ((await me(b, cookie)) === 401) break;
  }
  untilRefused.push(performance.now() - signedOut);
  requestsUntilRefused.push(asked);
  signOutTimes.push(signedOut - started);
}

// What the session check costs: the same request, session in memory or in Redis.
async function latency(gw: Listening): Promise<number[]> {
  const cookie = await signIn(gw);
  for (let i = 0; i < 100; i++) await me(gw, cookie); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS * 3; i++) {
    const t = performance.now();
    await me(gw, cookie);
    samples.push(performance.now() - t);
  }
  return samples;
}
const viaMemory = await latency(local);
const viaRedis = await latency(b);

console.log(`Sign-out on replica A, then replica B asked at once with the old cookie (${ROUNDS} rounds):`);
printTable(
  ['figure', 'p50', 'p95', 'max'],
  [
    [
      'sign-out request on A',
      ms(percentile(signOutTimes, 50)),
      ms(percentile(signOutTimes, 95)),
      ms(Math.max(...signOutTimes)),
    ],
    [
      'A answered → B refuses',
      ms(percentile(untilRefused, 50)),
      ms(percentile(untilRefused, 95)),
      ms(Math.max(...untilRefused)),
    ],
    [
      'requests to B until refused',
      percentile(requestsUntilRefused, 50),
      percentile(requestsUntilRefused, 95),
      Math.max(...requestsUntilRefused),
    ],
  ],
);
console.log('\nGET /__me with a session (the check, no upstream call):');
printTable(
  ['sessions in', 'p50', 'p95', 'p99'],
  [
    [
      'this process',
      ms(percentile(viaMemory, 50)),
      ms(percentile(viaMemory, 95)),
      ms(percentile(viaMemory, 99)),
    ],
    [
      'Redis (shared)',
      ms(percentile(viaRedis, 50)),
      ms(percentile(viaRedis, 95)),
      ms(percentile(viaRedis, 99)),
    ],
  ],
);

await Promise.all([a.close(), b.close(), local.close()]);
await redis.stop();
api.close();
