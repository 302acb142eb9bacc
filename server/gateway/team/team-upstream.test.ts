import { describe, expect, it } from 'vitest';
import { FakeClock, settle } from '../../testing/fake-clock.ts';
import { fakeUpstream } from '../../testing/fake-upstream.ts';
import { createTeam } from './create.ts';
import type { TeamRequestOptions } from './team-upstream.ts';

const P1 = 'profile-1';

async function setup(perMinute = 60, burst = 3) {
  const clock = new FakeClock();
  const inner = fakeUpstream();
  const team = await createTeam({ perMinute, burst, maxWaitMs: 10_000, redisUrl: null }, inner, { clock });
  const call = (
    path: string,
    init: RequestInit & { profile?: string } = {},
    opts?: Partial<TeamRequestOptions>,
  ) =>
    team.upstream.fetch(
      new Request(inner.baseUrl + path, {
        ...init,
        headers: { 'x-profile-id': init.profile ?? P1, ...(init.headers as Record<string, string>) },
      }),
      { requester: 'alice', priority: 'interactive', ...opts },
    );
  return { clock, inner, team, call };
}

const bodyOf = async (res: Response) =>
  (await res.json()) as { data: { n: number }; error: { code: string } };

describe('team upstream', () => {
  it('answers repeated GETs from the cache and says so', async () => {
    const { inner, call } = await setup();
    const first = await call('/v3/contacts?page=1');
    expect(first.headers.get('x-cache')).toBe('miss');
    const second = await call('/v3/contacts?page=1');
    expect(second.headers.get('x-cache')).toBe('hit');
    expect((await bodyOf(second)).data.n).toBe(1);
    expect(inner.calls).toHaveLength(1);
  });

  it('never shares across profiles', async () => {
    const { inner, call } = await setup();
    await call('/v3/contacts/c1', { profile: 'a' });
    expect((await call('/v3/contacts/c1', { profile: 'b' })).headers.get('x-cache')).toBe('miss');
    expect(inner.calls).toHaveLength(2);
  });

  it('sends concurrent identical GETs upstream once', async () => {
    const { inner, call } = await setup();
    inner.hold = true;
    const a = call('/v3/me');
    const b = call('/v3/me', {}, { requester: 'bob' });
    await settle();
    inner.release();
    expect([(await a).headers.get('x-cache'), (await b).headers.get('x-cache')]).toEqual(['miss', 'shared']);
    expect(inner.calls).toHaveLength(1);
  });

  it("an edit makes that contact and that profile's lists fetch again", async () => {
    const { inner, call } = await setup(600, 20);
    await call('/v3/contacts/c1');
    await call('/v3/contacts?page=1');
    await call('/v3/contacts?page=1', { profile: 'other' });
    const edit = await call('/v3/contacts/c1', { method: 'PATCH', body: '{"name":"x"}' });
    expect(edit.status).toBe(200);
    expect(inner.calls.at(-1)).toMatchObject({ method: 'PATCH', path: '/v3/contacts/c1' });
    expect((await call('/v3/contacts/c1')).headers.get('x-cache')).toBe('miss');
    expect((await call('/v3/contacts?page=1')).headers.get('x-cache')).toBe('miss');
    expect((await call('/v3/contacts?page=1', { profile: 'other' })).headers.get('x-cache')).toBe('hit');
  });

  it('does not cache errors', async () => {
    const { inner, call } = await setup();
    inner.script.push({ status: 500 });
    expect((await call('/v3/me')).status).toBe(500);
    expect((await call('/v3/me')).status).toBe(200);
    expect(inner.calls).toHaveLength(2);
  });

  it('shows the team budget in the X-RateLimit headers', async () => {
    const { clock, call } = await setup();
    const res = await call('/v3/me');
    expect(res.headers.get('x-ratelimit-limit')).toBe('60');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(res.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((clock.now() + 1_000) / 1000)));
    expect(res.headers.get('x-ratelimit-mode')).toBe('local');
  });

  it('answers a request over the wait bound with a 429 envelope and an honest Retry-After', async () => {
    const { inner, team, call } = await setup(12, 1); // one token per 5 s
    await call('/v3/contacts/c1');
    const waiting = call('/v3/contacts/c2'); // served in 5 s: within the bound
    await settle();
    const res = await call('/v3/contacts/c3', {}, { requestId: 'req_gw_test' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('10');
    const body = await bodyOf(res);
    expect(body.error.code).toBe('GATEWAY_011');
    expect(res.headers.get('x-request-id')).toBe('req_gw_test');
    expect(team.upstream.snapshot().queued.interactive).toBe(1);
    expect(inner.calls).toHaveLength(1);
    void waiting;
  });

  it('sheds background work first, and serves people', async () => {
    const { clock, inner, call } = await setup(12, 1); // one token per 5 s
    await call('/v3/contacts/c1');
    const prefetch = await call('/v3/contacts?page=2', {}, { priority: 'background' });
    expect(prefetch.status).toBe(429);
    expect((await bodyOf(prefetch)).error.code).toBe('GATEWAY_012');
    const page = call('/v3/contacts?page=1');
    await clock.advance(5_000);
    expect((await page).status).toBe(200);
    expect(inner.calls.map((c) => c.path)).toEqual(['/v3/contacts/c1', '/v3/contacts?page=1']);
  });

  it('serves a person who joined a prefetch that was then set aside, as a person', async () => {
    const { clock, inner, call } = await setup(60, 1); // one token a second
    await call('/v3/contacts/c1');
    const prefetch = call('/v3/contacts?page=2', {}, { requester: 'bob', priority: 'background' });
    await settle();
    const page = call('/v3/contacts?page=2'); // joins the prefetch in flight
    // Six people ahead of the prefetch keep it waiting past its bound (5 s): it is set aside.
    const others = ['c2', 'c3', 'c4', 'c5', 'c6', 'c7'].map((id, i) =>
      call(`/v3/contacts/${id}`, {}, { requester: `p${i}` }),
    );
    await clock.advance(10_000);
    expect((await bodyOf(await prefetch)).error.code).toBe('GATEWAY_012');
    const res = await page;
    expect([res.status, res.headers.get('x-cache')]).toEqual([200, 'miss']);
    expect((await Promise.all(others)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(inner.calls.at(-1)?.path).toBe('/v3/contacts?page=2');
  });

  it('waits out an upstream 429 and retries, holding every other request back meanwhile', async () => {
    const { clock, inner, team, call } = await setup(600, 10);
    inner.script.push({ status: 429, headers: { 'retry-after': '3' } });
    const edit = call('/v3/contacts/c1', { method: 'PATCH', body: '{"name":"x"}' });
    await settle();
    expect(team.upstream.snapshot().blockedUntil).toBe(Math.ceil((clock.now() + 3_000) / 1000));
    const other = call('/v3/me', {}, { requester: 'bob' });
    await clock.advance(2_999);
    expect(inner.calls).toHaveLength(1);
    await clock.advance(1);
    expect((await edit).status).toBe(200);
    expect((await other).status).toBe(200);
    expect(inner.calls.map((c) => c.method)).toEqual(['PATCH', 'PATCH', 'GET']);
  });

  it('lowers the budget when the upstream says fewer are left', async () => {
    const { inner, team, call } = await setup(600, 10);
    inner.script.push({ status: 200, headers: { 'x-ratelimit-remaining': '2' } });
    await call('/v3/me');
    expect(team.upstream.snapshot().remaining).toBe(2);
  });

  it('spends nothing for a caller that went away while waiting', async () => {
    const { clock, inner, team, call } = await setup(12, 1);
    await call('/v3/contacts/c1');
    const gone = new AbortController();
    const waiting = call('/v3/contacts/c2', {}, { signal: gone.signal });
    await settle();
    gone.abort();
    await expect(waiting).rejects.toThrow();
    await clock.advance(5_000);
    expect(inner.calls).toHaveLength(1);
    expect(team.upstream.snapshot()).toMatchObject({
      remaining: 1,
      queued: { interactive: 0, background: 0 },
    });
  });

  it('reports operations: health, readiness and Prometheus metrics', async () => {
    const { team, call } = await setup();
    await call('/v3/me');
    await call('/v3/me');
    const ops = (path: string) => team.handleOps(new Request(`http://gw.invalid${path}`));
    expect((await ops('/healthz'))?.status).toBe(200);
    const metrics = await (await ops('/metrics'))?.text();
    expect(metrics).toContain('sent_cache_requests_total{outcome="hit"} 1');
    expect(metrics).toContain('sent_budget_spent_total 1');
    expect(metrics).toContain('sent_budget_mode{mode="local"} 1');
    expect(metrics).toMatch(/sent_upstream_duration_seconds_count\{status="200"\} 1/);
    expect(await ops('/v3/me')).toBeNull();
  });
});
