// Who may import, over direct HTTP through the wired gateway in staff sign-in mode: only roles that manage
// contacts (admins), and only in profiles they are granted, whatever the browser would have shown.
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../../src/shared/imports.ts';
import { DEMO_IDS } from '../api/demo.ts';
import {
  type Envelope,
  harnessForFile,
  importOf,
  postJson,
  startImport,
} from '../testing/imports-harness.ts';

const h = harnessForFile({ signIn: 'oidc' });
const numbers = ['+447400000101', '+447400000102'];
const codeOf = async (res: Response) => ((await res.json()) as Envelope<unknown>).error?.code;

describe('/__imports with staff sign-in', () => {
  it('lets an admin start an import, recorded in their name', async () => {
    const job = await startImport(h, importOf(numbers), 'admin');
    expect(job).toMatchObject({
      status: 'running',
      created_by: 'Ida Admin',
      counts: { pending: 2, total: 2 },
    });
    const { entries } = await h.trail.audit.service.store.query(
      { actions: ['contacts.import'] },
      { pageSize: 5 },
    );
    expect(entries[0]).toMatchObject({
      actor_id: 'ida',
      actor_role: 'admin',
      profile_id: DEMO_IDS.ventures,
      details: { import_id: job.id, file_name: 'numbers.csv', status: 'started', counts: { pending: 2 } },
    });
  });

  it.each(['agent', 'viewer'])('refuses an %s everywhere with 403 GATEWAY_009', async (who) => {
    const job = await startImport(h, importOf(numbers), 'admin');
    const start = await h.send('/__imports', postJson(importOf(numbers), who));
    expect(start.status).toBe(403);
    const body = (await start.json()) as Envelope<unknown>;
    expect(body.error).toMatchObject({
      code: 'GATEWAY_009',
      message: `Your role (${who}) may not add or remove contacts.`,
    });
    for (const [path, method] of [
      ['/__imports', 'GET'],
      [`/__imports/${job.id}`, 'GET'],
      [`/__imports/${job.id}/pause`, 'POST'],
      [`/__imports/${job.id}/rows.csv?state=failed`, 'GET'],
    ] as const) {
      const res = await h.send(path, { method, who });
      expect([path, res.status, await codeOf(res)]).toEqual([path, 403, 'GATEWAY_009']);
    }
    // Refused before the body is read: even a bad one gets the role's answer.
    expect(await codeOf(await h.send('/__imports', postJson({ rows: 'x' }, who)))).toBe('GATEWAY_009');
  });

  it('holds an admin to their profiles: 403 GATEWAY_010 elsewhere, their jobs only in the list', async () => {
    const other = await startImport(h, importOf(numbers), 'admin');
    const refused = await h.send('/__imports', postJson(importOf(numbers), 'ukAdmin'));
    expect([refused.status, await codeOf(refused)]).toEqual([403, 'GATEWAY_010']);
    const ownScope = await h.send('/__imports', postJson(importOf(numbers, null), 'ukAdmin'));
    expect(await codeOf(ownScope)).toBe('GATEWAY_010');
    const mine = await startImport(h, importOf(numbers, DEMO_IDS.clinicsUk), 'ukAdmin');
    expect(await codeOf(await h.send(`/__imports/${other.id}`, { who: 'ukAdmin' }))).toBe('GATEWAY_010');
    expect(
      await codeOf(await h.send(`/__imports/${other.id}/cancel`, { method: 'POST', who: 'ukAdmin' })),
    ).toBe('GATEWAY_010');
    const list = (await (await h.send('/__imports', { who: 'ukAdmin' })).json()) as Envelope<ImportJob[]>;
    expect(list.data.map((j) => j.id)).toEqual([mine.id]);
    const asked = await h.send(`/__imports?profile_id=${DEMO_IDS.ventures}`, { who: 'ukAdmin' });
    expect(await codeOf(asked)).toBe('GATEWAY_010');
    const all = (await (await h.send('/__imports', { who: 'admin' })).json()) as Envelope<ImportJob[]>;
    expect(all.data.map((j) => j.id)).toContain(other.id);
    expect(all.data.map((j) => j.id)).toContain(mine.id);
  });

  it('asks for a session first (401 GATEWAY_005)', async () => {
    const res = await h.send('/__imports', postJson(importOf(numbers)));
    expect([res.status, await codeOf(res)]).toEqual([401, 'GATEWAY_005']);
  });
});
