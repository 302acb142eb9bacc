import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedApi } from '../../server/api/server.ts';
import { withFaultHeaders } from '../../server/testing/api-faults.ts';
import { startAppServer } from '../../server/testing/app-server.ts';
import { startRedisServer } from '../../server/testing/redis-server.ts';
import { startTempAudit } from '../../server/testing/temp-audit.ts';
import { buildApp } from '../../server/tools/build-app.ts';
import { checkBudgets, measureBundle } from '../../server/tools/bundle-budget.ts';
import { startStaffSignInServer } from './oidc-server.ts';

/** One server per key the specs need; their URLs reach the workers through the environment. */
const SERVERS = {
  E2E_URL: 'sk_test_org_demo',
  E2E_URL_PROFILE_KEY: 'sk_test_profile_demo',
  E2E_URL_USER_KEY: 'sk_test_user_demo',
  E2E_URL_BAD_KEY: 'sk_test_revoked_or_mistyped',
} as const;

export default async function globalSetup() {
  // Build into a private directory so a concurrent `npm run build` elsewhere cannot race this run.
  const outDir = process.env.E2E_DIST ?? (await mkdtemp(join(tmpdir(), 'sent-console-e2e-')));
  if (!process.env.E2E_DIST) {
    await buildApp(outDir);
    // The build the specs use is the one measured: `npm test` fails on a bundle over budget, not just `npm run build`.
    const { lines, over } = checkBudgets(measureBundle(outDir));
    console.log(lines.join('\n'));
    if (over) throw new Error(`Bundle budget exceeded:\n${lines.join('\n')}`);
  }
  // Specs that start a gateway process of their own serve this build.
  process.env.E2E_DIST_DIR = outDir;

  // Generous limits: the specs must not trip over 200/min; 429 handling is tested with x-test-fail.
  const api = createEmbeddedApi(withFaultHeaders({ rateLimit: { perMinute: 6000, burst: 500 } }));
  await api.ready;
  // One audit trail for the run, recorded into by every server (specs filter by what they did).
  const trail = await startTempAudit();
  const audit = trail.audit;
  const servers = await Promise.all(
    [...Object.entries(SERVERS), ['E2E_URL_V1', 'sk_test_org_demo'] as const].map(async ([name, apiKey]) => {
      // E2E_URL_V1: a legacy v1 account (the server marks index.html like the gateway with SENT_API_VERSION=v1).
      const apiVersion = name === 'E2E_URL_V1' ? 'v1' : 'v3';
      const server = await startAppServer({ distDir: outDir, api, apiKey, apiVersion, audit });
      process.env[name] = server.url;
      return server;
    }),
  );
  // A signed-in viewer (stands in for the OIDC sign-in): may browse, may not read the trail.
  const viewer = await startAppServer({
    distDir: outDir,
    api,
    apiKey: SERVERS.E2E_URL,
    audit,
    actingAs: { sub: 'u-vera', name: 'Vera Viewer', role: 'viewer', groups: ['front-desk'] },
  });
  process.env.E2E_URL_VIEWER = viewer.url;
  servers.push(viewer);

  const staff = await startStaffSignInServer(outDir, api);
  process.env.E2E_URL_OIDC = staff.url;

  // Two replicas of the org console behind different addresses, sharing the team budget and cache through
  // one Redis (a share of their own, so the footer's figure is visibly the gateway's, not the API's 6000).
  const redis = await startRedisServer();
  const team = { perMinute: 1200, burst: 300, redisUrl: redis.url };
  for (const name of ['E2E_URL_REPLICA_A', 'E2E_URL_REPLICA_B']) {
    const server = await startAppServer({ distDir: outDir, api, apiKey: 'sk_test_org_demo', team });
    process.env[name] = server.url;
    servers.push(server);
  }

  return async () => {
    await staff.close();
    await Promise.all(servers.map((server) => server.close()));
    await trail.close();
    await redis.stop();
    api.close();
    if (!process.env.E2E_DIST) await rm(outDir, { recursive: true, force: true });
  };
}
