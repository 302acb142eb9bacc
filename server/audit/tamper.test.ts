// A database administrator rewriting the trail, on SQLite and on a real PostgreSQL: every kind of tampering
// makes verification fail and name the first bad entry, through `audit:verify`'s own code (runVerify).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  type OpenedTrail,
  PHONE_KEY,
  sampleRecord,
  testSigningKey,
  useTrail,
} from '../testing/audit-stores.ts';
import { Anchorer } from './anchor.ts';
import { runVerify } from './cli-verify.ts';
import { AuditRecorder } from './recorder.ts';

const key = testSigningKey();
const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe.each(BACKENDS.map((make) => make()))('$name trail tampered by its database admin', (backend) => {
  const suite = useTrail(backend);
  let trail: OpenedTrail;
  let recorder: AuditRecorder;
  let anchorer: Anchorer;
  let env: Record<string, string>;

  const verify = () => runVerify(env);
  const expectBroken = async (firstBad: number, reason: RegExp) => {
    const report = await verify();
    expect(report.code).toBe(1);
    expect(report.message).toMatch(reason);
    expect(report.message).toContain(`First bad entry: #${firstBad}.`);
  };

  beforeEach(async () => {
    trail = suite.trail();
    recorder = new AuditRecorder({ store: trail.store, phoneKey: PHONE_KEY });
    const anchorFile = join(suite.dir, `anchors-${Math.random()}.jsonl`);
    anchorer = new Anchorer({ store: trail.store, key, file: anchorFile });
    env = {
      ...trail.env,
      AUDIT_ANCHOR_FILE: anchorFile,
      AUDIT_VERIFY_STATE: `${anchorFile}.verified.json`,
      AUDIT_SIGNING_KEY: pem,
    };
    for (let i = 1; i <= 5; i++) await recorder.record(sampleRecord('contact.open', i));
    await anchorer.tick(); // anchors #5
  });

  it('holds when nobody touched it', async () => {
    expect(await verify()).toEqual({
      code: 0,
      message: expect.stringMatching(
        /^Audit trail OK .*: 5 entries, newest #5; 1 anchors hold\. Checked in [\d.]+ s \(\d+ entries\/s\)\.$/,
      ),
    });
  });

  it('a changed row', async () => {
    await trail.tamper(`UPDATE audit_entries SET actor_id = 'someone-else' WHERE seq = 3`);
    await expectBroken(3, /Entry #3 was changed/);
  });

  it('a deleted row', async () => {
    await trail.tamper('DELETE FROM audit_entries WHERE seq = 3');
    await expectBroken(3, /Entry #3 is missing \(the next stored entry is #4\)/);
  });

  it('two rows swapped', async () => {
    await trail.tamper(`UPDATE audit_entries SET seq = -1 WHERE seq = 3;
      UPDATE audit_entries SET seq = 3 WHERE seq = 4; UPDATE audit_entries SET seq = 4 WHERE seq = -1`);
    await expectBroken(3, /Entry #3 does not follow entry #2/);
  });

  it('the newest rows deleted before an anchor', async () => {
    await trail.tamper('DELETE FROM audit_entries WHERE seq >= 4');
    await expectBroken(4, /line 1, head anchor .*entries #4–#5 are missing; the newest entries were deleted/);
  });

  it('the newest rows deleted and the chain continued (new #4, #5 written after)', async () => {
    await trail.tamper('DELETE FROM audit_entries WHERE seq >= 4');
    await recorder.record(sampleRecord('lookup'));
    await recorder.record(sampleRecord('lookup'));
    await expectBroken(5, /line 1, head anchor .*entry #5 differs from the anchored one/);
  });

  it('the checkpoint moved forward to hide deleted entries', async () => {
    await trail.tamper(`INSERT INTO audit_checkpoint (id, seq, hash, at, pruned_at, key_id, sig)
      SELECT 1, seq, hash, at, at, '${key.keyId}', 'forged' FROM audit_entries WHERE seq = 2;
      DELETE FROM audit_entries WHERE seq <= 2`);
    await expectBroken(2, /checkpoint .* is not sealed by the anchor key/);
  });

  it('an anchor line edited by hand', async () => {
    writeFileSync(
      env.AUDIT_ANCHOR_FILE as string,
      `${JSON.stringify({ v: 1, kind: 'head', seq: 5, hash: 'a'.repeat(64), at: new Date().toISOString(), key: key.keyId, sig: 'x' })}\n`,
    );
    const report = await verify();
    expect(report).toEqual({
      code: 1,
      message: expect.stringMatching(/line 1, head anchor .*signature is not valid/),
    });
  });
});
