// `audit:verify --since-last` (runVerify, the command's own code): it starts from the newest anchor the last
// run verified, checks only what came after, and still notices the anchored entry itself being rewritten.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { chainOfSamples } from '../testing/audit-chains.ts';
import { BACKENDS, type OpenedTrail, testSigningKey, useTrail } from '../testing/audit-stores.ts';
import { appendAnchor, signAnchor } from './anchor.ts';
import { runVerify } from './cli-verify.ts';
import type { StoredEntry } from './entry.ts';

const key = testSigningKey();
const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const first = chainOfSamples(300);
const last = first.at(-1) as StoredEntry;
const more = chainOfSamples(50, '2025-03-05T10:00:00.000Z', last);

describe.each(BACKENDS.map((make) => make()))('$name: audit:verify --since-last', (backend) => {
  const suite = useTrail(backend);
  let trail: OpenedTrail;
  let env: Record<string, string>;
  const anchor = (entry: StoredEntry) =>
    appendAnchor(env.AUDIT_ANCHOR_FILE as string, signAnchor('head', entry, entry.at, key));
  const sinceLast = () => runVerify(env, { sinceLast: true });

  beforeEach(async () => {
    trail = suite.trail();
    const id = Math.random().toString(36).slice(2);
    env = {
      ...trail.env,
      AUDIT_ANCHOR_FILE: join(suite.dir, `anchors-${id}.jsonl`),
      AUDIT_VERIFY_STATE: join(suite.dir, `verified-${id}.json`),
      AUDIT_SIGNING_KEY: pem,
    };
    await trail.bulk(first);
    anchor(first[99] as StoredEntry);
    anchor(last);
  });

  it('checks everything the first time, then only the entries after the last verified anchor', async () => {
    const everything = await sinceLast();
    expect(everything.code).toBe(0);
    expect(everything.message).toMatch(
      /: 300 entries, newest #300; 2 anchors hold\. .* No earlier verification/,
    );
    await trail.bulk(more);
    anchor(more.at(-1) as StoredEntry);
    const report = await sinceLast();
    expect(report).toEqual({
      code: 0,
      message: expect.stringMatching(
        /: 50 new entries since the anchor of entry #300 \(line 2\), newest #350; 1 anchors hold\. Checked in [\d.]+ s \(\d+ entries\/s\)\.$/,
      ),
    });
    // Nothing new: nothing to check, the start still holds.
    expect((await sinceLast()).message).toMatch(/: 0 new entries since the anchor of entry #350 \(line 3\)/);
  });

  it('finds a new entry changed', async () => {
    await sinceLast();
    await trail.bulk(more);
    await trail.tamper(`UPDATE audit_entries SET actor_id = 'someone-else' WHERE seq = 320`);
    const report = await sinceLast();
    expect(report.code).toBe(1);
    expect(report.message).toMatch(/Entry #320 was changed.* First bad entry: #320\.$/);
  });

  it('finds the last verified entry rewritten (and so everything before it re-chained)', async () => {
    await sinceLast();
    await trail.tamper(`UPDATE audit_entries SET hash = '${'e'.repeat(64)}' WHERE seq = 300`);
    const report = await sinceLast();
    expect(report.code).toBe(1);
    expect(report.message).toMatch(/Entry #300 differs from the last verified anchor \(anchor file line 2\)/);
  });

  it('trusts what the last run verified: an older row changed since is found by a whole run', async () => {
    await sinceLast();
    await trail.tamper(`UPDATE audit_entries SET actor_id = 'someone-else' WHERE seq = 10`);
    expect((await sinceLast()).code).toBe(0);
    const whole = await runVerify(env);
    expect(whole.code).toBe(1);
    expect(whole.message).toMatch(/Entry #10 was changed/);
  });
});
