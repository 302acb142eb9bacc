// Start-up helpers shared by `npm start` (main.ts) and `npm run dev` (dev.ts): say why, then exit.
import { type ImportsConfig, parseImportsConfig } from '../imports/config.ts';
import { ConfigError, type GatewayConfig, parseConfig } from './config.ts';
import { parseReadsConfig, type ReadsConfig } from './reads/config.ts';
import { parseTeamConfig, type TeamConfig } from './team/config.ts';

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The gateway's configuration from the environment; a bad setting ends the process with its message. */
export function configOrExit(): GatewayConfig & {
  team: TeamConfig;
  imports: ImportsConfig;
  reads: ReadsConfig;
} {
  try {
    const env = process.env;
    return {
      ...parseConfig(env),
      team: parseTeamConfig(env),
      imports: parseImportsConfig(env),
      reads: parseReadsConfig(env),
    };
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}
