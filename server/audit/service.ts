// The audit trail as one running service for the gateway: the store its settings name, the keys, the
// recorder, the query routes, and two timers (anchor the head every AUDIT_ANCHOR_INTERVAL_S; apply retention
// hourly, sealing and anchoring the new checkpoint). Timers are injectable so tests drive them by hand.
import type { Hono } from 'hono';
import { Anchorer } from './anchor.ts';
import type { AuditConfig } from './config.ts';
import { loadPhoneHashKey, loadSigningKey } from './keys.ts';
import { PgAuditStore } from './pg-store.ts';
import { AuditRecorder } from './recorder.ts';
import { type AuditRoutesOptions, auditRoutes } from './routes.ts';
import { SqliteAuditStore } from './sqlite-store.ts';
import type { AuditStore, Checkpoint } from './store.ts';

export const RETENTION_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function openAuditStore(config: AuditConfig): Promise<AuditStore> {
  return config.store.kind === 'postgres'
    ? PgAuditStore.open(config.store.url)
    : Promise.resolve(new SqliteAuditStore(config.store.path, config.store.sync));
}

/** Deletes entries older than the retention period; the new checkpoint is sealed and anchored. */
export async function applyRetention(
  store: AuditStore,
  anchorer: Anchorer,
  retentionDays: number,
  now: Date,
): Promise<Checkpoint | null> {
  const before = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const checkpoint = await store.prune(before, (last) => anchorer.seal(last));
  if (checkpoint) anchorer.recordCheckpoint(checkpoint);
  return checkpoint;
}

/** Runs `task` every `everyMs` (its promise never rejects); returns the cancel. */
export type Schedule = (task: () => Promise<unknown>, everyMs: number) => () => void;

const intervalSchedule: Schedule = (task, everyMs) => {
  const timer = setInterval(() => void task(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
};

export interface AuditServiceOptions {
  now?: () => Date;
  schedule?: Schedule;
  onError?: (error: unknown) => void;
  onExport?: AuditRoutesOptions['onExport'];
  visibleTo?: AuditRoutesOptions['visibleTo'];
}

export interface AuditService {
  store: AuditStore;
  recorder: AuditRecorder;
  anchorer: Anchorer;
  /** Mount behind the admin check. */
  routes: Hono;
  /** Stops the timers, anchors the final head and closes the store. */
  stop(): Promise<void>;
}

export async function startAudit(
  config: AuditConfig,
  options: AuditServiceOptions = {},
): Promise<AuditService> {
  const signingKey = loadSigningKey(config.signingKey, true);
  const phoneKey = loadPhoneHashKey(config.phoneHashKey, true);
  if (!signingKey || !phoneKey) throw new Error('unreachable: keys are created when missing');
  const now = options.now ?? (() => new Date());
  const store = await openAuditStore(config);
  const anchorer = new Anchorer({ store, key: signingKey, file: config.anchorFile, now });
  const recorder = new AuditRecorder({ store, phoneKey, now });
  const onError = options.onError ?? ((error) => console.error('audit:', error));
  const schedule = options.schedule ?? intervalSchedule;
  const retain = () => applyRetention(store, anchorer, config.retentionDays, now()).catch(onError);
  await retain();
  const cancels = [
    schedule(() => anchorer.tick().catch(onError), config.anchorIntervalMs),
    schedule(retain, RETENTION_EVERY_MS),
  ];
  return {
    store,
    recorder,
    anchorer,
    routes: auditRoutes({ store, phoneKey, onExport: options.onExport, visibleTo: options.visibleTo }),
    async stop() {
      for (const cancel of cancels) cancel();
      await anchorer.tick().catch(onError);
      await store.close();
    },
  };
}
