// The gateway's parts (compose.ts) as tests and benchmarks start from: the given API (its lifetime the caller's),
// no team, nobody signing in, no audit, no imports, no console; each caller overrides what it exercises.
import type { GatewayParts } from '../gateway/compose.ts';
import type { Upstream } from '../gateway/upstream.ts';

/** The upstream, minus its close(): whoever made it stops it. */
export const borrowed = (upstream: Upstream): Upstream => ({ ...upstream, close: async () => {} });

export function testParts(api: Upstream, overrides: Partial<GatewayParts> = {}): GatewayParts {
  return {
    settings: { apiVersion: 'v3', timeoutMs: 5_000, renderBudgetMs: 0, log: null },
    api: borrowed(api),
    team: null,
    identity: { accessSecret: null, staffSignIn: null },
    audit: null,
    sharedAudit: true,
    imports: null,
    console: 'none',
    ...overrides,
  };
}
