// PostgreSQL picks its indexes from statistics, so what is checked here is that the index made for a
// combination is the cheapest way to it: on a real PostgreSQL with sequential scans off, a person + a
// number's last digits is read through their own index (its partitions' copies are named after its columns),
// not a BitmapAnd of the person's entries and the digits', and a scoped admin's person + action through the
// index that carries the profile.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresBackend, useTrail } from '../testing/audit-stores.ts';
import { PG_LAST_TWO } from './pg-partitioned.ts';
import { countSql, type Dialect, pageSql, type Sql } from './plan.ts';
import { pgPlaceholder } from './sql.ts';
import type { AuditFilter } from './store.ts';

const dialect: Dialect = { ph: pgPlaceholder, lastTwo: PG_LAST_TWO, indexHint: () => '' };
async function plan(url: string, { sql, params }: Sql): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET enable_seqscan = off');
    const { rows } = await client.query(`EXPLAIN ${sql}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

describe('PostgreSQL: a person + last digits', () => {
  const suite = useTrail(postgresBackend());
  const filters: [string, AuditFilter][] = [
    ['asked by an admin of everything', { actor: 'u-1', number: { lastTwo: '23' } }],
    [
      'asked by an admin of one profile',
      { actor: 'u-1', number: { lastTwo: '23' }, visible: { profiles: ['p-1'], organizationWide: false } },
    ],
  ];
  it.each(filters)('%s: page and count through their own index', async (_, filter) => {
    const url = suite.trail().env.DATABASE_URL as string;
    for (const sql of [
      pageSql(dialect, { filter, direction: 'newest', limit: 51 }),
      countSql(dialect, filter, 10_000),
    ]) {
      const text = await plan(url, sql);
      expect(text).toMatch(/actor_id_right_at_seq/);
      expect(text).not.toMatch(/BitmapAnd/);
    }
  });
});

describe('PostgreSQL: a person + an action, asked by an admin of one profile', () => {
  const suite = useTrail(postgresBackend());
  it('page and count through the person + action + profile index', async () => {
    const url = suite.trail().env.DATABASE_URL as string;
    const filter: AuditFilter = {
      actor: 'u-1',
      actions: ['contact.edit'],
      visible: { profiles: ['p-1'], organizationWide: false },
    };
    for (const sql of [
      pageSql(dialect, { filter, direction: 'newest', limit: 51 }),
      countSql(dialect, filter, 10_000),
    ]) {
      expect(await plan(url, sql)).toMatch(/actor_id_action_profile_id_at_seq/);
    }
  });
});
