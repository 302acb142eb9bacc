// Starts the audit trail for a gateway process (npm start, npm run dev, the e2e/bench app server): the
// service of server/audit with its settings, the export of the trail itself recorded as `audit.export`.
import type { Context } from 'hono';
import { type AuditConfig, AuditConfigError, parseAuditConfig } from '../../audit/config.ts';
import { type AuditServiceOptions, startAudit } from '../../audit/service.ts';
import { ConfigError } from '../config.ts';
import type { GatewayEnv } from '../env.ts';
import { GatewayAudit, type GatewayAuditOptions } from './trail.ts';

export async function startGatewayAudit(
  config: AuditConfig,
  options: GatewayAuditOptions & Omit<AuditServiceOptions, 'onExport' | 'visibleTo'> = {},
): Promise<GatewayAudit> {
  const service = await startAudit(config, {
    ...options,
    // Mounted in a gateway app, the export's context carries that app's AppAudit.
    onExport: async (c: Context, exported) => {
      await (c as Context<GatewayEnv>).get('audit')?.record(c as Context<GatewayEnv>, {
        action: 'audit.export',
        details: { filters: exported.filters, row_count: exported.rowCount },
      });
    },
    // Decided per reader by the gateway's audit routes (routes.ts); a request that skipped them sees nothing.
    visibleTo: (c: Context) =>
      (c as Context<GatewayEnv>).get('auditVisible') ?? { profiles: [], organizationWide: false },
  });
  return new GatewayAudit(service, options);
}

/** The audit settings from the environment; a bad one becomes the gateway's ConfigError (named, then exit). */
export function auditConfigFromEnv(env: Record<string, string | undefined>): AuditConfig {
  try {
    return parseAuditConfig(env);
  } catch (error) {
    if (error instanceof AuditConfigError) throw new ConfigError(error.message);
    throw error;
  }
}
