// One directory per test run (vitest's globalSetup), removed when the run ends: helpers that write files for
// a test (fixture builds, databases) write them under it, so nothing is left in the OS temp dir whatever a
// test forgets to remove. Outside a test run (benchmarks), under the OS temp dir as before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = 'SENT_TEST_TMP';

/** A new directory for a test's files. */
export const testTempDir = (prefix: string): string =>
  mkdtempSync(join(process.env[ROOT] ?? tmpdir(), prefix));

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'sent-tests-'));
  // Set before the workers start, so each inherits it.
  process.env[ROOT] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
