// Attack class: the audit trail wider than the data (issue 20, item 5). An admin of one profile read and exported
// every profile's entries, and could test whether a number had been seen in another profile. Now the Activity
// query, its CSV and "who has seen this contact" (?contact_id=) show an admin the entries of their profiles;
// entries of no profile (sign-ins, the organization's own scope) only to admins of every profile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../api/demo.ts';
import type { StoredEntry } from '../../audit/entry.ts';
import { type Console, startConsole } from '../../testing/security/console.ts';
import { SAME_ORIGIN, send } from '../../testing/security/http.ts';
import { DEMO_ORG_KEY } from '../config.ts';

const UK = DEMO_IDS.clinicsUk;
const US = DEMO_IDS.pharmacyUs;

let con: Console;
const contacts: Record<string, { id: string; phone_number: string }> = {};

async function firstContact(profile: string) {
  const res = await con.api.fetch(
    new Request('http://api.test/v3/contacts?page=1&page_size=1', {
      headers: { 'x-api-key': DEMO_ORG_KEY, 'x-profile-id': profile },
    }),
  );
  return ((await res.json()) as { data: { contacts: [{ id: string; phone_number: string }] } }).data
    .contacts[0];
}

async function as(who: 'admin' | 'agent' | 'ukAdmin', path: string, headers: Record<string, string> = {}) {
  return send(con.url, path, { headers: { ...SAME_ORIGIN, cookie: await con.cookieOf(who), ...headers } });
}

const lookup = (phone: string) => `/v3/contacts?page=1&page_size=1&phone=${encodeURIComponent(phone)}`;

beforeAll(async () => {
  con = await startConsole('oidc');
  contacts.uk = await firstContact(UK);
  contacts.us = await firstContact(US);
  // Entries in Clinics UK, in Pharmacy US, in the organization's own scope, and sign-ins (no profile).
  await as('agent', lookup(contacts.uk.phone_number), { 'x-profile-id': UK });
  await as('admin', lookup(contacts.us.phone_number), { 'x-profile-id': US });
  await as('admin', `/v3/contacts/${contacts.us.id}`, { 'x-profile-id': US });
  await as('admin', lookup(contacts.us.phone_number));
  await con.cookieOf('ukAdmin');
});
afterAll(() => con.close());

const dataOf = (json: Record<string, unknown>) => (json.data ?? []) as StoredEntry[];

describe('an admin of Clinics UK reads the trail of Clinics UK only (an admin of all, all of it)', () => {
  it('the Activity query: their profile, nothing of another profile nor of no profile', async () => {
    const all = await con.entries();
    expect(all.some((e) => e.profile_id === US)).toBe(true);
    expect(all.some((e) => e.profile_id === null)).toBe(true);
    const res = await as('ukAdmin', '/__audit?page_size=500');
    expect(res.status).toBe(200);
    const seen = dataOf(res.json);
    expect(seen.map((e) => e.profile_id)).toEqual(all.filter((e) => e.profile_id === UK).map(() => UK));
    expect(seen.length).toBeGreaterThan(0);
    expect((res.json.pagination as { total: number }).total).toBe(seen.length);
    // An admin of every profile still reads every entry.
    const everything = dataOf((await as('admin', '/__audit?page_size=500')).json);
    expect(everything.length).toBeGreaterThanOrEqual(all.length);
    expect(everything.some((e) => e.action === 'session.sign_in')).toBe(true);
  });

  it('filters cannot reach past it: another profile, its contact, its number', async () => {
    for (const query of [
      `profile_id=${US}`,
      `contact_id=${contacts.us?.id}`,
      `number=${encodeURIComponent(contacts.us?.phone_number ?? '')}`,
      'action=session.sign_in',
      `number=${(contacts.us?.phone_number ?? '').slice(-2)}&profile_id=${US}`,
    ]) {
      const res = await as('ukAdmin', `/__audit?page_size=500&${query}`);
      expect([res.status, dataOf(res.json)], query).toEqual([200, []]);
    }
  });

  it('the CSV export holds the same entries', async () => {
    const csv = await as('ukAdmin', '/__audit/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain(US);
    expect(csv.text).not.toContain('session.sign_in');
    expect(csv.text).toContain(UK);
  });

  it("an export can be announced only in one's own profiles", async () => {
    const res = await send(con.url, '/__audit/exports', {
      method: 'POST',
      headers: { ...SAME_ORIGIN, cookie: await con.cookieOf('ukAdmin'), 'content-type': 'application/json' },
      body: JSON.stringify({ filters: {}, profile_id: US }),
    });
    expect(res.status).toBe(403);
  });
});

describe('the people directory, counts and page cursors say nothing past it either', () => {
  const pagination = (json: Record<string, unknown>) =>
    json.pagination as { total: number; total_exact: boolean; older: string | null; newer: string | null };
  const ukActors = async () =>
    [...new Set((await con.entries()).filter((e) => e.profile_id === UK).map((e) => e.actor_id))].sort();

  it('people: only those with entries in their profiles, whatever the fragment', async () => {
    const all = await con.entries();
    const elsewhere = all.filter((e) => !all.some((m) => m.profile_id === UK && m.actor_id === e.actor_id));
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const q of [
      '',
      '%',
      '_',
      ...elsewhere.map((e) => e.actor_id),
      ...elsewhere.map((e) => e.actor_name ?? ''),
    ]) {
      const res = await as('ukAdmin', `/__audit/people?limit=100&q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      const ids = (res.json.data as { id: string }[]).map((p) => p.id);
      expect(
        ids.every((id) => !elsewhere.some((e) => e.actor_id === id)),
        q,
      ).toBe(true);
    }
    const everyone = await as('ukAdmin', '/__audit/people?limit=100');
    expect((everyone.json.data as { id: string }[]).map((p) => p.id).sort()).toEqual(await ukActors());
  });

  it("counts: another person's or profile's entries count as none", async () => {
    const others = (await con.entries()).filter((e) => e.profile_id !== UK);
    for (const query of [
      ...new Set(others.map((e) => `actor=${encodeURIComponent(e.actor_id)}`)),
      `profile_id=${US.toUpperCase()}`,
    ]) {
      const res = await as('ukAdmin', `/__audit?page_size=1&${query}`);
      const page = pagination(res.json);
      expect(
        [dataOf(res.json).every((e) => e.profile_id === UK), page.total, page.older, page.newer],
        query,
      ).toEqual([true, dataOf(res.json).length, null, null]);
    }
  });

  it('cursors: a page made up to start among other profiles pages through theirs only', async () => {
    const all = await con.entries();
    const mine = all.filter((e) => e.profile_id === UK).map((e) => e.seq);
    const seen: number[] = [];
    for (const other of all.filter((e) => e.profile_id !== UK)) {
      for (const side of ['before', 'after']) {
        const res = await as('ukAdmin', `/__audit?page_size=1&${side}=${other.seq}.${Date.parse(other.at)}`);
        expect(res.status).toBe(200);
        seen.push(...dataOf(res.json).map((e) => e.seq));
        const { older, newer } = pagination(res.json);
        // A link names an entry of theirs (the one shown), never one of the others'.
        for (const link of [older, newer].filter((l): l is string => l !== null))
          expect(mine).toContain(Number(link.split('.')[0]));
      }
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((seq) => mine.includes(seq))).toBe(true);
  });
});
