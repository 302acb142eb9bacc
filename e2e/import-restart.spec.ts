// An import survives its gateway being killed half-way: the job and every row's state are stored, the next
// process takes the job over once the killed one's lease has expired, and the deterministic idempotency keys
// make the rows that were sent but not recorded come back as the same contacts. Runs the real `npm start`
// gateway as a child process (its own embedded API, audit trail and job store in a temporary directory).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportJob } from '../src/shared/imports.ts';
import { expect, test } from './support/fixtures';
import { type GatewayProcess, startGatewayProcess } from './support/gateway-process';

const GOOD = Array.from({ length: 24 }, (_, i) => `+44 20 7946 ${String(1100 + i)}`);
/** Good numbers, one duplicate of the first, one to fix in place, one to leave invalid. */
const FILE = ['phone', ...GOOD, GOOD[0], '+44 20 79', 'not a number'].join('\n');
const FIX_ROW = GOOD.length + 3;
const FIXED = '+44 20 7946 1199';

let dir = '';
let env: Record<string, string> = {};

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sent-import-restart-'));
  env = {
    DIST_DIR: process.env.E2E_DIST_DIR ?? 'dist',
    SENT_EMBEDDED_DB: join(dir, 'api.sqlite'),
    AUDIT_DB: join(dir, 'audit.sqlite'),
    AUDIT_ANCHOR_FILE: join(dir, 'anchors.jsonl'),
    AUDIT_SIGNING_KEY_FILE: join(dir, 'signing.key'),
    AUDIT_PHONE_HASH_KEY_FILE: join(dir, 'phone-hash.key'),
    IMPORT_LEASE_MS: '2000',
    // Under the embedded API's own 200/min, so the import is paced by the team budget (~2 rows a second).
    SENT_BUDGET_PER_MIN: '180',
  };
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function jobOf(gateway: GatewayProcess, id: string): Promise<ImportJob> {
  const res = await fetch(`${gateway.url}/__imports/${id}`);
  return ((await res.json()) as { data: ImportJob }).data;
}

test('a gateway killed half-way through an import: the next one finishes it, one contact per number', async ({
  page,
}) => {
  test.setTimeout(120_000);
  let gateway = await startGatewayProcess(env);
  try {
    await page.goto(`${gateway.url}/import`);
    await page.getByLabel(/^A file/).setInputFiles({
      name: 'restart.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(FILE),
    });
    await page.getByRole('button', { name: `Fix row ${FIX_ROW}` }).click();
    const field = page.getByLabel(`Number for row ${FIX_ROW}`);
    await field.fill(FIXED);
    await field.press('Enter');
    const started = page.waitForResponse(
      (r) => r.url().endsWith('/__imports') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: `Import ${GOOD.length + 1} numbers` }).click();
    const job = ((await (await started).json()) as { data: ImportJob }).data;

    // Half-way: some rows created, most still to go. Then SIGKILL (no lease released, nothing flushed).
    await expect
      .poll(async () => (await jobOf(gateway, job.id)).counts.created, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(5);
    const before = await jobOf(gateway, job.id);
    expect(before.counts.pending).toBeGreaterThan(0);
    await gateway.kill();

    gateway = await startGatewayProcess(env);
    await expect.poll(async () => (await jobOf(gateway, job.id)).status, { timeout: 60_000 }).toBe('done');
    const after = await jobOf(gateway, job.id);
    expect(after.counts).toMatchObject({
      created: GOOD.length + 1,
      duplicate: 1,
      invalid: 1,
      failed: 0,
      pending: 0,
    });

    // Exactly one contact per good number, looked up through the restarted gateway.
    for (const number of [...GOOD, FIXED]) {
      const e164 = number.replaceAll(' ', '');
      const res = await fetch(`${gateway.url}/v3/contacts?phone=${encodeURIComponent(e164)}&page_size=10`);
      const body = (await res.json()) as { data: { pagination: { total_count: number } } };
      expect(body.data.pagination.total_count, e164).toBe(1);
    }

    // Any admin can open its progress after the restart: the receipt.
    await page.goto(`${gateway.url}/import/${job.id}`);
    await expect(page.locator('[data-count="created"] dd')).toHaveText(String(GOOD.length + 1));
  } finally {
    await gateway.kill();
  }
});
