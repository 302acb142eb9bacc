import { describe, expect, it } from 'vitest';
import { importRowKey, sha256Hex } from './imports';

const FILE = 'f'.repeat(64);

describe('importRowKey', () => {
  it('is the same for the same file, row and number (a retry or a re-run sends the same key)', async () => {
    const key = await importRowKey(FILE, 12, '+447400000001');
    expect(key).toBe(await importRowKey(FILE, 12, '+447400000001'));
    expect(key).toMatch(/^imp-[0-9a-f]{64}$/);
  });

  it('differs when the row, the number or the file changes', async () => {
    const key = await importRowKey(FILE, 12, '+447400000001');
    const others = await Promise.all([
      importRowKey(FILE, 13, '+447400000001'),
      importRowKey(FILE, 12, '+447400000002'),
      importRowKey('e'.repeat(64), 12, '+447400000001'),
    ]);
    expect(new Set([key, ...others]).size).toBe(4);
  });

  it('does not reveal the number, and fits the API key format', async () => {
    const key = await importRowKey(FILE, 2, '+447400000001');
    expect(key).not.toContain('447400000001');
    expect(key).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
  });
});

describe('sha256Hex', () => {
  it('hashes text and bytes alike', async () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(await sha256Hex('abc')).toBe(abc);
    expect(await sha256Hex(new TextEncoder().encode('abc') as Uint8Array<ArrayBuffer>)).toBe(abc);
  });
});
