// Settings and keys: defaults, bad values stopping start-up by name, keys generated once and reused.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/audit-stores.ts';
import { AuditConfigError, parseAuditConfig } from './config.ts';
import { AuditKeyError, type KeySource, loadPhoneHashKey, loadSigningKey, loadVerifyKey } from './keys.ts';

describe('audit settings', () => {
  it('defaults to SQLite under .data/, 400 days, an anchor a minute, keys in .data/', () => {
    const config = parseAuditConfig({ AUDIT_RETENTION_DAYS: '' });
    expect(config).toMatchObject({
      store: { kind: 'sqlite', path: '.data/audit.sqlite', sync: 'full' },
      retentionDays: 400,
      anchorIntervalMs: 60_000,
      anchorFile: '.data/audit-anchors.jsonl',
      signingKey: { value: undefined, file: '.data/audit-signing.key' },
      phoneHashKey: { value: undefined, file: '.data/audit-phone-hash.key' },
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const url = 'postgresql://audit@db.internal:5432/console';
    expect(parseAuditConfig({ DATABASE_URL: url, AUDIT_RETENTION_DAYS: '365' })).toMatchObject({
      store: { kind: 'postgres', url },
      retentionDays: 365,
    });
  });

  it.each([
    [
      'AUDIT_RETENTION_DAYS',
      'a year',
      /^AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 36500 \(got "a year"\)\.$/,
    ],
    ['AUDIT_RETENTION_DAYS', '0', /^AUDIT_RETENTION_DAYS must be a whole number of days/],
    ['AUDIT_SQLITE_SYNC', 'off', /^AUDIT_SQLITE_SYNC must be full or normal \(got "off"\)\.$/],
    ['AUDIT_ANCHOR_INTERVAL_S', '1.5', /^AUDIT_ANCHOR_INTERVAL_S must be a whole number of seconds/],
    ['DATABASE_URL', 'mysql://root:hunter2@db/x', /^DATABASE_URL must be a postgres:\/\/ URL\.$/],
    ['AUDIT_SIGNING_KEY', 'hunter2', /^AUDIT_SIGNING_KEY must be a PEM key\.$/],
    ['AUDIT_PHONE_HASH_KEY', 'short', /^AUDIT_PHONE_HASH_KEY must be at least 32 characters\.$/],
  ])('a bad %s stops start-up, naming it (secrets are not echoed)', (name, value, message) => {
    expect(() => parseAuditConfig({ [name]: value })).toThrow(AuditConfigError);
    expect(() => parseAuditConfig({ [name]: value })).toThrow(message);
  });
});

describe('audit keys', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  const source = (file: string, value?: string): KeySource => ({
    value,
    file: join(temp.dir, file),
    names: { value: 'AUDIT_SIGNING_KEY', file: 'AUDIT_SIGNING_KEY_FILE' },
  });

  it('generates the signing key into its file (0600) on first start and reads the same key after', () => {
    expect(loadSigningKey(source('sign.key'), false)).toBeNull();
    const first = loadSigningKey(source('sign.key'), true);
    expect(statSync(join(temp.dir, 'sign.key')).mode & 0o777).toBe(0o600);
    expect(loadSigningKey(source('sign.key'), true)?.keyId).toBe(first?.keyId);
    // The verifier needs only the public half.
    const publicPem = first?.publicKey.export({ type: 'spki', format: 'pem' }).toString() ?? '';
    writeFileSync(join(temp.dir, 'public.pem'), publicPem);
    expect(loadVerifyKey(source('public.pem'))?.keyId).toBe(first?.keyId);
  });

  it('takes a PEM from the setting, with "\\n" written literally', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(
      loadSigningKey(source('unused.key', pem.replace(/\n/g, '\\n')), true)?.privateKey.asymmetricKeyType,
    ).toBe('ed25519');
  });

  it('refuses a key that is not Ed25519, naming where it came from', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(() => loadSigningKey(source('x', rsa.toString()), true)).toThrow(
      /^AUDIT_SIGNING_KEY must be an Ed25519 key, got rsa\.$/,
    );
    writeFileSync(join(temp.dir, 'junk.key'), 'junk');
    expect(() => loadSigningKey(source('junk.key'), true)).toThrow(AuditKeyError);
    expect(() => loadSigningKey(source('junk.key'), true)).toThrow(
      /AUDIT_SIGNING_KEY_FILE \(.*junk\.key\) is not a PEM/,
    );
  });

  it('generates the number key once (64 hex digits) and refuses a short one', () => {
    const key = loadPhoneHashKey(source('phone.key'), true);
    expect(readFileSync(join(temp.dir, 'phone.key'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(loadPhoneHashKey(source('phone.key'), true)?.equals(key as Buffer)).toBe(true);
    expect(() => loadPhoneHashKey(source('x', 'short'), true)).toThrow(/at least 32 characters/);
  });
});
