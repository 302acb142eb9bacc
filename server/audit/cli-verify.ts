// `npm run audit:verify [-- --since-last]`: checks the trail the gateway's settings name (AUDIT_DB or
// DATABASE_URL, the anchor file, the anchor key: private, or just its public half) and exits 0 when the chain
// and every anchor hold, 1 naming the first bad entry or anchor, 2 when it cannot check (bad setting,
// unreadable key). It says how fast it checked. `--since-last` starts from the newest anchor the last run
// verified (AUDIT_VERIFY_STATE) and checks only what came after it: a nightly check of a day's entries.
import { existsSync, statSync } from 'node:fs';
import { readAnchors } from './anchor.ts';
import { parseAuditConfig } from './config.ts';
import { loadVerifyKey } from './keys.ts';
import { openAuditStore } from './service.ts';
import { runVerification, type VerifyRunOptions } from './verify-run.ts';
import { incrementalStart, rememberVerified } from './verify-state.ts';

export interface VerifyReport {
  code: 0 | 1 | 2;
  message: string;
}

export interface VerifyCliOptions {
  sinceLast?: boolean;
  run?: VerifyRunOptions;
}

export async function runVerify(
  env: Record<string, string | undefined>,
  options: VerifyCliOptions = {},
): Promise<VerifyReport> {
  let config: ReturnType<typeof parseAuditConfig>;
  let key: ReturnType<typeof loadVerifyKey>;
  try {
    config = parseAuditConfig(env);
    key = loadVerifyKey(config.signingKey);
  } catch (error) {
    return { code: 2, message: `Cannot verify: ${(error as Error).message}` };
  }
  const anchored = existsSync(config.anchorFile) && statSync(config.anchorFile).size > 0;
  const where = config.store.kind === 'sqlite' ? config.store.path : 'PostgreSQL (DATABASE_URL)';
  if (config.store.kind === 'sqlite' && !existsSync(config.store.path)) {
    return anchored
      ? {
          code: 1,
          message: `Audit trail BROKEN: ${where} is missing, but ${config.anchorFile} anchors entries.`,
        }
      : { code: 0, message: `No audit trail yet (${where}).` };
  }
  const keys = key ? [key] : [];
  if (anchored && !key) {
    return {
      code: 2,
      message: `Cannot verify the anchors in ${config.anchorFile}: no anchor key (set AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE).`,
    };
  }
  const incremental = options.sinceLast
    ? incrementalStart(config.verifyState, config.anchorFile, keys)
    : null;
  // An incremental run reads only the anchor file's tail.
  const anchors = incremental?.anchors ?? readAnchors(config.anchorFile);
  const store = await openAuditStore(config);
  try {
    const result = await runVerification(
      {
        store,
        source: config.store.kind === 'sqlite' ? config.store : { kind: 'postgres', url: config.store.url },
        anchors,
        keys,
        since: incremental?.since,
      },
      options.run,
    );
    if (!result.ok) {
      const first = result.firstBadSeq === null ? '' : ` First bad entry: #${result.firstBadSeq}.`;
      return { code: 1, message: `Audit trail BROKEN (${where}): ${result.message}${first}` };
    }
    rememberVerified(config.verifyState, config.anchorFile, anchors, new Date());
    const range = result.head ? `newest #${result.head.seq}` : 'empty';
    const start = result.start ? `, starts after checkpoint #${result.start.seq}` : '';
    const before = result.anchorsBeforeCheckpoint
      ? ` (${result.anchorsBeforeCheckpoint} older than the checkpoint)`
      : '';
    const what = incremental
      ? `${result.entries} new entries since the anchor of entry #${incremental.since.seq} (line ${incremental.since.line})`
      : `${result.entries} entries`;
    const note =
      options.sinceLast && !incremental ? ' No earlier verification to start from: checked everything.' : '';
    const rate = result.seconds > 0 ? Math.round(result.entries / result.seconds) : result.entries;
    return {
      code: 0,
      message: `Audit trail OK (${where}): ${what}, ${range}${start}; ${result.anchorsChecked} anchors hold${before}. Checked in ${result.seconds.toFixed(2)} s (${rate} entries/s).${note}`,
    };
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await runVerify(process.env, { sinceLast: process.argv.includes('--since-last') });
  (report.code === 0 ? console.log : console.error)(report.message);
  process.exitCode = report.code;
}
