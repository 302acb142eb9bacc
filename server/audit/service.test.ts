// The running service with its timers driven by hand, then `npm run audit:verify` itself (a real process)
// over what it wrote: exit 0 when the trail holds, 1 naming the first bad entry when it does not.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleRecord, tempDir } from '../testing/audit-stores.ts';
import { readAnchors } from './anchor.ts';
import { parseAuditConfig } from './config.ts';
import { RETENTION_EVERY_MS, startAudit } from './service.ts';

const temp = tempDir();
afterAll(() => temp.remove());
const env = {
  AUDIT_DB: join(temp.dir, 'audit.sqlite'),
  AUDIT_ANCHOR_FILE: join(temp.dir, 'anchors.jsonl'),
  AUDIT_VERIFY_STATE: join(temp.dir, 'verified.json'),
  AUDIT_SIGNING_KEY_FILE: join(temp.dir, 'keys/signing.key'),
  AUDIT_PHONE_HASH_KEY_FILE: join(temp.dir, 'keys/phone.key'),
  AUDIT_RETENTION_DAYS: '2',
  AUDIT_ANCHOR_INTERVAL_S: '30',
};
const DAY = 24 * 60 * 60 * 1000;

async function auditVerify(): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'audit:verify'], {
      env: { ...process.env, ...env },
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, output: failed.stderr };
  }
}

describe('audit service', () => {
  it('anchors on its interval, applies retention, and audit:verify agrees', { timeout: 90_000 }, async () => {
    let now = new Date('2025-03-01T00:00:00.000Z');
    const tasks = new Map<number, () => Promise<unknown>>();
    const service = await startAudit(parseAuditConfig(env), {
      now: () => now,
      schedule: (task, everyMs) => {
        tasks.set(everyMs, task);
        return () => tasks.delete(everyMs);
      },
    });
    expect(existsSync(env.AUDIT_SIGNING_KEY_FILE) && existsSync(env.AUDIT_PHONE_HASH_KEY_FILE)).toBe(true);
    expect([...tasks.keys()].sort()).toEqual([30_000, RETENTION_EVERY_MS]);

    for (let day = 0; day < 4; day++) {
      await service.recorder.record(sampleRecord('lookup', day));
      now = new Date(now.getTime() + DAY);
    }
    await tasks.get(30_000)?.();
    await tasks.get(RETENTION_EVERY_MS)?.(); // now = day 4: days 0 and 1 are older than 2 days
    await service.recorder.record(sampleRecord('contact.open'));
    await service.stop(); // anchors the final head
    expect(tasks.size).toBe(0);
    const kinds = readAnchors(env.AUDIT_ANCHOR_FILE).map((l) =>
      'anchor' in l ? `${l.anchor.kind}#${l.anchor.seq}` : l.problem,
    );
    expect(kinds).toEqual(['head#4', 'checkpoint#2', 'head#5']);

    const ok = await auditVerify();
    expect(ok).toEqual({
      code: 0,
      output: expect.stringMatching(
        /^Audit trail OK .*: 3 entries, newest #5, starts after checkpoint #2; 3 anchors hold\. Checked in [\d.]+ s \(\d+ entries\/s\)\.\n$/,
      ),
    });

    const admin = new Database(env.AUDIT_DB);
    admin.exec(`DROP TRIGGER audit_no_update; UPDATE audit_entries SET outcome = 'miss' WHERE seq = 4`);
    admin.close();
    const broken = await auditVerify();
    expect(broken).toEqual({
      code: 1,
      output: expect.stringMatching(/Entry #4 was changed.*First bad entry: #4\.\n$/),
    });
  });

  it('audit:verify stops with 2 on a bad setting, naming it', async () => {
    const { runVerify } = await import('./cli-verify.ts');
    expect(await runVerify({ ...env, AUDIT_RETENTION_DAYS: 'forever' })).toEqual({
      code: 2,
      message:
        'Cannot verify: AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 36500 (got "forever").',
    });
  });
});
