// Chains for the audit tests: a store's entries in chain order, and long valid chains of sample entries to
// write in one go (OpenedTrail.bulk) instead of one append each.
import { chainEntry, GENESIS_HASH, type StoredEntry } from '../audit/entry.ts';
import { AuditRecorder } from '../audit/recorder.ts';
import type { AuditStore, ChainRow } from '../audit/store.ts';
import { PHONE_KEY, sampleRecord } from './audit-stores.ts';

/** A store's entries in chain order (what verification reads). */
export async function* chainOf(store: AuditStore): AsyncGenerator<ChainRow> {
  let after = 0;
  for (;;) {
    const rows = await store.chainRows(after, Number.MAX_SAFE_INTEGER, 500);
    yield* rows;
    const last = rows.at(-1);
    if (!last) return;
    after = last.seq;
  }
}

/** `count` chained entries (sample lookups a minute apart from `startAt`), after `start` when given. */
export function chainOfSamples(
  count: number,
  startAt = '2025-03-04T10:00:00.000Z',
  start = { seq: 0, hash: GENESIS_HASH },
): StoredEntry[] {
  let clock = Date.parse(startAt);
  const recorder = new AuditRecorder({
    store: {} as AuditStore,
    phoneKey: PHONE_KEY,
    now: () => new Date(clock),
  });
  const entries: StoredEntry[] = [];
  let prev = start;
  for (let i = 0; i < count; i++) {
    const entry = chainEntry(prev.hash, prev.seq + 1, recorder.content(sampleRecord('lookup', prev.seq + 1)));
    entries.push(entry);
    prev = entry;
    clock += 60_000;
  }
  return entries;
}
