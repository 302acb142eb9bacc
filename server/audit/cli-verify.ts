// `npm run audit:verify`: checks the trail the gateway's settings name (AUDIT_DB or DATABASE_URL, the anchor
// file, the anchor key: private, or just its public half) and exits 0 when the chain and every anchor hold,
// 1 naming the first bad entry or anchor, 2 when it cannot check (bad setting, unreadable key).
import { existsSync } from 'node:fs';
import { readAnchors } from './anchor.ts';
import { parseAuditConfig } from './config.ts';
import { loadVerifyKey } from './keys.ts';
import { openAuditStore } from './service.ts';
import { verifyTrail } from './verify.ts';

export interface VerifyReport {
  code: 0 | 1 | 2;
  message: string;
}

export async function runVerify(env: Record<string, string | undefined>): Promise<VerifyReport> {
  let config: ReturnType<typeof parseAuditConfig>;
  let key: ReturnType<typeof loadVerifyKey>;
  try {
    config = parseAuditConfig(env);
    key = loadVerifyKey(config.signingKey);
  } catch (error) {
    return { code: 2, message: `Cannot verify: ${(error as Error).message}` };
  }
  const anchors = readAnchors(config.anchorFile);
  const where = config.store.kind === 'sqlite' ? config.store.path : 'PostgreSQL (DATABASE_URL)';
  if (config.store.kind === 'sqlite' && !existsSync(config.store.path)) {
    return anchors.length
      ? {
          code: 1,
          message: `Audit trail BROKEN: ${where} is missing, but ${config.anchorFile} anchors entries.`,
        }
      : { code: 0, message: `No audit trail yet (${where}).` };
  }
  if (anchors.length && !key) {
    return {
      code: 2,
      message: `Cannot verify the anchors in ${config.anchorFile}: no anchor key (set AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE).`,
    };
  }
  const store = await openAuditStore(config);
  try {
    const result = await verifyTrail({
      entries: store.iterate(),
      checkpoint: await store.checkpoint(),
      anchors,
      keys: key ? [key] : [],
    });
    if (!result.ok) {
      const first = result.firstBadSeq === null ? '' : ` First bad entry: #${result.firstBadSeq}.`;
      return { code: 1, message: `Audit trail BROKEN (${where}): ${result.message}${first}` };
    }
    const range = result.head ? `newest #${result.head.seq}` : 'empty';
    const start = result.start ? `, starts after checkpoint #${result.start.seq}` : '';
    const before = result.anchorsBeforeCheckpoint
      ? ` (${result.anchorsBeforeCheckpoint} older than the checkpoint)`
      : '';
    return {
      code: 0,
      message: `Audit trail OK (${where}): ${result.entries} entries, ${range}${start}; ${result.anchorsChecked} anchors hold${before}.`,
    };
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await runVerify(process.env);
  (report.code === 0 ? console.log : console.error)(report.message);
  process.exitCode = report.code;
}
