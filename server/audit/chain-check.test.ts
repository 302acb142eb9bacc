// Hashing a stored row without parsing its JSON columns gives exactly the bytes entryHash covers (so the
// fast path is the one taken), a row written by the old code (JSON not in canonical order) still holds
// through the slow path, and a changed row does not.
import { describe, expect, it } from 'vitest';
import { EVERY_ACTION, PHONE_KEY, sampleRecord } from '../testing/audit-stores.ts';
import { canonicalRowText, rowHolds } from './chain-check.ts';
import { canonicalJson, chainEntry, GENESIS_HASH, type StoredEntry } from './entry.ts';
import { AuditRecorder } from './recorder.ts';
import type { ChainRow } from './store.ts';

const recorder = new AuditRecorder({ store: {} as never, phoneKey: PHONE_KEY });
const stored = (entry: StoredEntry, json = canonicalJson): ChainRow => ({
  ...entry,
  actor_groups: json(entry.actor_groups),
  details: json(entry.details),
});

describe('hashing stored rows', () => {
  it.each(EVERY_ACTION)('%s: the stored text is the canonical content', (action) => {
    const content = recorder.content({ ...sampleRecord(action), userAgent: 'Émile "quoted" \\ agent\u0001' });
    expect(canonicalRowText(stored(chainEntry(GENESIS_HASH, 1, content)))).toBe(canonicalJson(content));
  });

  it('a row stored with its JSON in another key order holds; a changed one does not', () => {
    const entry = chainEntry(GENESIS_HASH, 7, recorder.content(sampleRecord('contact.edit')));
    const old = stored(entry, (value) => JSON.stringify(value)); // {"before":…,"after":…}
    expect(old.details).not.toBe(canonicalJson(entry.details));
    expect(rowHolds(old)).toBe(true);
    expect(rowHolds({ ...old, details: '{"before":{"opt_out":true},"after":{"opt_out":true}}' })).toBe(false);
    expect(rowHolds({ ...old, details: 'not json' })).toBe(false);
    expect(rowHolds({ ...stored(entry), outcome: 'denied' })).toBe(false);
    expect(rowHolds(entry)).toBe(true);
  });
});
