import type { AccountRecord } from './accounts.ts';

/** Who is asking and which contacts they can see. */
export interface Scope {
  account: AccountRecord;
  /** The account the request acts as: the key's own account, or the profile named by x-profile-id. */
  acting: AccountRecord;
  /** Owners whose contacts are visible: the acting account, plus its organization when it inherits. */
  ownerIds: string[];
}

export interface AppEnv {
  Variables: { requestId: string; scope: Scope };
}
