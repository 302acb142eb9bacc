// The audit trail as the gateway uses it. `GatewayAudit` is the process's one trail (the server/audit service
// and the open contact exports); `forApp(mode)` gives a gateway app its `AppAudit`, whose `record(c, …)`
// fills in who (actor.ts, which also needs how people sign in to that app), the request id, client address
// and user agent. Routes reach it as `c.get('audit')` (middleware/audit.ts sets it): sign-in, reveal.
import type { Context } from 'hono';
import type { StoredEntry } from '../../audit/entry.ts';
import type { RecordInput } from '../../audit/recorder.ts';
import type { AuditService } from '../../audit/service.ts';
import { type AuditHook, clientAddress, type GatewayEnv } from '../env.ts';
import { actorIdOf, actorOf, type SignInMode } from './actor.ts';
import { ExportRegistry, type PendingExport } from './exports.ts';
import type { AuditPerson, GatewayRecord } from './types.ts';

export type { GatewayRecord };

export interface GatewayAuditOptions {
  nowMs?: () => number;
  /** How often idle exports are looked for; tests pass 0 and call sweep() themselves. */
  sweepEveryMs?: number;
}

export class GatewayAudit {
  readonly exports: ExportRegistry;
  private readonly sweeper: NodeJS.Timeout | null;

  constructor(
    readonly service: AuditService,
    options: GatewayAuditOptions = {},
  ) {
    this.exports = new ExportRegistry(options.nowMs);
    const every = options.sweepEveryMs ?? 60_000;
    this.sweeper = every > 0 ? setInterval(() => void this.sweep().catch(logError), every) : null;
    this.sweeper?.unref();
  }

  forApp(mode: SignInMode): AppAudit {
    return new AppAudit(this, mode);
  }

  /** Records exports that stopped without a finish (all of them at shutdown). */
  async sweep(all = false): Promise<void> {
    for (const pending of this.exports.takeIdle(all)) {
      await this.service.recorder.record({
        action: 'contacts.export',
        outcome: 'error',
        actor: pending.actor,
        profileId: pending.profileId,
        clientAddress: pending.clientAddress,
        userAgent: pending.userAgent,
        details: exportDetails(pending, 'abandoned', null),
      });
    }
  }

  /** Records what is pending, then stops the audit service (final anchor, store closed). */
  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.sweep(true).catch(logError);
    await this.service.stop();
  }
}

export class AppAudit implements AuditHook {
  constructor(
    readonly trail: GatewayAudit,
    private readonly mode: SignInMode,
  ) {}

  /**
   * Stores one entry about the request `who` made (for server rendering's own API calls: the page request);
   * resolves once durable.
   */
  record(who: Context<GatewayEnv>, input: GatewayRecord, requestId?: string): Promise<StoredEntry> {
    const { person, ...entry } = input;
    return this.trail.service.recorder.record({
      ...entry,
      actor: this.actor(who, person),
      requestId: requestId ?? who.get('requestId') ?? null,
      clientAddress: clientAddress(who),
      userAgent: who.req.header('user-agent') ?? null,
    } as RecordInput);
  }

  actor(who: Context<GatewayEnv>, person?: AuditPerson): RecordInput['actor'] {
    return actorOf(who, this.mode, person);
  }

  actorId(who: Context<GatewayEnv>): string {
    return actorIdOf(this.actor(who));
  }
}

export function exportDetails(pending: PendingExport, status: string, rowCount: number | null) {
  return {
    export_id: pending.id,
    status,
    filters: pending.filters,
    // What the browser says it wrote; rows_served is what this gateway counted on the export's pages.
    row_count: rowCount ?? pending.rowsServed,
    rows_served: pending.rowsServed,
    pages: pending.pages,
    started_at: pending.startedAt,
  };
}

function logError(error: unknown): void {
  console.error('audit:', error);
}
