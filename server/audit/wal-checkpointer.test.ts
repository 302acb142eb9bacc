// The writer's own checkpoints are off and the worker's connection copies the WAL into the database file:
// with the writer not checkpointing, the file grows only if the worker did it. Once copied, the WAL file
// shrinks back to its limit.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from '../testing/audit-stores.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';

const temp = tempDir();
afterAll(() => temp.remove());

it('checkpoints the WAL from its worker while the writer does not', async () => {
  const path = join(temp.dir, 'wal.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v TEXT)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const checkpointer = startWalCheckpointer(db, path, 20);
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  for (let i = 0; i < 2000; i++) insert.run('x'.repeat(2000)); // ~1,000 pages, each commit its own
  await expect.poll(() => statSync(path).size, { timeout: 10_000 }).toBeGreaterThan(1_000_000);
  await checkpointer.stop();
  db.close();
});

it('gives the disk back: once copied, the WAL file is cut to what it may keep', async () => {
  const path = join(temp.dir, 'shrink.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v TEXT)');
  const keep = 256 * 1024;
  const checkpointer = startWalCheckpointer(db, path, 20, keep);
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(2000));
  })(); // ~4 MB of WAL in one commit
  expect(statSync(`${path}-wal`).size).toBeGreaterThan(8 * keep);
  // Each write after the worker has copied everything starts the WAL over, and its commit cuts the file.
  await expect
    .poll(
      () => {
        insert.run('y');
        return statSync(`${path}-wal`).size;
      },
      { timeout: 10_000 },
    )
    .toBeLessThanOrEqual(keep);
  await checkpointer.stop();
  db.close();
});

it('stops once: a second stop resolves instead of waiting for an exit that has happened', async () => {
  const path = join(temp.dir, 'twice.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  const checkpointer = startWalCheckpointer(db, path, 20);
  await checkpointer.stop();
  await expect(checkpointer.stop()).resolves.toBeUndefined();
  db.close();
});
