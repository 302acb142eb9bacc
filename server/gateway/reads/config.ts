// READ_LIMIT_PER_HOUR: how many distinct contacts a person whose role may not export may read in any hour
// (limit-reads.ts). Pure: env in, config or ConfigError out.
import { ConfigError } from '../config-error.ts';

export const DEFAULT_READ_LIMIT_PER_HOUR = 2_000;

export interface ReadsConfig {
  perHour: number;
}

export function parseReadsConfig(env: NodeJS.ProcessEnv = process.env): ReadsConfig {
  const raw = env.READ_LIMIT_PER_HOUR?.trim();
  if (!raw) return { perHour: DEFAULT_READ_LIMIT_PER_HOUR };
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1) {
    throw new ConfigError(
      `READ_LIMIT_PER_HOUR must be a whole number of contacts, at least 1 (default ${DEFAULT_READ_LIMIT_PER_HOUR}), got "${raw}".`,
    );
  }
  return { perHour: n };
}
