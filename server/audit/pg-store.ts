// The audit trail in PostgreSQL (DATABASE_URL; what several gateway replicas share).
//
// One chain for all replicas, ordered by a transaction-scoped advisory lock: an append takes the lock, reads
// the newest hash and inserts the next entry before committing (all inside the server, one round trip), so
// replicas queue only for each other's commit and the trail keeps one total order: one verification, one head to anchor, and "what happened
// before what" across replicas. One chain per replica would avoid the wait but needs stable replica identities
// (autoscaled replicas come and go) and anchors per chain, and a whole replica's chain could vanish unseen.
import pg from 'pg';
import { inTransaction } from '../pg-transaction.ts';
import { canonicalJson, type EntryContent, type StoredEntry } from './entry.ts';
import { CHAIN_LOCK, migrate } from './pg-migrations.ts';
import {
  CHECKPOINT_COLUMNS,
  COLUMNS_SQL,
  ITERATE_BATCH,
  inBatches,
  pgPlaceholder as ph,
  rowToCheckpoint,
  rowToEntry,
  whereSql,
} from './sql.ts';
import type {
  AuditFilter,
  AuditPage,
  AuditStore,
  ChainHead,
  Checkpoint,
  PageRequest,
  Seal,
} from './store.ts';

const HEAD_SQL = `SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1`;
const CHECKPOINT_SQL = `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoint`;

export class PgAuditStore implements AuditStore {
  readonly kind = 'postgres';
  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and applies pending migrations. */
  static async open(url: string, poolSize = 4): Promise<PgAuditStore> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    await migrate(pool);
    return new PgAuditStore(pool);
  }

  /** Runs `work` in a transaction holding the chain lock. */
  private locked<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      return work(client);
    });
  }

  private async headOf(client: pg.Pool | pg.PoolClient): Promise<ChainHead | null> {
    const { rows } = await client.query(HEAD_SQL);
    if (rows[0]) return { seq: Number(rows[0].seq), hash: rows[0].hash };
    return rowToCheckpoint((await client.query(CHECKPOINT_SQL)).rows[0]);
  }

  /** One round trip: audit_append (pg-migrations.ts) locks, chains and inserts inside the server. */
  async append(content: EntryContent): Promise<StoredEntry> {
    const { rows } = await this.pool.query('SELECT seq, prev_hash, hash FROM audit_append($1)', [
      canonicalJson(content),
    ]);
    const row = rows[0] as { seq: string; prev_hash: string; hash: string };
    return { ...content, seq: Number(row.seq), prev_hash: row.prev_hash, hash: row.hash };
  }

  async query(filter: AuditFilter, page: PageRequest): Promise<AuditPage> {
    const where = whereSql(filter, ph);
    const n = where.params.length;
    const [count, rows] = await Promise.all([
      this.pool.query(`SELECT count(*) AS total FROM audit_entries WHERE ${where.sql}`, where.params),
      this.pool.query(
        `SELECT ${COLUMNS_SQL} FROM audit_entries WHERE ${where.sql} ORDER BY seq DESC LIMIT ${ph(n + 1)} OFFSET ${ph(n + 2)}`,
        [...where.params, page.pageSize, (page.page - 1) * page.pageSize],
      ),
    ]);
    return { entries: rows.rows.map(rowToEntry), total: Number(count.rows[0]?.total ?? 0) };
  }

  iterate(filter: AuditFilter = {}): AsyncIterable<StoredEntry> {
    const where = whereSql(filter, ph, 2);
    const sql = `SELECT ${COLUMNS_SQL} FROM audit_entries WHERE seq > $1 AND ${where.sql} ORDER BY seq LIMIT ${ITERATE_BATCH}`;
    return inBatches(async (after) =>
      (await this.pool.query(sql, [after, ...where.params])).rows.map(rowToEntry),
    );
  }

  head(): Promise<ChainHead | null> {
    return this.headOf(this.pool);
  }

  async checkpoint(): Promise<Checkpoint | null> {
    return rowToCheckpoint((await this.pool.query(CHECKPOINT_SQL)).rows[0]);
  }

  prune(before: string, seal: Seal): Promise<Checkpoint | null> {
    return this.locked(async (client) => {
      const { rows } = await client.query(
        'SELECT seq, hash, at FROM audit_entries WHERE at < $1 ORDER BY seq DESC LIMIT 1',
        [before],
      );
      if (!rows[0]) return null;
      const last = {
        seq: Number(rows[0].seq),
        hash: String(rows[0].hash),
        at: (rows[0].at as Date).toISOString(),
      };
      const sealed = seal(last);
      await client.query("SET LOCAL audit.pruning = 'on'");
      await client.query('DELETE FROM audit_entries WHERE seq <= $1', [last.seq]);
      await client.query('DELETE FROM audit_checkpoint');
      await client.query(
        `INSERT INTO audit_checkpoint (id, ${CHECKPOINT_COLUMNS}) VALUES (1, $1, $2, $3, $4, $5, $6)`,
        [last.seq, last.hash, last.at, sealed.at, sealed.key, sealed.sig],
      );
      return { ...last, pruned_at: sealed.at, key: sealed.key, sig: sealed.sig };
    });
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
