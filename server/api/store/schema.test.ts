import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { telUriFromInternational } from '../../../src/shared/telUri.ts';
import { testTempDir } from '../../testing/temp-root.ts';
import { seedIfEmpty } from '../seed.ts';
import { type Db, openDb, SCHEMA_VERSION } from './schema.ts';

let dir: string;
let path: string;
beforeEach(() => {
  dir = testTempDir('sent-db-');
  path = join(dir, 'contacts.sqlite');
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

interface Row {
  id: string;
  intl: string;
  rfc: string;
  opt_out: number;
}
const rows = (db: Db) =>
  db.prepare('SELECT id, intl, rfc, opt_out FROM contacts ORDER BY rid').all() as Row[];

/** A data file as version 2 wrote it: format_rfc as libphonenumber-js's getURI() ("tel:+12022049715"). */
async function versionTwoFile(): Promise<{ edited: string; optOut: number }> {
  const db = openDb(path);
  await seedIfEmpty(db, { seed: 7, contactsPerProfile: 20 });
  db.exec(`UPDATE contacts SET rfc = 'tel:' || e164; PRAGMA user_version = 2;`);
  const [first] = rows(db);
  if (!first) throw new Error('no contacts seeded');
  db.prepare('UPDATE contacts SET opt_out = 1 - opt_out WHERE id = ?').run(first.id); // a user's edit
  db.close();
  return { edited: first.id, optOut: 1 - first.opt_out };
}

describe('openDb on an older data file', () => {
  it('upgrades version 2 in place: format_rfc hyphenated like Sent, edits kept', async () => {
    const before = await versionTwoFile();
    const db = openDb(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const upgraded = rows(db);
    expect(upgraded.length).toBeGreaterThan(20);
    for (const row of upgraded) expect(row.rfc).toBe(telUriFromInternational(row.intl));
    expect(upgraded.some((row) => /^tel:\+\d+-\d/.test(row.rfc))).toBe(true);
    expect(upgraded.find((row) => row.id === before.edited)?.opt_out).toBe(before.optOut);
    db.close();
    // Nothing was set aside: the user's file is the one in use.
    expect(readdirSync(dir).filter((name) => name.includes('.v2-'))).toEqual([]);
  });

  it('sets aside a file of a version it cannot upgrade, and starts empty', async () => {
    await versionTwoFile();
    const db = openDb(path);
    db.pragma('user_version = 1');
    db.close();
    const fresh = openDb(path);
    expect(rows(fresh)).toEqual([]);
    fresh.close();
    expect(readdirSync(dir).some((name) => name.startsWith('contacts.sqlite.v1-'))).toBe(true);
  });
});
