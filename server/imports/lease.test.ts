// Leases and crashes, against the embedded API through the gateway's own API routes, on a fake clock: one
// worker per job, renewals, a graceful stop's release, and a process killed mid-job whose rows another worker
// finishes with exactly one contact per number (the rows' idempotency keys, replayed by the API).
import { describe, expect, it } from 'vitest';
import { importRowKey } from '../../src/shared/imports.ts';
import { DEMO_IDS } from '../api/demo.ts';
import {
  contactsWith,
  type Envelope,
  harnessForFile,
  importOf,
  LEASE_MS,
  runToEnd,
  startImport,
} from '../testing/imports-harness.ts';
import { toolsFor } from '../testing/imports-tools.ts';
import { killable } from '../testing/killable.ts';
import type { ApiCall } from './host.ts';

const h = harnessForFile({ signIn: 'none' });
const { fresh, watched, jobOf, entriesOf } = toolsFor(h);
const LABS = DEMO_IDS.labsDe;

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
    // Holds every call until the worker gives up on it (its signal), as a slow API would. The second row's
    // call may only start after stop() (its key is hashed off the main thread): its signal is then already
    // aborted, and an 'abort' listener added now would never fire.
    const slow: ApiCall = (req) => {
      entered();
      return new Promise((_, reject) => {
        if (req.signal.aborted) reject(req.signal.reason);
        else req.signal.addEventListener('abort', () => reject(req.signal.reason), { once: true });
      });
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
    // The 4th row reaches the API (its contact is created) and then the process dies before recording it.
    const dying = watched();
    const crash = killable({ store: h.store, recorder: h.trail.audit.service.recorder, api: dying.call });
    const crashing: ApiCall = async (req, requester) => {
      const res = await crash.api(req, requester);
      if (dying.seen.length === 4) crash.kill();
      return res;
    };
    const killed = h.worker({
      store: crash.store,
      recorder: crash.recorder,
      api: crashing,
      instanceId: 'killed',
    });
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
