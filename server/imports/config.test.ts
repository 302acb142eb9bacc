import { describe, expect, it } from 'vitest';
import { ImportsConfigError, parseImportsConfig } from './config.ts';

describe('import settings', () => {
  it('keeps jobs beside the audit trail', () => {
    expect(parseImportsConfig({})).toEqual({
      store: { kind: 'sqlite', path: '.data/imports.sqlite' },
      leaseMs: 15_000,
    });
    expect(parseImportsConfig({ AUDIT_DB: '/var/lib/sent/audit.sqlite' }).store).toEqual({
      kind: 'sqlite',
      path: '/var/lib/sent/imports.sqlite',
    });
    expect(parseImportsConfig({ AUDIT_DB: ':memory:' }).store).toEqual({ kind: 'sqlite', path: ':memory:' });
    const url = 'postgres://gw@db.internal/sent';
    expect(parseImportsConfig({ DATABASE_URL: url }).store).toEqual({ kind: 'postgres', url });
  });

  it('reads IMPORT_LEASE_MS', () => {
    expect(parseImportsConfig({ IMPORT_LEASE_MS: '30000' }).leaseMs).toBe(30_000);
  });

  it.each(['soon', '500', '1500.5', '-1'])('stops start-up on IMPORT_LEASE_MS=%s, naming it', (value) => {
    expect(() => parseImportsConfig({ IMPORT_LEASE_MS: value })).toThrow(
      new ImportsConfigError(
        `IMPORT_LEASE_MS must be a whole number of milliseconds ≥ 1000, got "${value}".`,
      ),
    );
  });

  it('names a bad audit setting too (the store goes where the trail is)', () => {
    expect(() => parseImportsConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /^DATABASE_URL must be a postgres/,
    );
  });
});
