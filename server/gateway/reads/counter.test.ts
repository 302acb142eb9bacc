// The read counter's contract, in this process and through a real Redis (with a fake clock for the window):
// distinct contacts per person over a rolling hour, an answer past the limit counted not at all, the first
// refusal of the window flagged once, and a Redis that goes away falling back to counting here.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock.ts';
import { startRedisServer } from '../../testing/redis-server.ts';
import { createMemoryReadCounter, READ_WINDOW_MS, type ReadCounter } from './counter.ts';
import { createRedisReadCounter } from './redis-counter.ts';

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `c${from + i}`);

let redis: Awaited<ReturnType<typeof startRedisServer>>;
const clients: Redis[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis.stop();
});

const KINDS: [string, (clock: FakeClock) => ReadCounter][] = [
  ['in this process', (clock) => createMemoryReadCounter(clock)],
  [
    'through Redis',
    (clock) => {
      const client = new Redis(redis.url);
      clients.push(client);
      const prefix = `test:${Math.random()}:`;
      return createRedisReadCounter({ redis: client, prefix, clock, log: () => {} });
    },
  ],
];

describe.each(KINDS)('read counter %s', (_kind, make) => {
  it('counts distinct contacts per person; past the limit nothing of the answer is counted', async () => {
    const clock = new FakeClock();
    const counter = make(clock);
    expect(await counter.admit('ana', ids(0, 6), 10)).toMatchObject({ ok: true, count: 6 });
    expect(await counter.admit('ana', [...ids(0, 6), 'c0'], 10)).toMatchObject({ ok: true, count: 6 });
    expect(await counter.admit('vic', ids(0, 10), 10)).toMatchObject({ ok: true, count: 10 });
    const refused = await counter.admit('ana', ids(4, 12), 10); // 6 new: 12 > 10
    expect(refused).toMatchObject({ ok: false, count: 6, first: true });
    expect(refused.retryAfterMs).toBe(READ_WINDOW_MS);
    expect(await counter.admit('ana', ids(4, 12), 10)).toMatchObject({ ok: false, first: false });
    expect(await counter.admit('ana', ids(6, 10), 10)).toMatchObject({ ok: true, count: 10 });
  });

  it('forgets reads an hour old (a rolling window), a re-read keeping a contact in it', async () => {
    const clock = new FakeClock();
    const counter = make(clock);
    await counter.admit('ana', ids(0, 10), 10);
    await clock.advance(READ_WINDOW_MS / 2);
    await counter.admit('ana', ['c0'], 10); // read again: stays
    const refused = await counter.admit('ana', ['n1'], 10);
    expect(refused).toMatchObject({ ok: false, first: true, retryAfterMs: READ_WINDOW_MS / 2 });
    await clock.advance(READ_WINDOW_MS / 2);
    expect(await counter.admit('ana', ['n1'], 10)).toMatchObject({ ok: true, count: 2 });
    await clock.advance(READ_WINDOW_MS / 2);
    expect(await counter.admit('ana', ['n2'], 10)).toMatchObject({ ok: true, count: 2 }); // c0 gone too
  });
});

describe('read counter through Redis, Redis gone', () => {
  it('counts in this process instead, and says so once', async () => {
    const client = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    client.on('error', () => {});
    clients.push(client);
    const lines: string[] = [];
    const counter = createRedisReadCounter({
      redis: client,
      prefix: 'x:',
      clock: new FakeClock(),
      log: (l) => lines.push(l),
    });
    expect(await counter.admit('ana', ids(0, 3), 3)).toMatchObject({ ok: true, count: 3 });
    expect(await counter.admit('ana', ['c9'], 3)).toMatchObject({ ok: false, first: true });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('counting in this process');
  });
});
