// /__imports over direct HTTP without sign-in (the loopback demo: everyone may): bad bodies named, unknown ids,
// the status rules, the two CSV downloads, and every step in the audit trail.
import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS, type ImportJob, type ImportRequest } from '../../src/shared/imports.ts';
import { DEMO_IDS } from '../api/demo.ts';
import {
  contactsWith,
  type Envelope,
  harnessForFile,
  importOf,
  postDeclaringLength,
  postJson,
  runToEnd,
  startImport,
} from '../testing/imports-harness.ts';

const h = harnessForFile({ signIn: 'none' });
const good = ['+447400000201', '+447400000202'];

async function errorOf(res: Response) {
  return { status: res.status, ...((await res.json()) as Envelope<unknown>).error };
}

const act = (id: string, action: string) => h.send(`/__imports/${id}/${action}`, { method: 'POST' });

describe('starting an import', () => {
  it('answers 201 with the job; set-aside rows are stored with why, never sent', async () => {
    const request: ImportRequest = {
      ...importOf([]),
      rows: [
        { row: 2, input: '07400 000203', phone: '+447400000203', problem: null },
        { row: 3, input: 'nonsense', phone: null, problem: 'invalid' },
        { row: 4, input: '+44 7400 000203', phone: '+447400000203', problem: 'duplicate' },
        { row: 5, input: '+447400000204', phone: '+447400000204', problem: 'exists' },
      ],
    };
    const res = await h.send('/__imports', postJson(request));
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as Envelope<ImportJob>;
    expect(data).toMatchObject({
      profile_id: DEMO_IDS.ventures,
      file_name: 'numbers.csv',
      status: 'running',
      counts: { pending: 1, invalid: 1, duplicate: 1, existed: 1, created: 0, total: 4 },
      created_by: 'loopback user (no sign-in)',
      finished_at: null,
      rows_per_min: null,
      eta_seconds: 1, // one row at the team's 150 a minute, before a minute of evidence
    });
    const csv = await (await h.send(`/__imports/${data.id}/rows.csv?state=failed`)).text();
    // A request without columns (one number a row, as consoles before issue 22 sent it) is taken as it was.
    expect(data.columns).toEqual([]);
    expect(csv).toBe(
      'row,column,input,phone,state,reason,contact_id\r\n' +
        '3,,nonsense,,invalid,not a valid number for GB,\r\n' +
        `4,,"'+44 7400 000203","'+447400000203",duplicate,duplicate of row 2,\r\n`,
    );
  });

  it('takes several numbers of a row, each sent once with its column kept in the CSV and the trail', async () => {
    const number = (row: number, column: string, phone: string, problem: 'duplicate' | null = null) => ({
      row,
      column,
      input: phone,
      phone,
      problem,
    });
    const request: ImportRequest = {
      ...importOf([], DEMO_IDS.labsDe),
      rows: [
        number(2, 'Mobile Phone', '+447400000211'),
        number(2, 'Home Phone', '+442079460211'),
        number(3, 'Home Phone', '+447400000211', 'duplicate'),
        number(3, 'Mobile Phone', '+447400000212'),
      ],
    };
    const job = await startImport(h, request);
    expect(job).toMatchObject({
      columns: ['Mobile Phone', 'Home Phone'],
      counts: { pending: 3, duplicate: 1 },
    });
    await runToEnd(h, h.worker());
    for (const phone of ['+447400000211', '+442079460211', '+447400000212']) {
      expect(await contactsWith(h, DEMO_IDS.labsDe, phone), phone).toBe(1);
    }
    const csv = async (state: string) =>
      (await (await h.send(`/__imports/${job.id}/rows.csv?state=${state}`)).text()).trimEnd().split('\r\n');
    expect(await csv('failed')).toEqual([
      'row,column,input,phone,state,reason,contact_id',
      `3,Home Phone,"'+447400000211","'+447400000211",duplicate,"duplicate of row 2, Mobile Phone",`,
    ]);
    expect((await csv('created')).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      'row,column',
      '2,Mobile Phone',
      '2,Home Phone',
      '3,Mobile Phone',
    ]);
    const created = await h.trail.audit.service.store.query({ actions: ['contact.create'] }, { pageSize: 3 });
    expect(created.entries.map((e) => e.details).filter((d) => d.import_id === job.id)).toContainEqual({
      import_id: job.id,
      row: 2,
      column: 'Home Phone',
    });
  });

  it.each([
    [{ ...importOf(good), file_sha256: 'xyz' }, 'file_sha256: must be a SHA-256 in 64 lowercase hex digits'],
    [{ ...importOf(good), file_sha256: undefined }, 'file_sha256: is required'],
    [{ ...importOf(good), profile_id: 'clinics' }, 'profile_id: must be a profile id (uuid) or null'],
    [
      { ...importOf(good), default_region: 'gb' },
      'default_region: must be a two-letter region code such as GB',
    ],
    [{ ...importOf(good), rows: [] }, 'rows: must hold at least one row'],
    [
      { ...importOf([...good, ...good]), rows: importOf(good).rows.concat(importOf(good).rows) },
      'rows: must not send the same number twice from one row (mark the others as duplicates)',
    ],
    [
      importOf(['+447400000201', '07400 000202']),
      'rows[1].phone: must be an E.164 number such as +447700900123',
    ],
    [
      { ...importOf(good), rows: [{ row: 2, input: 'x', phone: null, problem: null }] },
      'rows[0].phone: is required unless problem is "invalid"',
    ],
    [
      { ...importOf(good), rows: [{ row: 0, input: 'x', phone: null, problem: 'invalid' }] },
      'rows[0].row: must be 1 or more',
    ],
  ])('refuses a bad body with 400 GATEWAY_014 naming the field (%#)', async (body, message) => {
    expect(await errorOf(await h.send('/__imports', postJson(body)))).toMatchObject({
      status: 400,
      code: 'GATEWAY_014',
      message,
    });
  });

  it('refuses malformed JSON and more rows than an import may hold', async () => {
    const malformed = await h.send('/__imports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"rows": [',
    });
    expect(await errorOf(malformed)).toMatchObject({ status: 400, code: 'GATEWAY_014' });
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ({
      row: i + 1,
      input: '',
      phone: null,
      problem: 'invalid',
    }));
    expect(await errorOf(await h.send('/__imports', postJson({ ...importOf(good), rows })))).toMatchObject({
      status: 400,
      message: 'rows: must hold at most 100,000 rows',
    });
  });

  it('takes bodies up to 16 MB on this route only (413 GATEWAY_006 past it)', async () => {
    const over = await postDeclaringLength(`${h.gw.url}/__imports`, 16 * 1024 * 1024 + 1);
    expect({ status: over.status, ...JSON.parse(over.body).error }).toMatchObject({
      status: 413,
      code: 'GATEWAY_006',
    });
    const big = { ...importOf(good), padding: 'x'.repeat(1024 * 1024) }; // over the API routes' 64 KB
    expect((await h.send('/__imports', postJson(big))).status).toBe(201);
  });
});

describe('a job', () => {
  it('is 404 GATEWAY_015 when unknown', async () => {
    for (const path of ['/__imports/nope', '/__imports/nope/rows.csv?state=created']) {
      expect(await errorOf(await h.send(path))).toMatchObject({ status: 404, code: 'GATEWAY_015' });
    }
    expect(await errorOf(await act('nope', 'pause'))).toMatchObject({ status: 404, code: 'GATEWAY_015' });
  });

  it('pauses, resumes, cancels and undoes only when its status allows (409 GATEWAY_016 otherwise)', async () => {
    const job = await startImport(h, importOf(good));
    const statusAfter = async (action: string) => {
      const res = await act(job.id, action);
      return res.ok ? ((await res.json()) as Envelope<ImportJob>).data.status : (await errorOf(res)).code;
    };
    expect(await statusAfter('resume')).toBe('GATEWAY_016');
    expect(await statusAfter('undo')).toBe('GATEWAY_016');
    expect(await statusAfter('pause')).toBe('paused');
    expect(await statusAfter('pause')).toBe('GATEWAY_016');
    expect(await statusAfter('resume')).toBe('running');
    expect(await statusAfter('cancel')).toBe('cancelled');
    expect(await statusAfter('resume')).toBe('GATEWAY_016');
    expect(await statusAfter('cancel')).toBe('GATEWAY_016');
    expect(await statusAfter('undo')).toBe('undoing');
    expect(await statusAfter('undo')).toBe('GATEWAY_016');
    expect(await statusAfter('pause')).toBe('GATEWAY_016');
    const conflict = await errorOf(await act(job.id, 'cancel'));
    expect(conflict.message).toBe(
      'This import is undoing: only a running or paused import can be cancelled.',
    );
    const { entries } = await h.trail.audit.service.store.query(
      { actions: ['contacts.import'] },
      { pageSize: 50 },
    );
    const steps = entries
      .filter((e) => e.details.import_id === job.id)
      .map((e) => e.details.status)
      .reverse();
    expect(steps).toEqual(['started', 'paused', 'resumed', 'cancelled', 'undo_started']);
  });

  it('cannot be paused or cancelled once done; its CSV of created rows lists the new contacts', async () => {
    const job = await startImport(h, importOf(good, DEMO_IDS.labsDe));
    await runToEnd(h, h.worker());
    const done = (await (await h.send(`/__imports/${job.id}`)).json()) as Envelope<ImportJob>;
    expect(done.data).toMatchObject({ status: 'done', counts: { created: 2, pending: 0 } });
    expect(done.data.finished_at).not.toBeNull();
    expect((await errorOf(await act(job.id, 'pause'))).code).toBe('GATEWAY_016');
    expect((await errorOf(await act(job.id, 'cancel'))).code).toBe('GATEWAY_016');
    const res = await h.send(`/__imports/${job.id}/rows.csv?state=created`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="numbers-created.csv"');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2,,"'\+447400000201","'\+447400000201",created,,[0-9a-f-]{36}$/);
    const exported = await h.trail.audit.service.store.query(
      { actions: ['contacts.export'] },
      { pageSize: 1 },
    );
    expect(exported.entries[0]?.details).toMatchObject({
      filters: { import_id: job.id, rows: 'created' },
      row_count: 2,
    });
    expect(await errorOf(await h.send(`/__imports/${job.id}/rows.csv?state=all`))).toMatchObject({
      status: 400,
      message: 'state: must be one of failed, created',
    });
  });

  it('lists the newest first, optionally for one profile', async () => {
    await h.clock.advance(1); // after the jobs of the tests before
    const a = await startImport(h, importOf(good, DEMO_IDS.clinicsUk));
    await h.clock.advance(1);
    const b = await startImport(h, importOf(good, DEMO_IDS.labsDe));
    const ids = async (query: string) =>
      ((await (await h.send(`/__imports${query}`)).json()) as Envelope<ImportJob[]>).data.map((j) => j.id);
    expect((await ids('')).slice(0, 2)).toEqual([b.id, a.id]);
    expect(await ids(`?profile_id=${DEMO_IDS.clinicsUk}`)).toEqual([a.id]);
  });
});
