// Sessions over both stores (this process's memory, a real redis-server): the same rules, on an injected clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../../testing/redis-server.ts';
import type { Person } from '../identity/person.ts';
import { createRedisSessionStore } from './redis-store.ts';
import { createSessions, SEEN_GRANULARITY_MS, sessionIdOf } from './sessions.ts';
import { createMemorySessionStore, type SessionStore, SessionStoreUnavailable } from './store.ts';

const MINUTE = 60_000;
const ana: Person = { sub: 'ana', name: 'Ana', email: null, role: 'agent', profiles: ['p1'] };
const fields = {
  kind: 'oidc' as const,
  person: ana,
  tokens: null,
  address: '203.0.113.7',
  userAgent: 'test',
};

let redis: RedisServer;
const opened: SessionStore[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  for (const store of opened) await store.close();
  await redis?.stop();
});

let prefixes = 0;
const stores: Record<string, (now: () => number) => Promise<SessionStore>> = {
  memory: async (now) => createMemorySessionStore(now),
  redis: async (now) => {
    const store = await createRedisSessionStore({ url: redis.url, prefix: `t${prefixes++}:`, now });
    opened.push(store);
    return store;
  },
};

describe.each(Object.keys(stores))('sessions in %s', (kind) => {
  async function setUp() {
    const clock = { t: Date.UTC(2026, 0, 5, 9), now: () => clock.t };
    const store = await (stores[kind] as (now: () => number) => Promise<SessionStore>)(clock.now);
    const sessions = createSessions({
      store,
      idleMs: 30 * MINUTE,
      absoluteMs: 8 * 60 * MINUTE,
      now: clock.now,
    });
    return { clock, store, sessions };
  }

  it('a random handle, stored only as its hash; reads back the record', async () => {
    const { sessions, store } = await setUp();
    const a = await sessions.open(fields);
    const b = await sessions.open(fields);
    expect(a.handle).not.toBe(b.handle);
    expect(a.handle).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.id).toBe(sessionIdOf(a.handle));
    expect(await store.get(a.handle)).toBeNull();
    expect(await sessions.read(a.handle)).toMatchObject({
      status: 'valid',
      id: a.id,
      record: { person: ana },
    });
    for (const bad of [a.id, `${a.handle}=`, '', undefined, 'x'.repeat(43)]) {
      expect(await sessions.read(bad)).toEqual({ status: 'invalid' });
    }
  });

  it('activity keeps it alive, written back at most once a minute; idle and absolute limits end it', async () => {
    const { clock, sessions, store } = await setUp();
    const { handle, id } = await sessions.open(fields);
    const started = clock.t;
    clock.t += SEEN_GRANULARITY_MS - 1;
    await sessions.read(handle);
    expect((await store.get(id))?.seen).toBe(started);
    clock.t += 1;
    await sessions.read(handle);
    expect((await store.get(id))?.seen).toBe(clock.t);
    for (let i = 0; i < 16; i++) {
      clock.t += 29 * MINUTE;
      expect((await sessions.read(handle)).status).toBe('valid');
    }
    clock.t += 29 * MINUTE; // 8 h 5 min after sign-in
    expect(await sessions.read(handle)).toEqual({ status: 'expired', reason: 'absolute' });
    expect(await sessions.read(handle)).toEqual({ status: 'invalid' }); // and gone
    const idle = await sessions.open(fields);
    clock.t += 30 * MINUTE;
    expect(await sessions.read(idle.handle)).toEqual({ status: 'expired', reason: 'idle' });
  });

  it('ended is ended: a late write-back never brings it back, and the list no longer has it', async () => {
    const { clock, sessions } = await setUp();
    const a = await sessions.open(fields);
    const b = await sessions.open({ ...fields, person: { ...ana, sub: 'vic' } });
    const live = await sessions.read(a.handle);
    expect((await sessions.list()).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(await sessions.end(a.id)).toBe(1);
    clock.t += MINUTE;
    if (live.status !== 'valid') throw new Error('was valid');
    expect(await sessions.save(a.id, { ...live.record, checked: clock.t })).toBe(false);
    expect(await sessions.read(a.handle)).toEqual({ status: 'invalid' });
    expect((await sessions.list()).map((s) => s.id)).toEqual([b.id]);
    expect(await sessions.end(a.id)).toBe(0);
  });

  it('a claim is held by one caller at a time until it runs out', async () => {
    const { clock, sessions } = await setUp();
    expect(await sessions.claim('recheck:x', 30_000)).toBe(true);
    expect(await sessions.claim('recheck:x', 30_000)).toBe(false);
    if (kind === 'memory') {
      clock.t += 30_000;
      expect(await sessions.claim('recheck:x', 30_000)).toBe(true);
    }
  });
});

describe('Redis unreachable', () => {
  it('every operation fails as SessionStoreUnavailable (the gateway answers 503), never as "no session"', async () => {
    const gone = await startRedisServer();
    const store = await createRedisSessionStore({ url: gone.url, prefix: 'gone:' });
    const sessions = createSessions({ store, idleMs: MINUTE, absoluteMs: MINUTE });
    const { handle } = await sessions.open(fields);
    await gone.stop();
    await expect(sessions.read(handle)).rejects.toBeInstanceOf(SessionStoreUnavailable);
    await expect(sessions.list()).rejects.toBeInstanceOf(SessionStoreUnavailable);
    await expect(sessions.open(fields)).rejects.toBeInstanceOf(SessionStoreUnavailable);
    await store.close();
  });
});
