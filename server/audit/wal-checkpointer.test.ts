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

it('starts the WAL over under writes that never pause, so it does not grow without end', async () => {
  const path = join(temp.dir, 'steady.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v TEXT)');
  const keep = 64 * 1024; // restarts past 4 × 64 KB
  const checkpointer = startWalCheckpointer(db, path, 20, keep);
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  const wal = () => statSync(`${path}-wal`).size;
  // Writes one after another, as retention's steps and appends do: a PASSIVE pass (an fsync) never ends in
  // a gap between two of them, so only the RESTART lets one begin with every frame copied.
  let grown = false;
  let cut = false;
  const giveUp = Date.now() + 10_000; // failure bound only: passes as soon as the file is cut
  while (!cut && Date.now() < giveUp) {
    insert.run('x'.repeat(2000));
    grown ||= wal() > 4 * keep;
    cut = grown && wal() <= keep;
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect({ grown, cut }).toEqual({ grown: true, cut: true });
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
