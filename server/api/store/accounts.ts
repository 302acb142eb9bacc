import type { Db } from './schema.ts';

export type AccountType = 'organization' | 'user' | 'profile';

export interface AccountRow {
  id: string;
  type: AccountType;
  name: string;
  organization_id: string | null;
  short_name: string | null;
  description: string | null;
  email: string | null;
  status: string | null;
  inherit_contacts: number;
  created_at: string;
}

export function selectAccounts(db: Db): AccountRow[] {
  return db.prepare('SELECT * FROM accounts ORDER BY created_at').all() as AccountRow[];
}

export function selectApiKeys(db: Db): { key: string; account_id: string }[] {
  return db.prepare('SELECT key, account_id FROM api_keys').all() as { key: string; account_id: string }[];
}

/** Each account's slot: which rowid range holds its contacts (see schema.ts). */
export function selectSlots(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT id, slot FROM accounts').all() as { id: string; slot: number }[];
  return new Map(rows.map((r) => [r.id, r.slot]));
}
