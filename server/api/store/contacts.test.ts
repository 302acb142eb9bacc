import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../demo.ts';
import { seedIfEmpty } from '../seed.ts';
import { ContactsStore } from './contacts.ts';
import { type Db, openDb } from './schema.ts';

let db: Db;
let store: ContactsStore;
const org = [DEMO_IDS.organization];

beforeAll(async () => {
  db = openDb(':memory:');
  await seedIfEmpty(db, { seed: 7, contactsPerProfile: 400 });
  store = new ContactsStore(db);
});
afterAll(() => db.close());

const bruteForce = (where: string, ...params: unknown[]) =>
  (
    db
      .prepare(`SELECT COUNT(*) AS n FROM contacts WHERE owner_id = ? AND ${where}`)
      .get(org[0], ...params) as {
      n: number;
    }
  ).n;

describe('ContactsStore (the query layer)', () => {
  it('maintained counts equal real counts, also after inserts and deletes', () => {
    expect(store.count({ ownerIds: org })).toBe(bruteForce('1'));
    expect(store.count({ ownerIds: org, channel: 'whatsapp' })).toBe(bruteForce('has_whatsapp = 1'));
    const [first] = store.list({ ownerIds: org }, 1, 0);
    if (!first) throw new Error('empty');
    store.delete(first.rid);
    expect(store.count({ ownerIds: org })).toBe(bruteForce('1'));
    store.insert(first);
    expect(store.count({ ownerIds: org })).toBe(bruteForce('1'));
    expect(store.count({ ownerIds: org, searchDigits: first.e164.slice(3, 9) })).toBeGreaterThanOrEqual(1);
  });

  it('trigram search equals a LIKE scan for long terms and is used by the query plan', () => {
    for (const term of ['201', '5550', '7400123', '49151']) {
      expect(store.count({ ownerIds: org, searchDigits: term })).toBe(
        bruteForce("search_digits LIKE '%' || ? || '%'", term),
      );
    }
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT COUNT(*) FROM contacts WHERE owner_id = ? AND rid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)',
      )
      .all(org[0], '"5550"') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/VIRTUAL TABLE INDEX/);
  });

  it('both search plans (few matches: sort them; many: walk the ordered index) give the exact page', () => {
    const [sample] = store.list({ ownerIds: org }, 1, 5);
    if (!sample) throw new Error('empty');
    const digits = sample.e164.slice(1);
    const common = digits.slice(0, 3); // country code and first digit: many matches, the index walk
    const rare = digits.slice(-7); // one match: the sort
    for (const term of [common, rare]) {
      for (const offset of [0, 20]) {
        const expected = db
          .prepare(
            `SELECT id FROM contacts WHERE owner_id = ? AND search_digits LIKE '%' || ? || '%'
             ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET ?`,
          )
          .all(org[0], term, offset) as { id: string }[];
        const got = store.list({ ownerIds: org, searchDigits: term }, 20, offset).map((r) => ({ id: r.id }));
        expect(got).toEqual(expected);
      }
    }
    expect(store.count({ ownerIds: org, searchDigits: rare })).toBe(1);
  });

  it('pages are ordered by created_at desc and use the owner index', () => {
    const rows = store.list({ ownerIds: org }, 50, 10);
    const dates = rows.map((r) => r.created_at);
    expect([...dates].sort().reverse()).toEqual(dates);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT * FROM contacts WHERE owner_id IN (?) ORDER BY created_at DESC, id DESC LIMIT 5',
      )
      .all(org[0]) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/contacts_by_owner/);
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
    const channelPlan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT * FROM contacts WHERE owner_id IN (?) AND has_whatsapp = 1 ORDER BY created_at DESC, id DESC LIMIT 5',
      )
      .all(org[0]) as { detail: string }[];
    expect(channelPlan.map((p) => p.detail).join(' ')).toMatch(/contacts_by_owner/);
    expect(channelPlan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
  });

  it('finds a number among own contacts before inherited ones', () => {
    const [orgContact] = store.list({ ownerIds: org }, 1, 0);
    if (!orgContact) throw new Error('empty');
    const found = store.findByE164([DEMO_IDS.pharmacyUs, DEMO_IDS.organization], orgContact.e164);
    expect(found?.id).toBe(orgContact.id);
    expect(store.findByE164([DEMO_IDS.labsDe], orgContact.e164)).toBeUndefined();
  });
});
