// The worker against the embedded API through the gateway's own API routes (a real gateway app; jobs started
// over HTTP), stepped by hand on a fake clock: what each answer does to a row, retries, pause/resume/cancel,
// undo, even spacing. Leases and crashes: lease.test.ts.
import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../api/demo.ts';
import { contactsWith, harnessForFile, importOf, runToEnd, startImport } from '../testing/imports-harness.ts';
import { toolsFor, withHeader } from '../testing/imports-tools.ts';
import type { ApiCall } from './host.ts';

const h = harnessForFile({ signIn: 'none' });
const { fresh, watched, jobOf, rowsOf, existingNumber, entriesOf } = toolsFor(h);
const LABS = DEMO_IDS.labsDe;

describe('a worker', () => {
  it('creates good rows, keeps numbers already there, fails what the API refuses, never sends set-aside rows', async () => {
    const [a, b] = fresh(2);
    const existing = await existingNumber(LABS);
    // E.164-shaped, but not a number libphonenumber accepts: the API answers 400 VALIDATION_002.
    const job = await startImport(h, importOf([a ?? '', existing, '+447700900123', null, b ?? ''], LABS));
    const api = watched();
    expect((await runToEnd(h, h.worker({ api: api.call }))).map((s) => s.kind)).toEqual(['finished', 'idle']);
    // Up to 4 calls are out at once, each after its key is hashed: they may reach the API in any order.
    expect(api.seen.map((s) => s.phone).sort()).toEqual([a, existing, '+447700900123', b].sort());
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
  it('gives a number the key of its file and row whatever its column: a re-run with other columns replays it', async () => {
    const [mobile, home] = fresh(2);
    const item = (column: string, phone: string) => ({ row: 2, column, input: phone, phone, problem: null });
    const first = await startImport(h, {
      ...importOf([], LABS),
      rows: [item('Mobile Phone', mobile ?? ''), item('Home Phone', home ?? '')],
    });
    const once = watched();
    await runToEnd(h, h.worker({ api: once.call }));
    const keyOf = (phone: string | undefined) => once.seen.find((s) => s.phone === phone)?.key;
    expect(keyOf(mobile)).not.toBe(keyOf(home)); // two numbers of one row: two keys
    // The same file again, only the home number ticked (its column now named otherwise): the same key, so
    // the API answers with the first contact (created, the same id), never a second one.
    const again = await startImport(h, { ...importOf([], LABS), rows: [item('Landline', home ?? '')] });
    const twice = watched();
    await runToEnd(h, h.worker({ api: twice.call }));
    expect(twice.seen.map((s) => s.key)).toEqual([keyOf(home)]);
    const [before] = (await rowsOf(first.id)).filter((r) => r.phone === home);
    expect(await rowsOf(again.id)).toMatchObject([{ state: 'created', contactId: before?.contactId }]);
    expect(await contactsWith(h, LABS, home ?? '')).toBe(1);
  });

  it('spaces rows evenly when given a gap, so the budget is never spent in one burst', async () => {
    const job = await startImport(h, importOf(fresh(3)));
    const sentAt: number[] = [];
    const api: ApiCall = (req, requester) => {
      sentAt.push(h.clock.now());
      return h.calls(req, requester);
    };
    const stepping = h.worker({ api, gapMs: 1_000 }).step();
    // The previous row was sent, and the worker waits: the lease's renewal is one timer, the next row's slot
    // a second (advancing before both are there would let a row skip its slot).
    const waitingForSlot = async (sent: number) => {
      while (sentAt.length < sent || h.clock.pending() < 2)
        await new Promise((resolve) => setImmediate(resolve));
    };
    for (let row = 2; row <= 3; row++) {
      await waitingForSlot(row - 1);
      await h.clock.advance(1_000);
    }
    expect(await stepping).toEqual({ kind: 'finished' });
    expect(sentAt.map((t) => t - (sentAt[0] ?? 0))).toEqual([0, 1_000, 2_000]);
    expect((await jobOf(job.id)).counts.created).toBe(3);
  });
});
