// The SQLite schema and its life cycle: open (setting aside files of an older schema), bulk-load finish, meta.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { telUriFromInternational } from '../../../src/shared/telUri.ts';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, organization_id TEXT, short_name TEXT,
  description TEXT, email TEXT, status TEXT, inherit_contacts INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL,
  slot INTEGER NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS api_keys (key TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id));
-- rid = owner slot * 2^32 + n: each owner's contacts occupy one rowid range, so the trigram index can be
-- restricted to one owner by rowid alone (FTS5 filters doclists by rowid range without touching the table).
CREATE TABLE IF NOT EXISTS contacts (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL, owner_id TEXT NOT NULL, phone_number TEXT NOT NULL,
  e164 TEXT NOT NULL, intl TEXT NOT NULL, national TEXT NOT NULL, rfc TEXT NOT NULL, country_code TEXT NOT NULL,
  region_code TEXT NOT NULL, search_digits TEXT NOT NULL, has_sms INTEGER NOT NULL, has_whatsapp INTEGER NOT NULL,
  default_channel TEXT NOT NULL, opt_out INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT
);
-- Per-owner counts kept by triggers: a COUNT(*) over a million rows on every page would blow the latency budget.
CREATE TABLE IF NOT EXISTS owner_counts (
  owner_id TEXT PRIMARY KEY, total INTEGER NOT NULL, sms INTEGER NOT NULL, whatsapp INTEGER NOT NULL
);
-- Trigram index: "digits anywhere in the number" becomes an index lookup instead of a scan.
CREATE VIRTUAL TABLE IF NOT EXISTS contacts_fts USING fts5(
  search_digits, content='contacts', content_rowid='rid', tokenize='trigram'
);
`;

/** Built after the bulk load: building them once is much faster than maintaining them row by row. */
const INDEXES = `
CREATE UNIQUE INDEX IF NOT EXISTS contacts_id ON contacts(id);
-- One ordered index serves every list: the channel flags ride along, so a channel filter skips rows inside the
-- index (each channel covers well over half the contacts) instead of needing an index per channel.
CREATE INDEX IF NOT EXISTS contacts_by_owner ON contacts(owner_id, created_at DESC, id DESC, has_sms, has_whatsapp);
CREATE UNIQUE INDEX IF NOT EXISTS contacts_owner_e164 ON contacts(owner_id, e164);
CREATE TRIGGER IF NOT EXISTS contacts_ai AFTER INSERT ON contacts BEGIN
  INSERT INTO contacts_fts(rowid, search_digits) VALUES (new.rid, new.search_digits);
  INSERT INTO owner_counts(owner_id, total, sms, whatsapp) VALUES (new.owner_id, 1, new.has_sms, new.has_whatsapp)
    ON CONFLICT(owner_id) DO UPDATE SET total = total + 1, sms = sms + new.has_sms,
      whatsapp = whatsapp + new.has_whatsapp;
END;
CREATE TRIGGER IF NOT EXISTS contacts_ad AFTER DELETE ON contacts BEGIN
  INSERT INTO contacts_fts(contacts_fts, rowid, search_digits) VALUES ('delete', old.rid, old.search_digits);
  UPDATE owner_counts SET total = total - 1, sms = sms - old.has_sms, whatsapp = whatsapp - old.has_whatsapp
    WHERE owner_id = old.owner_id;
END;
`;

/**
 * Bumped whenever the schema or the generated data changes shape. An older file is upgraded in place by the
 * MIGRATIONS from its version on (keeping the user's edits); one that cannot be is set aside.
 */
export const SCHEMA_VERSION = 3;
export const SLOT_SIZE = 2 ** 32;

/** MIGRATIONS[n] upgrades a version-n file to n + 1. */
const MIGRATIONS: Readonly<Record<number, (db: Db) => void>> = {
  // format_rfc with the international groups hyphenated ("tel:+1-202-204-9715"), as Sent and Google's
  // libphonenumber write it, instead of libphonenumber-js's "tel:+12022049715".
  2: (db) => {
    db.function('tel_uri_from_international', { deterministic: true }, (intl) =>
      telUriFromInternational(String(intl)),
    );
    db.exec('UPDATE contacts SET rfc = tel_uri_from_international(intl)');
  },
};

/** Runs the migrations from `version` to SCHEMA_VERSION in one transaction; false if one is missing. */
function migrate(db: Db, version: number): boolean {
  if (version > SCHEMA_VERSION) return false; // made by a newer version: never relabel it as ours
  const steps: ((db: Db) => void)[] = [];
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return false;
    steps.push(step);
  }
  db.transaction(() => {
    for (const step of steps) step(db);
  })();
  if (steps.length)
    console.warn(`[api] upgraded the data file from version ${version} to ${SCHEMA_VERSION}.`);
  return true;
}

export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db = new Database(path);
  const version = db.pragma('user_version', { simple: true }) as number;
  const empty = !db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'contacts'").get();
  if (!empty && version !== SCHEMA_VERSION && path !== ':memory:' && !migrate(db, version)) {
    db.close();
    const aside = `${path}.v${version}-${Date.now()}`;
    renameSync(path, aside);
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
    console.warn(`[api] ${path} was made by an older version; moved it to ${aside} and seeding afresh.`);
    db = new Database(path);
  }
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  db.exec(SCHEMA);
  return db;
}

/** Indexes, derived counts and the search index, after a bulk load of contacts. */
export function finishBulkLoad(db: Db, phase: (name: string) => void = () => {}): void {
  db.exec(`INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild');`);
  phase('trigram search index');
  db.exec(`INSERT OR REPLACE INTO owner_counts(owner_id, total, sms, whatsapp)
    SELECT owner_id, COUNT(*), SUM(has_sms), SUM(has_whatsapp) FROM contacts GROUP BY owner_id;`);
  db.exec(INDEXES);
  // Sampled statistics: enough for the planner, seconds cheaper than a full ANALYZE on a million rows.
  db.exec('PRAGMA analysis_limit = 1000; ANALYZE;');
  phase('b-tree indexes, counts, ANALYZE');
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run(key, value);
}
