// Settings of the team budget, cache and shared state (issue 12). Pure: env in, config or ConfigError out.
import { ConfigError } from '../config.ts';

/** What Sent allows one account: 200 requests a minute, 50 at once. */
export const UPSTREAM_LIMIT_PER_MIN = 200;
export const UPSTREAM_BURST = 50;
export const DEFAULT_BUDGET_PER_MIN = 150;
export const DEFAULT_MAX_WAIT_MS = 10_000;

export interface TeamConfig {
  /** The console's share of the account's requests per minute. */
  perMinute: number;
  /** Tokens that may be spent at once; the upstream's burst scaled to our share unless set. */
  burst: number;
  /** Longest a request may wait for the budget before it gets a 429 with Retry-After. */
  maxWaitMs: number;
  /** Shared state for several gateway replicas; null keeps everything in this process. */
  redisUrl: string | null;
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new ConfigError(`${name} must be a positive whole number, got "${raw}".`);
  return n;
}

function parseRedisUrl(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`REDIS_URL is not a valid URL: "${value}".`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, got "${url.protocol}".`);
  }
  return value;
}

export function parseTeamConfig(env: NodeJS.ProcessEnv = process.env): TeamConfig {
  const perMinute = positiveInteger('SENT_BUDGET_PER_MIN', env.SENT_BUDGET_PER_MIN, DEFAULT_BUDGET_PER_MIN);
  const scaledBurst = Math.max(1, Math.floor((UPSTREAM_BURST * perMinute) / UPSTREAM_LIMIT_PER_MIN));
  return {
    perMinute,
    burst: positiveInteger('SENT_BUDGET_BURST', env.SENT_BUDGET_BURST, scaledBurst),
    maxWaitMs: positiveInteger('SENT_BUDGET_MAX_WAIT_MS', env.SENT_BUDGET_MAX_WAIT_MS, DEFAULT_MAX_WAIT_MS),
    redisUrl: parseRedisUrl(env.REDIS_URL),
  };
}
