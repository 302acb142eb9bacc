/**
 * `npm run bench:audit-scale`: the audit trail at a year's scale, on SQLite and on PostgreSQL 15 (fsync on,
 * started here). Seeds AUDIT_SCALE_N (200,000) valid entries over 13 months (bulk path, audit-scale-seed.ts),
 * then prints: p50/p95/max of every Activity filter and combination (page of 50 with its count), the CSV export's
 * rows/s, verification entries/s (whole trail, and incremental: the last AUDIT_SCALE_RECENT entries, a day's
 * worth by default), and append latency while retention (the oldest month) and an export run.
 * BENCH_BACKENDS=sqlite or postgres runs one. Temp data under the OS temp dir, removed at the end.
 * Asserts nothing (benchmarks are not tests).
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { keyIdOf, type SigningKey } from '../audit/keys.ts';
import { PgAuditStore } from '../audit/pg-store.ts';
import { SqliteAuditStore } from '../audit/sqlite-store.ts';
import type { AuditStore } from '../audit/store.ts';
import { startPostgres, testPool } from '../testing/postgres-server.ts';
import { contacts, PROFILES } from './audit-scale-data.ts';
import { appendsAlone, appendsDuring, exportPace, perSecond, verifyFigures } from './audit-scale-ops.ts';
import { measureQueries } from './audit-scale-queries.ts';
import { type SeedPlan, seedPostgres, seedSqlite } from './audit-scale-seed.ts';
import { printTable } from './stats.ts';

const N = Number(process.env.AUDIT_SCALE_N ?? 200_000);
const RECENT = Number(process.env.AUDIT_SCALE_RECENT ?? 100_000);
const REPS = Number(process.env.AUDIT_SCALE_REPS ?? 21);
const EXPORT_ROWS = Number(process.env.AUDIT_SCALE_EXPORT_ROWS ?? 200_000);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',');
const DAY = 24 * 60 * 60 * 1000;
/** The machine is shared: each table says how busy it was. */
const load = () =>
  ` (load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')})`;

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const key: SigningKey = { privateKey, publicKey, keyId: keyIdOf(publicKey) };
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const phoneKey = Buffer.from('bench-phone-hash-key-0123456789abcdef');
const pool = contacts(phoneKey);
const endMs = Date.now();
const startMs = endMs - 396 * DAY; // 13 months: retention at 365 days has a month to drop

/** Prints the questions' table, and the longest garbage-collection pause while they ran (a slow variant's
 * other suspect besides the disk). */
async function questionTable(measure: () => Promise<string[][]>) {
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push(entry.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  const rows = await measure();
  for (const entry of observer.takeRecords()) pauses.push(entry.duration); // not yet delivered
  observer.disconnect();
  printTable(['question', 'p50', 'p95', 'max', 'count shown'], rows);
  const longest = pauses.reduce((a, b) => Math.max(a, b), 0);
  console.log(`\n(${pauses.length} GC pauses meanwhile, the longest ${longest.toFixed(1)} ms)`);
}

async function run(
  name: string,
  dir: string,
  open: () => Promise<AuditStore>,
  seed: (plan: SeedPlan) => Promise<void>,
  env: Record<string, string>,
) {
  const anchorFile = join(dir, `${name}-anchors.jsonl`);
  const plan: SeedPlan = { count: N, startMs, endMs, contacts: pool, key, anchorFile, anchorEvery: 69 };
  const started = performance.now();
  await seed(plan);
  const seedSeconds = (performance.now() - started) / 1000;
  console.log(
    `\n## ${name}: ${N.toLocaleString('en')} entries seeded in ${seedSeconds.toFixed(0)} s${load()}`,
  );
  const store = await open();
  console.log(
    `\nActivity questions (page of 50 with its count; p50, p95 and slowest of ${REPS} variants each)${load()}:\n`,
  );
  await questionTable(() => measureQueries(store, { startMs, endMs }, pool, REPS));
  // An admin of one profile (a fifth of the people): their profile is a condition every question carries.
  console.log(`\nThe same, asked by an admin of one profile (${PROFILES[0]})${load()}:\n`);
  await questionTable(() =>
    measureQueries(store, { startMs, endMs }, pool, REPS, {
      profiles: [PROFILES[0] as string],
      organizationWide: false,
    }),
  );

  const exports = [
    ['everything, oldest first', ''],
    ['one action (lookups)', 'action=lookup'],
    ['one person', 'actor=agent-007'],
  ];
  const exportRows: string[][] = [];
  for (const [what, query] of exports) {
    const pace = await exportPace(store, query as string, EXPORT_ROWS);
    exportRows.push([
      what as string,
      pace.rows.toLocaleString('en'),
      `${pace.seconds.toFixed(1)} s`,
      perSecond(pace.rows, pace.seconds),
    ]);
  }
  console.log(
    `\nCSV export (GET /export.csv through the route, up to ${EXPORT_ROWS.toLocaleString('en')} rows)${load()}:\n`,
  );
  printTable(['export', 'rows', 'time', 'rows/s'], exportRows);

  const verifyEnv = {
    ...env,
    AUDIT_ANCHOR_FILE: anchorFile,
    AUDIT_SIGNING_KEY: pem,
    AUDIT_PHONE_HASH_KEY: phoneKey.toString(),
    AUDIT_VERIFY_STATE: join(dir, `${name}-verified.json`),
  };
  const { full, incremental } = await verifyFigures(verifyEnv, RECENT);
  console.log(`\nVerification (audit:verify)${load()}:\n`);
  printTable(
    ['run', 'entries', 'time', 'entries/s'],
    [
      [
        'whole trail',
        full.entries.toLocaleString('en'),
        `${full.seconds.toFixed(1)} s`,
        perSecond(full.entries, full.seconds),
      ],
      [
        '--since-last',
        incremental.entries.toLocaleString('en'),
        `${incremental.seconds.toFixed(2)} s`,
        perSecond(incremental.entries, incremental.seconds),
      ],
    ],
  );

  const alone = await appendsAlone(store, 1000);
  const during = await appendsDuring(
    store,
    key,
    anchorFile,
    365,
    `from=${new Date(endMs - 30 * DAY).toISOString()}`,
    1000,
  );
  console.log(
    `\nAppends (one after another), alone and while retention drops the oldest month and an export of the last 30 days streams${load()}:\n`,
  );
  printTable(
    ['appends', 'p50', 'p95', 'p99', 'max', 'slowest 1 %: queued', 'retention', 'export'],
    [
      [
        alone.appends,
        alone.p50,
        alone.p95,
        alone.p99,
        alone.max,
        alone.slowestQueued,
        'not running',
        'not running',
      ],
      [
        during.appends,
        during.p50,
        during.p95,
        during.p99,
        during.max,
        during.slowestQueued,
        `${during.retention.seconds.toFixed(1)} s (to #${during.retention.deletedUpTo})`,
        `${during.exported.rows.toLocaleString('en')} rows, ${perSecond(during.exported.rows, during.exported.seconds)}`,
      ],
    ],
  );
  await store.close();
  const after = await verifyFigures(verifyEnv, 0).catch((error: Error) => ({
    full: { message: error.message },
  }));
  console.log(`\nAfter retention: ${after.full.message}`);
}

const dir = mkdtempSync(join(tmpdir(), 'audit-scale-'));
try {
  if (BACKENDS.includes('sqlite')) {
    const path = join(dir, 'audit.sqlite');
    await run(
      'SQLite',
      dir,
      async () => new SqliteAuditStore(path, 'full'),
      // Closed before the measured store opens, as a gateway opens a trail no other store holds (its
      // checkpointer and 256 MB page cache would otherwise share the machine with every figure).
      async (plan) => {
        const seeding = new SqliteAuditStore(path, 'full');
        await seedSqlite(seeding.db, plan);
        await seeding.close();
      },
      { AUDIT_DB: path },
    );
    console.log(`\nSQLite file: ${(statSync(path).size / 1e9).toFixed(2)} GB`);
  }
  if (BACKENDS.includes('postgres')) {
    const server = await startPostgres({
      durable: true,
      settings: [
        'shared_buffers=1GB',
        'maintenance_work_mem=512MB',
        'max_wal_size=8GB',
        'checkpoint_timeout=15min',
      ],
    });
    try {
      const seedPool = testPool({ connectionString: server.url, max: 2 });
      await (await PgAuditStore.open(server.url)).close(); // migrations
      await run(
        'PostgreSQL 15',
        dir,
        () => PgAuditStore.open(server.url),
        (plan) => seedPostgres(seedPool, plan),
        { DATABASE_URL: server.url },
      );
      const { rows } = await seedPool.query(
        "SELECT sum(pg_total_relation_size(relid)) AS bytes FROM pg_partition_tree('audit_entries')",
      );
      console.log(`\nPostgreSQL trail: ${(Number(rows[0]?.bytes) / 1e9).toFixed(2)} GB`);
      await seedPool.end();
    } finally {
      await server.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
