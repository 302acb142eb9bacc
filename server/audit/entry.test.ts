import { describe, expect, it } from 'vitest';
import { canonicalJson, chainEntry, contentOf, type EntryContent, entryHash, GENESIS_HASH } from './entry.ts';

const content: EntryContent = {
  at: '2025-03-04T10:00:00.000Z',
  action: 'lookup',
  outcome: 'hit',
  actor_kind: 'person',
  actor_id: 'u-1',
  actor_name: 'Ann',
  actor_role: 'agent',
  actor_groups: ['a'],
  profile_id: null,
  contact_id: null,
  phone_masked: '+44••••••••23',
  phone_hash: 'ab',
  request_id: 'r',
  client_address: '127.0.0.1',
  user_agent: 'ua',
  details: { z: 1, a: { y: [2, { c: 3, b: null }], x: 'é' } },
};

describe('canonical JSON', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('gives the same bytes whatever order the keys were written in', () => {
    const shuffled = Object.fromEntries(Object.entries(content).reverse()) as unknown as EntryContent;
    expect(canonicalJson(shuffled)).toBe(canonicalJson(content));
  });
});

describe('entry hash', () => {
  const hash = entryHash(GENESIS_HASH, 1, content);

  it('is sha256 hex and depends on the previous hash, the position and every field', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash('1'.repeat(64), 1, content)).not.toBe(hash);
    expect(entryHash(GENESIS_HASH, 2, content)).not.toBe(hash);
    expect(entryHash(GENESIS_HASH, 1, { ...content, actor_groups: ['a', 'b'] })).not.toBe(hash);
    expect(entryHash(GENESIS_HASH, 1, { ...content, details: { ...content.details, z: 2 } })).not.toBe(hash);
  });

  it('chains: an entry keeps its content and links to the previous hash', () => {
    const first = chainEntry(GENESIS_HASH, 1, content);
    const second = chainEntry(first.hash, 2, content);
    expect(first.hash).toBe(hash);
    expect(second.prev_hash).toBe(first.hash);
    expect(contentOf(second)).toEqual(content);
  });
});
