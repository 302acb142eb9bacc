// The admin query API over HTTP (Hono's app.request): filters, paging, bad parameters, CSV export.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, NUMBER, PHONE_KEY, sampleRecord, tempDir } from '../testing/audit-stores.ts';
import type { StoredEntry } from './entry.ts';
import { AuditRecorder } from './recorder.ts';
import { auditRoutes } from './routes.ts';
import { SqliteAuditStore } from './sqlite-store.ts';

const temp = tempDir();
const store = new SqliteAuditStore(join(temp.dir, 'routes.sqlite'));
const exports: { filters: Record<string, string>; rowCount: number }[] = [];
const app = auditRoutes({ store, phoneKey: PHONE_KEY, onExport: async (_c, e) => void exports.push(e) });
const bob = { id: 'u-bob', name: '=cmd|Bob', role: 'viewer', groups: [] };

beforeAll(async () => {
  let clock = new Date('2025-03-03T23:00:00.000Z');
  const recorder = new AuditRecorder({ store, phoneKey: PHONE_KEY, now: () => clock });
  for (let i = 0; i < 12; i++) {
    await recorder.record({
      ...sampleRecord(i % 3 ? 'lookup' : 'number.reveal', i),
      actor: i < 4 ? bob : alice,
      phone: i === 5 ? '+14155550100' : NUMBER,
    });
    clock = new Date(clock.getTime() + 60 * 60 * 1000);
  }
});
afterAll(async () => {
  await store.close();
  temp.remove();
});

const get = async (query: string) => {
  const response = await app.request(`/?${query}`);
  return {
    status: response.status,
    body: (await response.json()) as {
      data: StoredEntry[];
      pagination: Record<string, string | number | boolean | null>;
      error?: { param: string; message: string };
    },
  };
};

describe('GET / (query)', () => {
  it('pages newest first by cursor, with older and newer cursors and the total', async () => {
    const first = await get('page_size=5');
    expect(first.status).toBe(200);
    expect(first.body.data.map((e) => e.seq)).toEqual([12, 11, 10, 9, 8]);
    const entry8 = first.body.data[4] as StoredEntry;
    expect(first.body.pagination).toEqual({
      page_size: 5,
      total: 12,
      total_exact: true,
      older: `8.${Date.parse(entry8.at)}`,
      newer: null,
    });
    const second = await get(`page_size=5&before=${first.body.pagination.older}`);
    expect(second.body.data.map((e) => e.seq)).toEqual([7, 6, 5, 4, 3]);
    const third = await get(`page_size=5&before=${second.body.pagination.older}`);
    expect(third.body.data.map((e) => e.seq)).toEqual([2, 1]);
    expect(third.body.pagination).toMatchObject({ older: null, newer: expect.stringMatching(/^2\./) });
    // Back up: the 5 just newer than #2, then the newest page (fewer than 5 newer than #7 are left).
    const back = await get(`page_size=5&after=${third.body.pagination.newer}`);
    expect(back.body.data.map((e) => e.seq)).toEqual([7, 6, 5, 4, 3]);
    expect(back.body.pagination).toMatchObject({
      older: second.body.pagination.older,
      newer: `7.${Date.parse((back.body.data[0] as StoredEntry).at)}`,
    });
    const top = await get(`page_size=5&after=${back.body.pagination.newer}`);
    expect(top.body.data.map((e) => e.seq)).toEqual([12, 11, 10, 9, 8]);
    expect(top.body.pagination.newer).toBeNull();
  });

  it('lists the people who appear, by a fragment of the name or id', async () => {
    const people = async (q: string) =>
      ((await (await app.request(`/people?q=${q}`)).json()) as { data: { id: string }[] }).data.map(
        (p) => p.id,
      );
    expect(await people('ALICE')).toEqual(['u-alice']);
    expect(await people('u-')).toEqual(['u-bob', 'u-alice']); // by name: "=cmd|Bob" sorts before "alice admin"
    expect(await people('nobody')).toEqual([]);
    expect((await app.request('/people?limit=0')).status).toBe(400);
  });

  it.each([
    ['actor=u-bob', 4],
    ['actor=ALICE', 0], // an id, exact: a name fragment finds people (/people), not entries
    ['number=%2B44%207700%20900123', 11], // exact: the keyed hash of its E.164
    ['number=00', 1], // the last two digits (+1••••••••00)
    ['number=%E2%80%A2%E2%80%A223', 11], // "••23", as the masked form shows it
    ['action=number.reveal', 4],
    ['action=number.reveal,lookup&actor=u-bob', 4],
    ['contact_id=8a1b2c3d-aaaa-4bbb-8ccc-ddddeeeeffff', 12],
    ['from=2025-03-04&to=2025-03-04', 11], // one whole UTC day: 00:00–10:00 (the first entry is 23:00 the day before)
    ['from=2025-03-04T05:00:00Z&to=2025-03-04T07:00:00Z', 2],
  ])('filters: %s → %i', async (query, total) => {
    expect((await get(query)).body.pagination.total).toBe(total);
  });

  it.each([
    ['before=12', 'before'],
    ['after=1.999999999999999', 'after'], // past the year 9999
    ['page_size=501', 'page_size'],
    ['number=0123', 'number'], // neither a whole number nor the last two digits
    ['number=%2B', 'number'],
    ['action=delete_everything', 'action'],
    ['from=yesterday', 'from'],
  ])('refuses %s with 400 naming the parameter', async (query, param) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error?.param).toBe(param);
    expect(body.error?.message).toMatch(new RegExp(`^${param} must`));
  });
});

describe('GET /export.csv', () => {
  it('streams every match oldest first, spreadsheet-safe, and reports the export first', async () => {
    const response = await app.request('/export.csv?actor=u-bob');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = (await response.text()).split('\r\n').filter(Boolean);
    expect(rows[0]).toMatch(/^seq,at,action,outcome,actor_kind,actor_id,actor_name,/);
    expect(rows).toHaveLength(5);
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(['1', '2', '3', '4']);
    expect(rows[1]).toContain(`"'=cmd|Bob"`); // formula injection defused
    expect(rows[1]).toContain(`"'+44••••••••23"`);
    expect(exports).toEqual([{ filters: { actor: 'u-bob' }, rowCount: 4 }]);
  });

  it('exports more than one read batch', async () => {
    const big = new SqliteAuditStore(join(temp.dir, 'big.sqlite'));
    big.db.pragma('synchronous = OFF'); // 1,203 fsyncs would only slow the test
    const recorder = new AuditRecorder({ store: big, phoneKey: PHONE_KEY });
    for (let i = 0; i < 1203; i++) await recorder.record(sampleRecord('contact.open', i));
    const text = await (await auditRoutes({ store: big, phoneKey: PHONE_KEY }).request('/export.csv')).text();
    const rows = text.split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(1204);
    expect(rows.at(-1)?.split(',')[0]).toBe('1203');
    await big.close();
  });
});
