// The audit trail in PostgreSQL (DATABASE_URL; what several gateway replicas share), partitioned by month
// (pg-partitioned.ts).
//
// One chain for all replicas, ordered by a transaction-scoped advisory lock: an append takes the lock, reads
// the newest hash and inserts the next entry before committing (all inside the server, one round trip), so
// replicas queue only for each other's commit and the trail keeps one total order: one verification, one head to anchor, and "what happened
// before what" across replicas. One chain per replica would avoid the wait but needs stable replica identities
// (autoscaled replicas come and go) and anchors per chain, and a whole replica's chain could vanish unseen.
import pg from 'pg';
import { inTransaction } from '../pg-transaction.ts';
import { pgChainRows } from './chain-source.ts';
import { canonicalJson, type EntryContent, type StoredEntry } from './entry.ts';
import { countAll, type PagingSource, readPage, scanOldestFirst } from './paging.ts';
import { CHAIN_LOCK, migrate } from './pg-migrations.ts';
import { PG_LAST_TWO } from './pg-partitioned.ts';
import { prunePartitions } from './pg-retention.ts';
import type { Dialect } from './plan.ts';
import {
  CHECKPOINT_COLUMNS,
  ITERATE_BATCH,
  peopleQuery,
  pgPlaceholder as ph,
  rowToCheckpoint,
  rowToPerson,
} from './sql.ts';
import type {
  AuditFilter,
  AuditPage,
  AuditPerson,
  AuditStore,
  AuditVisibility,
  ChainHead,
  ChainRow,
  Checkpoint,
  PageRequest,
  Seal,
} from './store.ts';

const HEAD_SQL = `SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1`;
const CHECKPOINT_SQL = `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoint`;
const DIALECT: Dialect = { ph, lastTwo: PG_LAST_TWO, indexHint: () => '' };
const MONTH_MS = 31 * 24 * 60 * 60 * 1000;

export class PgAuditStore implements AuditStore {
  readonly kind = 'postgres';
  private readonly paging: PagingSource;
  private readonly chain: ReturnType<typeof pgChainRows>;
  private closing: Promise<void> | undefined;

  private constructor(private readonly pool: pg.Pool) {
    this.chain = pgChainRows(pool);
    this.paging = {
      dialect: DIALECT,
      run: async ({ sql, params }) => (await pool.query(sql, params)).rows,
      size: async () => {
        const { rows } = await pool.query(
          'SELECT (SELECT max(seq) FROM audit_entries) - (SELECT min(seq) FROM audit_entries) + 1 AS n',
        );
        return Number(rows[0]?.n ?? 0);
      },
    };
  }

  /** Connects, applies pending migrations and makes sure this month's and the next month's partitions exist. */
  static async open(url: string, poolSize = 4): Promise<PgAuditStore> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    await migrate(pool);
    const store = new PgAuditStore(pool);
    await store.ensurePartitions(new Date());
    return store;
  }

  /** Creates the partitions of `now`'s month and the next (under the chain lock, as audit_append does). */
  async ensurePartitions(now: Date): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      await client.query('SELECT audit_ensure_partition($1), audit_ensure_partition($2)', [
        now,
        new Date(now.getTime() + MONTH_MS),
      ]);
    });
  }

  /** One round trip: audit_append (pg-partitioned.ts) locks, chains and inserts inside the server. */
  async append(content: EntryContent): Promise<StoredEntry> {
    const { rows } = await this.pool.query('SELECT seq, prev_hash, hash FROM audit_append($1)', [
      canonicalJson(content),
    ]);
    const row = rows[0] as { seq: string; prev_hash: string; hash: string };
    return { ...content, seq: Number(row.seq), prev_hash: row.prev_hash, hash: row.hash };
  }

  query(filter: AuditFilter, page: PageRequest): Promise<AuditPage> {
    return readPage(this.paging, filter, page);
  }

  countAll(filter: AuditFilter): Promise<number> {
    return countAll(this.paging, filter);
  }

  async people(fragment: string, limit: number, visible?: AuditVisibility): Promise<AuditPerson[]> {
    const { sql, params } = peopleQuery(ph, fragment, limit, visible);
    return (await this.pool.query(sql, params)).rows.map(rowToPerson);
  }

  iterate(filter: AuditFilter = {}): AsyncIterable<StoredEntry> {
    return scanOldestFirst(this.paging, filter, ITERATE_BATCH);
  }

  chainRows(after: number, upTo: number, limit: number): Promise<ChainRow[]> {
    return this.chain(after, upTo, limit);
  }

  async head(): Promise<ChainHead | null> {
    const { rows } = await this.pool.query(HEAD_SQL);
    if (rows[0]) return { seq: Number(rows[0].seq), hash: rows[0].hash };
    return this.checkpoint();
  }

  async checkpoint(): Promise<Checkpoint | null> {
    return rowToCheckpoint((await this.pool.query(CHECKPOINT_SQL)).rows[0]);
  }

  /** Drops the months entirely older than `before` (pg-retention.ts); also creates next month's partition. */
  async prune(before: string, seal: Seal): Promise<Checkpoint | null> {
    await this.ensurePartitions(new Date());
    return prunePartitions(this.pool, CHAIN_LOCK, before, seal);
  }

  close(): Promise<void> {
    // pg rejects a second end(), even while the first is under way: every close waits for the one end.
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
