// The key never ends up in the built console: build the real app with canary secrets in every environment
// variable a careless import could read, then search every emitted file for them and for the demo keys.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../api/demo.ts';

const CANARY = 'sk_live_CANARY_must_not_ship_8f3a';
const outDir = mkdtempSync(join(tmpdir(), 'gateway-build-'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('built console', () => {
  beforeAll(async () => {
    await promisify(execFile)(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
      {
        env: {
          ...process.env,
          SENT_DM_API_KEY: CANARY,
          DEV_API_KEY: CANARY,
          DASHBOARD_TOKEN: CANARY,
          VITE_SENT_DM_API_KEY: CANARY,
          VITE_API_KEY: CANARY,
        },
        timeout: 150_000,
      },
    );
  }, 180_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('contains no API key or access secret in any file', () => {
    const files = filesUnder(outDir);
    expect(files.some((f) => f.endsWith('index.html'))).toBe(true);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    const secrets = [CANARY, ...Object.keys(DEMO_KEYS)];
    expect(secrets).toContain('sk_test_org_demo');
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const secret of secrets) expect(text.includes(secret), `${secret} found in ${file}`).toBe(false);
    }
  });

  it('has no inline script in index.html (the CSP forbids it)', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      (m) => !/\bsrc=/.test(m[1] ?? '') || (m[2] ?? '').trim() !== '',
    );
    expect(inline).toEqual([]);
  });
});
