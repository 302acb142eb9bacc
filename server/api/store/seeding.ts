// The writes of a first seed: accounts with their keys, then contacts in large batches.
import type { AccountRecord } from '../accounts.ts';
import { INSERT_CONTACT_SQL } from './contacts.ts';
import type { Db } from './schema.ts';

/** Inserts the accounts (each in its rowid slot) and their keys in one transaction. */
export function insertAccounts(
  db: Db,
  accounts: readonly AccountRecord[],
  keys: Record<string, string>,
  slots: Map<string, number>,
): void {
  const insertAccount = db.prepare(`INSERT INTO accounts (id, type, name, organization_id, short_name,
    description, email, status, inherit_contacts, created_at, slot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertKey = db.prepare('INSERT INTO api_keys (key, account_id) VALUES (?, ?)');
  db.transaction(() => {
    for (const a of accounts) {
      insertAccount.run(
        a.id,
        a.type,
        a.name,
        a.organizationId,
        a.shortName,
        a.description,
        a.email,
        a.status,
        a.inheritContacts ? 1 : 0,
        a.createdAt,
        slots.get(a.id),
      );
    }
    for (const [key, accountId] of Object.entries(keys)) insertKey.run(key, accountId);
  })();
}

/** A writer of batches of contact value rows (see generator.ts rowValues), one transaction per batch. */
export function contactBatchWriter(db: Db): (rows: unknown[][]) => void {
  const insert = db.prepare(INSERT_CONTACT_SQL);
  return db.transaction((rows: unknown[][]) => {
    for (const values of rows) insert.run(...values);
  });
}

/** A fresh seed can be rebuilt from scratch, so durability is not needed until it is done. */
export function setDurable(db: Db, durable: boolean): void {
  db.pragma(`synchronous = ${durable ? 'NORMAL' : 'OFF'}`);
}
