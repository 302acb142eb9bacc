/**
 * `npm run bench:audit`: what recording one audit entry costs a request (a lookup waits for it), on SQLite
 * (WAL, a temp file; AUDIT_SQLITE_SYNC full and normal) and on a real PostgreSQL 15 with fsync on (started here). Sequential
 * appends through the recorder; asserts nothing (benchmarks are not tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureAppendLatency } from '../audit/bench.ts';
import { PgAuditStore } from '../audit/pg-store.ts';
import { SqliteAuditStore } from '../audit/sqlite-store.ts';
import type { AuditStore } from '../audit/store.ts';
import { startPostgres } from '../testing/postgres-server.ts';
import { ms, printTable } from './stats.ts';

const COUNT = Number(process.env.BENCH_APPENDS ?? 1000);
const rows: string[][] = [];

async function run(name: string, store: AuditStore): Promise<void> {
  await measureAppendLatency(store, 50); // warm-up
  const r = await measureAppendLatency(store, COUNT);
  rows.push([name, String(r.count), ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max)]);
  await store.close();
}

const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
await run('SQLite (sync=full)', new SqliteAuditStore(join(dir, 'full.sqlite'), 'full'));
await run('SQLite (sync=normal)', new SqliteAuditStore(join(dir, 'normal.sqlite'), 'normal'));
rmSync(dir, { recursive: true, force: true });
const pg = await startPostgres({ durable: true });
try {
  await run('PostgreSQL 15', await PgAuditStore.open(pg.url));
} finally {
  await pg.stop();
}
printTable(['store', 'appends', 'p50', 'p95', 'p99', 'max'], rows);
