// `npm start` and `npm run dev` answer the same paths: both build their gateway with gatewayFromEnv, and the
// route tables (every middleware and route, in order, as Hono lists them) of the two are the same for the
// same settings, in every sign-in mode that needs no provider. Only who serves the console differs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnvConfig } from './cli.ts';
import type { Gateway } from './compose.ts';
import { type ConsoleMode, gatewayFromEnv } from './from-env.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The gateway `mode` builds from `env`, with an audit trail and job store of its own in a temp dir. */
async function built(mode: ConsoleMode, env: Record<string, string>): Promise<Gateway> {
  const dir = mkdtempSync(join(tmpdir(), `from-env-${mode}-`));
  dirs.push(dir);
  const config = parseEnvConfig({
    // A loopback API that is never called: building the gateway asks it nothing.
    SENT_API_URL: 'http://127.0.0.1:1',
    AUDIT_DB: join(dir, 'audit.sqlite'),
    AUDIT_ANCHOR_FILE: join(dir, 'anchors.jsonl'),
    AUDIT_SIGNING_KEY_FILE: join(dir, 'signing.key'),
    AUDIT_PHONE_HASH_KEY_FILE: join(dir, 'phone-hash.key'),
    GATEWAY_LOG: 'off',
    ...env,
  });
  return (await gatewayFromEnv(config, mode, () => {})).gateway;
}

const tableOf = (gateway: Gateway) => gateway.app.routes.map((r) => `${r.method} ${r.path}`);

describe.each([
  ['no sign-in (loopback)', {}],
  ['the access secret', { DASHBOARD_TOKEN: 'a-long-enough-access-secret' }],
])('with %s', (_, env) => {
  it('npm start and npm run dev have the same route table', async () => {
    const start = await built('start', env);
    const dev = await built('dev', env);
    try {
      const table = tableOf(start);
      expect(tableOf(dev)).toEqual(table);
      // The gateway's own paths are in it (npm run dev once listed paths by hand and left some out).
      for (const path of ['/__me', '/__reveal/:contactId', '/__config', '/__imports', '/__audit', '/v3/*']) {
        expect(table.some((line) => line.endsWith(` ${path}`))).toBe(true);
      }
      expect(table.includes('POST /__signin')).toBe('DASHBOARD_TOKEN' in env);
    } finally {
      await start.stop();
      await dev.stop();
    }
  });
});
