// Import settings from the environment. Jobs are stored beside the audit trail: in its PostgreSQL database
// (DATABASE_URL, tables of their own) or in imports.sqlite next to its SQLite file (AUDIT_DB). Pure: env in,
// settings or an ImportsConfigError naming the bad setting out (the gateway stops start-up with its message).
import { dirname, join } from 'node:path';
import { AuditConfigError, parseAuditConfig } from '../audit/config.ts';
import { PgImportStore } from './pg-store.ts';
import { SqliteImportStore } from './sqlite-store.ts';
import type { ImportStore } from './store.ts';

/** A bad import setting; the message names it. */
export class ImportsConfigError extends Error {
  override name = 'ImportsConfigError';
}

export type ImportStoreConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface ImportsConfig {
  store: ImportStoreConfig;
  /** How long a worker's claim on a job lasts unless renewed; a killed gateway's job is taken over after it. */
  leaseMs: number;
}

export const DEFAULT_LEASE_MS = 15_000;
const MIN_LEASE_MS = 1_000;

function parseLease(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_LEASE_MS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < MIN_LEASE_MS) {
    throw new ImportsConfigError(
      `IMPORT_LEASE_MS must be a whole number of milliseconds ≥ ${MIN_LEASE_MS}, got "${raw}".`,
    );
  }
  return n;
}

/** Where the job store goes for these audit settings. */
export function importStoreBeside(
  auditStore: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string },
) {
  if (auditStore.kind === 'postgres') return auditStore;
  const path = auditStore.path === ':memory:' ? ':memory:' : join(dirname(auditStore.path), 'imports.sqlite');
  return { kind: 'sqlite', path } satisfies ImportStoreConfig;
}

export function parseImportsConfig(env: Record<string, string | undefined>): ImportsConfig {
  let audit: ReturnType<typeof parseAuditConfig>;
  try {
    audit = parseAuditConfig(env);
  } catch (error) {
    throw error instanceof AuditConfigError ? new ImportsConfigError(error.message) : error;
  }
  return { store: importStoreBeside(audit.store), leaseMs: parseLease(env.IMPORT_LEASE_MS) };
}

export function openImportStore(config: ImportStoreConfig): Promise<ImportStore> {
  return config.kind === 'postgres'
    ? PgImportStore.open(config.url)
    : Promise.resolve(new SqliteImportStore(config.path));
}
