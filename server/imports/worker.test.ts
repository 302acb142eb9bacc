// The worker against the embedded API through the gateway's own API routes (a real gateway app; jobs started
// over HTTP), stepped by hand on a fake clock: what each answer does to a row, retries, pause/resume/cancel,
// undo, and a process killed mid-job whose rows another worker finishes with exactly one contact per number.
import { describe, expect, it } from 'vitest';
import { importRowKey } from '../../src/shared/imports.ts';
import { DEMO_IDS } from '../api/demo.ts';
import { DEMO_ORG_KEY } from '../gateway/config.ts';
import type { GatewayCall } from '../gateway/routes/api.ts';
import {
  contactsWith,
  type Envelope,
  harnessForFile,
  importOf,
  LEASE_MS,
  runToEnd,
  startImport,
} from './test-gateway.ts';
import type { ImportWorker } from './worker.ts';

const h = harnessForFile({ signIn: 'none' });
const LABS = DEMO_IDS.labsDe;
let next = 300;
/** Numbers no profile has yet. */
const fresh = (n: number) => Array.from({ length: n }, () => `+447400000${String(next++).padStart(3, '0')}`);

/** The gateway's API calls, watched: `each` sees every request first and may change or hold it. */
function watched(each: (req: Request, n: number) => Promise<Request> | Request = (r) => r) {
  const seen: { method: string; phone: string | null; key: string | null }[] = [];
  const call: GatewayCall = async (req, requester) => {
    const body = req.method === 'POST' ? ((await req.clone().json()) as { phone_number: string }) : null;
    seen.push({
      method: req.method,
      phone: body?.phone_number ?? null,
      key: req.headers.get('idempotency-key'),
    });
    return h.calls(await each(req, seen.length), requester);
  };
  return { call, seen };
}

/** The request with a test control header (the gateway forwards them in tests; the API obeys). */
function withHeader(req: Request, name: string, value: string): Request {
  const headers = new Headers(req.headers);
  headers.set(name, value);
  return new Request(req, { headers });
}

async function jobOf(id: string) {
  return (
    (await (await h.send(`/__imports/${id}`)).json()) as Envelope<
      import('../../src/shared/imports.ts').ImportJob
    >
  ).data;
}

async function rowsOf(id: string) {
  return h.store.rows(
    id,
    ['pending', 'created', 'existed', 'invalid', 'duplicate', 'failed', 'removed'],
    0,
    100,
  );
}

async function existingNumber(profile: string): Promise<string> {
  const url = 'http://api.invalid/v3/contacts?page=1&page_size=1';
  const res = await h.api.fetch(
    new Request(url, { headers: { 'x-api-key': DEMO_ORG_KEY, 'x-profile-id': profile } }),
  );
  return (
    ((await res.json()) as Envelope<{ contacts: { format_e164: string }[] }>).data.contacts[0]?.format_e164 ??
    ''
  );
}

const entriesOf = async (importId: string, action: string) =>
  (
    await h.trail.audit.service.store.query(
      { actions: [action as 'contact.create'] },
      { page: 1, pageSize: 500 },
    )
  ).entries
    .filter((e) => e.details.import_id === importId)
    .reverse();

describe('a worker', () => {
  it('creates good rows, keeps numbers already there, fails what the API refuses, never sends set-aside rows', async () => {
    const [a, b] = fresh(2);
    const existing = await existingNumber(LABS);
    // E.164-shaped, but not a number libphonenumber accepts: the API answers 400 VALIDATION_002.
    const job = await startImport(h, importOf([a ?? '', existing, '+447700900123', null, b ?? ''], LABS));
    const api = watched();
    expect((await runToEnd(h, h.worker({ api: api.call }))).map((s) => s.kind)).toEqual(['finished', 'idle']);
    expect(api.seen.map((s) => s.phone)).toEqual([a, existing, '+447700900123', b]);
    const done = await jobOf(job.id);
    expect(done).toMatchObject({
      status: 'done',
      counts: { created: 2, existed: 1, failed: 1, invalid: 1, pending: 0 },
    });
    const rows = await rowsOf(job.id);
    expect(rows.map((r) => [r.row, r.state, r.attempts])).toEqual([
      [2, 'created', 1],
      [3, 'existed', 1],
      [4, 'failed', 1],
      [5, 'invalid', 0],
      [6, 'created', 1],
    ]);
    expect(rows[2]?.reason).toMatch(/^VALIDATION_002: /);
    for (const phone of [a, b, existing]) expect(await contactsWith(h, LABS, phone ?? '')).toBe(1);
    // One contact.create per contact, in the starter's name, the number masked and hashed; then "done".
    const created = await entriesOf(job.id, 'contact.create');
    expect(created.map((e) => [e.details.row, e.contact_id, e.actor_name])).toEqual([
      [2, rows[0]?.contactId, 'loopback user (no sign-in)'],
      [6, rows[4]?.contactId, 'loopback user (no sign-in)'],
    ]);
    expect(created[0]).toMatchObject({
      profile_id: LABS,
      phone_masked: expect.stringMatching(/^\+44•+\d\d$/),
    });
    expect(JSON.stringify(created)).not.toContain(a?.slice(3));
    const steps = await entriesOf(job.id, 'contacts.import');
    expect(steps.map((e) => e.details.status)).toEqual(['started', 'done']);
    expect(steps[1]?.details.counts).toMatchObject({ created: 2, failed: 1 });
  });

  it('retries transient failures later, never failing on the first; the 5th failure is final', async () => {
    const [flaky, broken, fine] = fresh(3);
    const job = await startImport(h, importOf([flaky ?? '', broken ?? '', fine ?? '']));
    const failures = new Map([
      [flaky, 2],
      [broken, 99],
    ]);
    const api = watched(async (req) => {
      const phone = ((await req.clone().json()) as { phone_number: string }).phone_number;
      const left = failures.get(phone) ?? 0;
      failures.set(phone, left - 1);
      return left > 0 ? withHeader(req, 'x-test-fail', '503') : req;
    });
    const worker = h.worker({ api: api.call });
    expect(await worker.step()).toEqual({ kind: 'wait', untilMs: h.clock.now() + 2_000 });
    const first = await rowsOf(job.id);
    expect(first.map((r) => [r.state, r.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
      ['created', 1],
    ]);
    expect(first[0]?.reason).toMatch(/^INTERNAL_001: /);
    await runToEnd(h, worker);
    const rows = await rowsOf(job.id);
    expect(rows.map((r) => [r.state, r.attempts])).toEqual([
      ['created', 3],
      ['failed', 5],
      ['created', 1],
    ]);
    expect(rows[1]?.reason).toMatch(/^INTERNAL_001: .* \(after 5 attempts\)$/);
    // Every attempt of a row carries the same key: a retry of a request that did reach the API creates nothing.
    const keys = new Set(api.seen.filter((s) => s.phone === flaky).map((s) => s.key));
    expect([api.seen.filter((s) => s.phone === flaky).length, keys.size]).toEqual([3, 1]);
    expect(await contactsWith(h, DEMO_IDS.ventures, flaky ?? '')).toBe(1);
  });

  it('sees a pause before the next row, goes on after resume, and stops for good on cancel', async () => {
    const numbers = fresh(4);
    const job = await startImport(h, importOf(numbers));
    let pauseAt = 2;
    const api = watched(async (req, n) => {
      if (n === pauseAt) await h.send(`/__imports/${job.id}/pause`, { method: 'POST' });
      return req;
    });
    const worker = h.worker({ api: api.call, concurrency: 1 });
    expect(await worker.step()).toEqual({ kind: 'stopped' });
    expect(await jobOf(job.id)).toMatchObject({ status: 'paused', counts: { created: 2, pending: 2 } });
    expect(await worker.step()).toEqual({ kind: 'idle' });
    expect((await h.send(`/__imports/${job.id}/resume`, { method: 'POST' })).status).toBe(200);
    pauseAt = 0;
    await runToEnd(h, worker);
    expect(await jobOf(job.id)).toMatchObject({ status: 'done', counts: { created: 4, pending: 0 } });

    const more = fresh(3);
    const cancelled = await startImport(h, importOf(more));
    const cancelling = watched(async (req, n) => {
      if (n === 1) await h.send(`/__imports/${cancelled.id}/cancel`, { method: 'POST' });
      return req;
    });
    await runToEnd(h, h.worker({ api: cancelling.call, concurrency: 1 }));
    expect(await jobOf(cancelled.id)).toMatchObject({
      status: 'cancelled',
      counts: { created: 1, pending: 2 },
    });
    expect(cancelling.seen).toHaveLength(1);
  });

  it('undoes only what it created (a contact already gone counts as removed)', async () => {
    const [a, b] = fresh(2);
    const existing = await existingNumber(LABS);
    const job = await startImport(h, importOf([a ?? '', existing, b ?? ''], LABS));
    await runToEnd(h, h.worker());
    const [rowA] = await h.store.rows(job.id, ['created'], 0, 1);
    // Someone removes one of them first: its DELETE answers 404.
    await h.calls(
      new Request(`http://x/v3/contacts/${rowA?.contactId}`, {
        method: 'DELETE',
        headers: { 'x-profile-id': LABS },
      }),
    );
    expect((await h.send(`/__imports/${job.id}/undo`, { method: 'POST' })).status).toBe(200);
    const api = watched();
    await runToEnd(h, h.worker({ api: api.call }));
    expect(api.seen.map((s) => s.method)).toEqual(['DELETE', 'DELETE']);
    expect(await jobOf(job.id)).toMatchObject({
      status: 'undone',
      counts: { created: 0, removed: 2, existed: 1 },
    });
    expect([await contactsWith(h, LABS, a ?? ''), await contactsWith(h, LABS, b ?? '')]).toEqual([0, 0]);
    expect(await contactsWith(h, LABS, existing)).toBe(1);
    const removed = await entriesOf(job.id, 'contact.remove');
    const byRow = removed.map((e) => [e.details.row, e.details.already_gone ?? false]).sort();
    expect(byRow).toEqual([
      [2, true],
      [4, false],
    ]);
    expect((await entriesOf(job.id, 'contacts.import')).map((e) => e.details.status)).toEqual([
      'started',
      'done',
      'undo_started',
      'undone',
    ]);
  });
  it('spaces rows evenly when given a gap, so the budget is never spent in one burst', async () => {
    const job = await startImport(h, importOf(fresh(3)));
    const sentAt: number[] = [];
    const api: GatewayCall = (req, requester) => {
      sentAt.push(h.clock.now());
      return h.calls(req, requester);
    };
    const stepping = h.worker({ api, gapMs: 1_000 }).step();
    // The lease's renewal is one timer; a second is the wait for the next row's slot.
    const waitingForSlot = async () => {
      while (h.clock.pending() < 2) await new Promise((resolve) => setImmediate(resolve));
    };
    for (let row = 2; row <= 3; row++) {
      await waitingForSlot();
      await h.clock.advance(1_000);
    }
    expect(await stepping).toEqual({ kind: 'finished' });
    expect(sentAt.map((t) => t - (sentAt[0] ?? 0))).toEqual([0, 1_000, 2_000]);
    expect((await jobOf(job.id)).counts.created).toBe(3);
  });
});

describe('leases and crashes', () => {
  it('gives a job to one of two workers', async () => {
    await startImport(h, importOf(fresh(2)));
    const results = await Promise.all([h.worker().step(), h.worker().step()]);
    expect(results.map((r) => r.kind).sort()).toEqual(['finished', 'idle']);
  });

  it('renews its lease while a row takes long, and releases it on a graceful stop', async () => {
    const job = await startImport(h, importOf(fresh(2)));
    let entered = () => {};
    const inCall = new Promise<void>((resolve) => {
      entered = resolve;
    });
    // Holds the first call until the worker gives up on it (its signal), as a slow API would.
    const slow: GatewayCall = async (req) => {
      entered();
      await new Promise((_, reject) => req.signal.addEventListener('abort', () => reject(req.signal.reason)));
      throw new Error('unreachable');
    };
    const a = h.worker({ api: slow, instanceId: 'A' });
    const stepping = a.step();
    await inCall;
    await h.clock.advance(2 * LEASE_MS); // two leases long: only renewals keep it
    expect((await h.store.get(job.id))?.leaseOwner).toBe('A');
    expect(await h.worker({ instanceId: 'B' }).step()).toEqual({ kind: 'idle' });
    await a.stop();
    expect(await stepping).toEqual({ kind: 'stopped' });
    expect((await h.store.get(job.id))?.leaseOwner).toBeNull();
    expect(await runToEnd(h, h.worker({ instanceId: 'B' }))).toContainEqual({ kind: 'finished' });
    expect((await jobOf(job.id)).counts.created).toBe(2);
  });

  it('after a crash, the next worker finishes the job once the lease expires: one contact per number', async () => {
    const numbers = fresh(8);
    const job = await startImport(h, importOf(numbers));
    let killed: ImportWorker | null = null;
    // The 4th row reaches the API (its contact is created) and then the process dies before recording it.
    const dying = watched();
    const crashing: GatewayCall = async (req, requester) => {
      const res = await dying.call(req, requester);
      if (dying.seen.length === 4) killed?.abandon();
      return res;
    };
    killed = h.worker({ api: crashing, instanceId: 'killed' });
    expect(await killed.step()).toEqual({ kind: 'stopped' });
    const after = await jobOf(job.id);
    expect(after.counts.created).toBeLessThan(4);
    expect((await h.store.get(job.id))?.leaseOwner).toBe('killed');

    const next = watched();
    const heir = h.worker({ api: next.call, instanceId: 'heir' });
    expect(await heir.step()).toEqual({ kind: 'idle' }); // the dead worker's lease still holds
    await h.clock.advance(LEASE_MS);
    await runToEnd(h, heir);
    expect(await jobOf(job.id)).toMatchObject({
      status: 'done',
      counts: { created: 8, pending: 0, failed: 0 },
    });
    for (const phone of numbers) expect(await contactsWith(h, DEMO_IDS.ventures, phone)).toBe(1);
    // The rows the dead worker sent without recording went again with the same key (the API replayed 201).
    const resent = next.seen.filter((s) => dying.seen.some((d) => d.key === s.key));
    expect(resent.length).toBeGreaterThanOrEqual(1);
    expect(await entriesOf(job.id, 'contact.create')).toHaveLength(8);
  });
});

describe('the embedded API', () => {
  it('replays the first 201 for a repeated Idempotency-Key; a changed row gets another key', async () => {
    const [phone] = fresh(1);
    const post = async (key: string) => {
      const headers = { 'content-type': 'application/json', 'idempotency-key': key, 'x-profile-id': LABS };
      const res = await h.calls(
        new Request('http://x/v3/contacts', {
          method: 'POST',
          headers,
          body: JSON.stringify({ phone_number: phone }),
        }),
      );
      return { status: res.status, body: (await res.json()) as Envelope<{ id: string }> };
    };
    const key = await importRowKey('c'.repeat(64), 2, phone ?? '');
    const first = await post(key);
    const replay = await post(key);
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.body.data.id).toBe(first.body.data.id);
    const moved = await post(await importRowKey('c'.repeat(64), 3, phone ?? ''));
    expect([moved.status, moved.body.error?.code]).toEqual([409, 'RESOURCE_007']);
  });
});
