// A throw-away audit trail for tests, e2e, benchmarks and screenshots: SQLite (or the PostgreSQL URL given)
// with its keys and anchor file in a temp dir that close() removes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAuditConfig } from '../audit/config.ts';
import { startGatewayAudit } from '../gateway/audit/start.ts';
import type { GatewayAudit } from '../gateway/audit/trail.ts';

export interface TempAudit {
  audit: GatewayAudit;
  dir: string;
  close(): Promise<void>;
}

export async function startTempAudit(
  options: { databaseUrl?: string; sync?: 'full' | 'normal' } = {},
): Promise<TempAudit> {
  const dir = mkdtempSync(join(tmpdir(), 'sent-audit-'));
  const config = parseAuditConfig({
    DATABASE_URL: options.databaseUrl,
    AUDIT_DB: join(dir, 'audit.sqlite'),
    AUDIT_SQLITE_SYNC: options.sync ?? 'normal',
    AUDIT_ANCHOR_FILE: join(dir, 'anchors.jsonl'),
    AUDIT_SIGNING_KEY_FILE: join(dir, 'signing.key'),
    AUDIT_PHONE_HASH_KEY_FILE: join(dir, 'phone-hash.key'),
  });
  const audit = await startGatewayAudit(config, { sweepEveryMs: 0 });
  return {
    audit,
    dir,
    async close() {
      await audit.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
