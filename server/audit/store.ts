// What an audit store does, whatever holds it (SQLite file, PostgreSQL). Each store is the ordering
// authority of its chain: `append` reads the newest hash and inserts the next entry in one serialized step.
import type { Action, EntryContent, StoredEntry } from './entry.ts';

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Where the chain starts after retention deleted its oldest entries: the last deleted entry, sealed with the
 * anchor key's signature (the database cannot forge one, so it cannot move the start of the chain forward).
 */
export interface Checkpoint extends ChainHead {
  /** Time of the last deleted entry. */
  at: string;
  /** When the deletion ran (the seal's time). */
  pruned_at: string;
  /** Id of the key that sealed it and its signature (see anchor.ts, kind "checkpoint"). */
  key: string;
  sig: string;
}

/** Signs a checkpoint-to-be; called by `prune` inside its transaction. */
export type Seal = (last: ChainHead) => { at: string; key: string; sig: string };

/**
 * Which entries a reader may see at all (the gateway's decision: an admin sees the entries of their profiles;
 * entries of no profile, the organization's own, only with `organizationWide`). `'*'`: every entry.
 */
export interface AuditVisibility {
  profiles: readonly string[] | '*';
  organizationWide: boolean;
}

/** Query filter; every field narrows (AND). The number is resolved by the caller to its hash and/or mask. */
export interface AuditFilter {
  /** Applied to every query and export besides the filters the reader chose. */
  visible?: AuditVisibility;
  /** Actor id (exact) or a fragment of the actor's name (case-insensitive). */
  actor?: string;
  profileId?: string;
  contactId?: string;
  /** Exact number (HMAC of its E.164) OR a fragment of the masked form. */
  number?: { hash: string | null; maskedFragment: string | null };
  actions?: readonly Action[];
  /** ISO times: from inclusive, to exclusive. */
  from?: string;
  to?: string;
}

export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface AuditPage {
  /** Newest first. */
  entries: StoredEntry[];
  total: number;
}

export interface AuditStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Chains `content` after the newest entry and stores it durably before resolving. */
  append(content: EntryContent): Promise<StoredEntry>;
  query(filter: AuditFilter, page: PageRequest): Promise<AuditPage>;
  /** Entries in chain order (oldest first), read in batches: for verification and CSV export. */
  iterate(filter?: AuditFilter): AsyncIterable<StoredEntry>;
  /** The newest entry, or the checkpoint when retention removed every entry, or null for an empty trail. */
  head(): Promise<ChainHead | null>;
  checkpoint(): Promise<Checkpoint | null>;
  /** Deletes entries older than `before` (ISO), storing the sealed checkpoint; null when none was old enough. */
  prune(before: string, seal: Seal): Promise<Checkpoint | null>;
  close(): Promise<void>;
}
