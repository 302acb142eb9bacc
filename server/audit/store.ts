// What an audit store does, whatever holds it (SQLite file, PostgreSQL). Each store is the ordering
// authority of its chain: `append` reads the newest hash and inserts the next entry in one serialized step.
import type { Action, ActorKind, EntryContent, StoredEntry } from './entry.ts';

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

/**
 * A stored row as verification reads it: the entry's columns with `actor_groups` and `details` as their stored
 * JSON text (hashing can then often skip parsing them; see chain-check.ts).
 */
export type ChainRow = Omit<StoredEntry, 'actor_groups' | 'details'> & {
  actor_groups: string;
  details: string;
};

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

/**
 * Query filter; every field narrows (AND). Each field is an equality an index serves (see plan.ts): a person
 * is chosen by id from `people` (a name fragment finds people, not entries), a number is its keyed hash or
 * the last two digits its masked form shows.
 */
export interface AuditFilter {
  /** Applied to every query, count and export besides the filters the reader chose (served like `profileId`). */
  visible?: AuditVisibility;
  /** Actor id, exact. */
  actor?: string;
  profileId?: string;
  contactId?: string;
  number?: { hash: string } | { lastTwo: string };
  actions?: readonly Action[];
  /** ISO times: from inclusive, to exclusive. */
  from?: string;
  to?: string;
}

/** A place in the newest-first order: entries are ordered by time, then by seq. */
export interface Cursor {
  at: string;
  seq: number;
}

/** One page: the newest entries, or those just older than `before`, or just newer than `after`. */
export interface PageRequest {
  pageSize: number;
  before?: Cursor;
  after?: Cursor;
}

/** Counts stop here: "more than 10,000" is all a screen needs, and never costs a scan of millions. */
export const COUNT_CAP = 10_000;

export interface AuditPage {
  /** Newest first. */
  entries: StoredEntry[];
  /** Matches of the whole filter (not just this page), at most COUNT_CAP. */
  total: number;
  /** False when there are more than `total` (COUNT_CAP) matches. */
  totalExact: boolean;
  /** Where the next older / newer page starts (the oldest / newest entry shown), null at the end. */
  older: Cursor | null;
  newer: Cursor | null;
}

/** Someone who appears in the trail: what the person filter chooses from. */
export interface AuditPerson {
  id: string;
  name: string | null;
  kind: ActorKind;
  role: string | null;
}

export interface AuditStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Chains `content` after the newest entry and stores it durably before resolving. */
  append(content: EntryContent): Promise<StoredEntry>;
  query(filter: AuditFilter, page: PageRequest): Promise<AuditPage>;
  /** Exact number of matches (for an export's own entry: it reads every match anyway). */
  countAll(filter: AuditFilter): Promise<number>;
  /**
   * People whose id or name contains `fragment` (case-insensitive); by name. Only those with entries the reader
   * may see (`visible`, as in AuditFilter).
   */
  people(fragment: string, limit: number, visible?: AuditVisibility): Promise<AuditPerson[]>;
  /** Matching entries oldest first (time, then seq), in index-served batches: the CSV export. */
  iterate(filter?: AuditFilter): AsyncIterable<StoredEntry>;
  /** Entries in chain order with seq in (after, upTo], at most `limit`: verification. */
  chainRows(after: number, upTo: number, limit: number): Promise<ChainRow[]>;
  /** The newest entry, or the checkpoint when retention removed every entry, or null for an empty trail. */
  head(): Promise<ChainHead | null>;
  checkpoint(): Promise<Checkpoint | null>;
  /** Deletes entries older than `before` (ISO), storing the sealed checkpoint; null when none was old enough. */
  prune(before: string, seal: Seal): Promise<Checkpoint | null>;
  close(): Promise<void>;
}
