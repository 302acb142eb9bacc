import type { AccountType } from './store/accounts.ts';
import { selectAccounts, selectApiKeys } from './store/accounts.ts';
import type { Db } from './store/schema.ts';

export type { AccountType };

export interface AccountRecord {
  id: string;
  type: AccountType;
  name: string;
  organizationId: string | null;
  shortName: string | null;
  description: string | null;
  email: string | null;
  status: string | null;
  inheritContacts: boolean;
  createdAt: string;
}

export interface AccountDirectory {
  byKey(key: string): AccountRecord | undefined;
  byId(id: string): AccountRecord | undefined;
  profilesOf(organizationId: string): AccountRecord[];
}

/** Accounts and keys never change while the API runs, so they are read once and looked up in memory. */
export function loadAccounts(db: Db): AccountDirectory {
  const rows = selectAccounts(db);
  const byId = new Map<string, AccountRecord>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        type: r.type,
        name: r.name,
        organizationId: r.organization_id,
        shortName: r.short_name,
        description: r.description,
        email: r.email,
        status: r.status,
        inheritContacts: r.inherit_contacts === 1,
        createdAt: r.created_at,
      },
    ]),
  );
  const keys = selectApiKeys(db);
  const byKey = new Map(keys.map((k) => [k.key, byId.get(k.account_id)]));
  return {
    byKey: (key) => byKey.get(key),
    byId: (id) => byId.get(id),
    profilesOf: (organizationId) =>
      [...byId.values()].filter((a) => a.type === 'profile' && a.organizationId === organizationId),
  };
}
