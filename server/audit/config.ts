// Audit settings from the environment, read the same way by the gateway and by `npm run audit:verify`.
// Pure (env in, settings or error out); a bad value stops start-up with a message naming the setting.
import * as v from 'valibot';
import type { KeySource } from './keys.ts';

export interface AuditConfig {
  store: { kind: 'sqlite'; path: string; sync: SqliteSync } | { kind: 'postgres'; url: string };
  retentionDays: number;
  anchorIntervalMs: number;
  anchorFile: string;
  /** Where `audit:verify` notes the last anchor it verified (its --since-last starts there). */
  verifyState: string;
  signingKey: KeySource;
  phoneHashKey: KeySource;
}

/** full: each entry is fsynced before the request goes on; normal: survives a gateway crash, not a power cut. */
export type SqliteSync = 'full' | 'normal';

export class AuditConfigError extends Error {
  override name = 'AuditConfigError';
}

const whole = (min: number, max: number, fallback: number, unit: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, `must be a whole number of ${unit} from ${min} to ${max}`),
      v.transform(Number),
      v.minValue(min, `must be a whole number of ${unit} from ${min} to ${max}`),
      v.maxValue(max, `must be a whole number of ${unit} from ${min} to ${max}`),
    ),
    String(fallback),
  );

const path = (fallback: string) => v.optional(v.pipe(v.string(), v.minLength(1)), fallback);

const Settings = v.object({
  DATABASE_URL: v.optional(
    v.pipe(
      v.string(),
      v.check(
        (s) => URL.canParse(s) && /^postgres(ql)?:$/.test(new URL(s).protocol),
        'must be a postgres:// URL',
      ),
    ),
  ),
  AUDIT_DB: path('.data/audit.sqlite'),
  AUDIT_SQLITE_SYNC: v.optional(v.picklist(['full', 'normal'], 'must be full or normal'), 'full'),
  // PCI DSS 10.5.1 asks for 12 months; a little more covers a yearly review.
  AUDIT_RETENTION_DAYS: whole(1, 36_500, 400, 'days'),
  AUDIT_ANCHOR_INTERVAL_S: whole(1, 86_400, 60, 'seconds'),
  AUDIT_ANCHOR_FILE: path('.data/audit-anchors.jsonl'),
  AUDIT_VERIFY_STATE: path('.data/audit-verified.json'),
  AUDIT_SIGNING_KEY: v.optional(v.pipe(v.string(), v.includes('-----BEGIN', 'must be a PEM key'))),
  AUDIT_SIGNING_KEY_FILE: path('.data/audit-signing.key'),
  AUDIT_PHONE_HASH_KEY: v.optional(v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters'))),
  AUDIT_PHONE_HASH_KEY_FILE: path('.data/audit-phone-hash.key'),
});

const SECRETS = new Set(['DATABASE_URL', 'AUDIT_SIGNING_KEY', 'AUDIT_PHONE_HASH_KEY']);

export function parseAuditConfig(env: Record<string, string | undefined>): AuditConfig {
  // An empty variable means "not set".
  const given = Object.fromEntries(
    Object.keys(Settings.entries).flatMap((name) => (env[name]?.trim() ? [[name, env[name].trim()]] : [])),
  );
  const parsed = v.safeParse(Settings, given);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const name = issue.path?.[0]?.key as string | undefined;
    // Secrets (and a URL that may carry a password) are not echoed.
    const value = name && !SECRETS.has(name) ? ` (got "${given[name]}")` : '';
    throw new AuditConfigError(`${name ?? 'Audit setting'} ${issue.message}${value}.`);
  }
  const s = parsed.output;
  return {
    store: s.DATABASE_URL
      ? { kind: 'postgres', url: s.DATABASE_URL }
      : { kind: 'sqlite', path: s.AUDIT_DB, sync: s.AUDIT_SQLITE_SYNC },
    retentionDays: s.AUDIT_RETENTION_DAYS,
    anchorIntervalMs: s.AUDIT_ANCHOR_INTERVAL_S * 1000,
    anchorFile: s.AUDIT_ANCHOR_FILE,
    verifyState: s.AUDIT_VERIFY_STATE,
    signingKey: {
      value: s.AUDIT_SIGNING_KEY,
      file: s.AUDIT_SIGNING_KEY_FILE,
      names: { value: 'AUDIT_SIGNING_KEY', file: 'AUDIT_SIGNING_KEY_FILE' },
    },
    phoneHashKey: {
      value: s.AUDIT_PHONE_HASH_KEY,
      file: s.AUDIT_PHONE_HASH_KEY_FILE,
      names: { value: 'AUDIT_PHONE_HASH_KEY', file: 'AUDIT_PHONE_HASH_KEY_FILE' },
    },
  };
}
