import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import { loadAccounts } from './accounts.ts';
import { createApp } from './app.ts';
import type { AppEnv } from './app-env.ts';
import type { FaultOptions } from './middleware/faults.ts';
import type { RateLimitOptions } from './middleware/rate-limit.ts';
import { type SeedOptions, seedIfEmpty } from './seed.ts';
import { ContactsStore } from './store/contacts.ts';
import { IdempotencyStore } from './store/idempotency.ts';
import { openDb } from './store/schema.ts';

export interface ApiOptions extends FaultOptions {
  /** 0 picks a free port. */
  port?: number;
  /** SQLite file; ':memory:' (the default) for tests. */
  dbPath?: string;
  seed?: number;
  contactsPerProfile?: number;
  extraOwners?: SeedOptions['extraOwners'];
  onSeedPhase?: SeedOptions['onPhase'];
  /** Documented limits of api.sent.dm by default; false turns limiting off (benchmarks). */
  rateLimit?: RateLimitOptions | false;
  /** More middleware before the routes (after the rate limit): how tests add theirs (server/testing). */
  middleware?: MiddlewareHandler<AppEnv>[];
}

export const DEFAULTS = {
  seed: 42,
  contactsPerProfile: 2400,
  rateLimit: { perMinute: 200, burst: 50 },
} as const;

export interface EmbeddedApi {
  /** Resolves once the database is open and seeded; `fetch` waits for it by itself. */
  ready: Promise<void>;
  fetch(request: Request): Promise<Response>;
  close(): void;
}

/** The API in-process, no socket: for the gateway and for tests. */
export function createEmbeddedApi(options: ApiOptions = {}): EmbeddedApi {
  const db = openDb(options.dbPath ?? ':memory:');
  const ready = seedIfEmpty(db, {
    seed: options.seed ?? DEFAULTS.seed,
    contactsPerProfile: options.contactsPerProfile ?? DEFAULTS.contactsPerProfile,
    extraOwners: options.extraOwners,
    onPhase: options.onSeedPhase,
  }).then(() =>
    createApp({
      accounts: loadAccounts(db),
      contacts: new ContactsStore(db),
      idempotency: new IdempotencyStore(db),
      rateLimit: options.rateLimit ?? DEFAULTS.rateLimit,
      faults: options,
      middleware: options.middleware ?? [],
    }),
  );
  return {
    ready: ready.then(() => undefined),
    fetch: async (request) => (await ready).fetch(request),
    close: () => db.close(),
  };
}

export interface RunningApi {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The API on 127.0.0.1 (never another interface). */
export async function startApiServer(options: ApiOptions = {}): Promise<RunningApi> {
  const api = createEmbeddedApi(options);
  await api.ready;
  return new Promise((resolve) => {
    const server = serve(
      { fetch: api.fetch, hostname: '127.0.0.1', port: options.port ?? 0 },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => {
                api.close();
                done();
              });
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
  });
}
