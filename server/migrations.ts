// Numbered schema migrations, shared by the stores that keep their own tables (the audit trail, import jobs).
// PostgreSQL: recorded in a table of their own; replicas starting together apply them one at a time (an
// advisory lock), all pending ones in one transaction. SQLite: the file's user_version, one transaction each.
import type Database from 'better-sqlite3';
import type { Pool } from 'pg';
import { inTransaction } from './pg-transaction.ts';

export interface PgMigrations {
  /** Where applied versions are recorded, e.g. audit_migrations. */
  table: string;
  /** Advisory lock id serializing replicas that migrate at the same time. */
  lock: number;
  /** migrations[n] takes the schema from version n to n + 1. */
  migrations: readonly string[];
}

export function migratePg(pool: Pool, { table, lock, migrations }: PgMigrations): Promise<void> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [lock]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${table} (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query(`SELECT coalesce(max(version), 0) AS v FROM ${table}`);
    const current = Number(rows[0]?.v ?? 0);
    for (let version = current + 1; version <= migrations.length; version++) {
      await client.query(migrations[version - 1] as string);
      await client.query(`INSERT INTO ${table} (version) VALUES ($1)`, [version]);
    }
  });
}

/** Applies migrations[user_version…] to a SQLite file, each in its own IMMEDIATE transaction. */
export function migrateSqlite(db: Database.Database, migrations: readonly string[]): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  migrations.slice(version).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + i + 1}`);
    }).immediate();
  });
}
