// Retention on the partitioned PostgreSQL trail: a month goes as a whole once all of it is older than the
// retention (so entries stay up to a month longer than AUDIT_RETENTION_DAYS), by dropping its partition
// rather than deleting rows. The new chain start is sealed in one short transaction under the chain lock
// (the dropped months' newest entry; any later-numbered entry still in them, or earlier-numbered one in a kept
// month, goes too, so what is deleted is always the chain's prefix); then each month is detached
// CONCURRENTLY (appends and queries go on) and dropped. A run cut short is finished by the next one.
import type pg from 'pg';
import { inTransaction } from '../pg-transaction.ts';
import { CHECKPOINT_COLUMNS, rowToCheckpoint } from './sql.ts';
import type { Checkpoint, Seal } from './store.ts';

const PARTITION = /^audit_entries_(\d{4})_(\d{2})$/;

interface Month {
  name: string;
  /** Start of the month after: every entry of this one is older. */
  end: Date;
}

async function months(
  pool: pg.ClientBase,
): Promise<{ attached: Month[]; pending: string[]; leftover: string[] }> {
  const { rows } = await pool.query(`
    SELECT c.relname AS name, i.inhdetachpending AS pending, i.inhrelid IS NOT NULL AS attached
    FROM pg_class c LEFT JOIN pg_inherits i ON i.inhrelid = c.oid
    WHERE c.relkind = 'r' AND c.relname LIKE 'audit\\_entries\\_%'
      AND c.relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = 'audit_entries'::regclass)`);
  const attached: Month[] = [];
  const pending: string[] = [];
  const leftover: string[] = [];
  for (const row of rows as { name: string; pending: boolean | null; attached: boolean }[]) {
    const m = PARTITION.exec(row.name);
    if (!m) continue;
    if (!row.attached) leftover.push(row.name);
    else if (row.pending) pending.push(row.name);
    else attached.push({ name: row.name, end: new Date(Date.UTC(Number(m[1]), Number(m[2]), 1)) });
  }
  return { attached, pending, leftover };
}

/** Seals the chain's new start after the months ending by `upTo`; null when they hold nothing newer than it. */
function seal(pool: pg.Pool, chainLock: number, upTo: Date, sealWith: Seal): Promise<Checkpoint | null> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [chainLock]);
    const k = (await client.query('SELECT max(seq) AS k FROM audit_entries WHERE at < $1', [upTo])).rows[0]
      ?.k;
    const current = rowToCheckpoint(
      (await client.query(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoint`)).rows[0],
    );
    if (k === null || k === undefined || Number(k) <= (current?.seq ?? 0)) return null;
    const { rows } = await client.query('SELECT seq, hash, at FROM audit_entries WHERE seq = $1', [k]);
    const last = {
      seq: Number(rows[0].seq),
      hash: String(rows[0].hash),
      at: (rows[0].at as Date).toISOString(),
    };
    const sealed = sealWith(last);
    await client.query("SET LOCAL audit.pruning = 'on'");
    await client.query('DELETE FROM audit_entries WHERE seq <= $1 AND at >= $2', [last.seq, upTo]);
    await client.query('DELETE FROM audit_checkpoint');
    await client.query(
      `INSERT INTO audit_checkpoint (id, ${CHECKPOINT_COLUMNS}) VALUES (1, $1, $2, $3, $4, $5, $6)`,
      [last.seq, last.hash, last.at, sealed.at, sealed.key, sealed.sig],
    );
    return { ...last, pruned_at: sealed.at, key: sealed.key, sig: sealed.sig };
  });
}

/** One retention run at a time across replicas (a session lock: DETACH … CONCURRENTLY runs outside a transaction). */
const RETENTION_LOCK = 7_263_524_103;

export async function prunePartitions(
  pool: pg.Pool,
  chainLock: number,
  before: string,
  sealWith: Seal,
): Promise<Checkpoint | null> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS mine', [RETENTION_LOCK]);
    if (!rows[0]?.mine) return null;
    try {
      return await prune(pool, client, chainLock, before, sealWith);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK]);
    }
  } finally {
    client.release();
  }
}

async function prune(
  pool: pg.Pool,
  client: pg.PoolClient,
  chainLock: number,
  before: string,
  sealWith: Seal,
): Promise<Checkpoint | null> {
  const found = await months(client);
  const old = found.attached.filter((m) => m.end.getTime() <= Date.parse(before));
  let checkpoint: Checkpoint | null = null;
  if (old.length) {
    const upTo = new Date(Math.max(...old.map((m) => m.end.getTime())));
    checkpoint = await seal(pool, chainLock, upTo, sealWith);
  }
  for (const name of found.pending) {
    await client.query(`ALTER TABLE audit_entries DETACH PARTITION ${name} FINALIZE`);
  }
  for (const { name } of old) {
    await client.query(`ALTER TABLE audit_entries DETACH PARTITION ${name} CONCURRENTLY`);
  }
  for (const name of [...found.leftover, ...found.pending, ...old.map((m) => m.name)]) {
    await client.query(`DROP TABLE IF EXISTS ${name}`);
  }
  if (checkpoint) {
    await client.query(`DELETE FROM audit_people p WHERE NOT EXISTS (
      SELECT 1 FROM audit_entries e WHERE e.actor_id = p.actor_id AND coalesce(e.profile_id, '') = p.profile_key)`);
  }
  return checkpoint;
}
