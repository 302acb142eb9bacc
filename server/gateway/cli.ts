// Start-up helpers shared by `npm start` (main.ts) and `npm run dev` (dev.ts): every setting from the
// environment at once, and on a bad one, say why, then exit.
import type { AuditConfig } from '../audit/config.ts';
import { type ImportsConfig, ImportsConfigError, parseImportsConfig } from '../imports/config.ts';
import { auditConfigFromEnv } from './audit/start.ts';
import { ConfigError, type GatewayConfig, parseConfig } from './config.ts';
import { parseReadsConfig, type ReadsConfig } from './reads/config.ts';
import { parseTeamConfig, type TeamConfig } from './team/config.ts';

export type EnvConfig = GatewayConfig & {
  team: TeamConfig;
  imports: ImportsConfig;
  audit: AuditConfig;
  reads: ReadsConfig;
};

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The gateway's settings and its parts'; a bad one is a ConfigError naming it. */
export function parseEnvConfig(env: NodeJS.ProcessEnv): EnvConfig {
  try {
    const parts = {
      team: parseTeamConfig(env),
      imports: parseImportsConfig(env),
      audit: auditConfigFromEnv(env),
      reads: parseReadsConfig(env),
    };
    return { ...parseConfig(env), ...parts };
  } catch (err) {
    throw err instanceof ImportsConfigError ? new ConfigError(err.message) : err;
  }
}

/** The gateway's configuration from the environment; a bad setting ends the process with its message. */
export function configOrExit(): EnvConfig {
  try {
    return parseEnvConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}
