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

/** A WAL database with one table, checkpointed by a worker every 20 ms. */
function walDatabase(name: string, keepBytes?: number) {
  const path = join(temp.dir, name);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v TEXT)');
  const checkpointer = startWalCheckpointer(db, path, 20, keepBytes);
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  const wal = () => statSync(`${path}-wal`).size;
  const close = async () => {
    await checkpointer.stop();
    db.close();
  };
  return { path, db, insert, wal, close };
}

it('checkpoints the WAL from its worker while the writer does not', async () => {
  const { path, db, insert, close } = walDatabase('wal.sqlite');
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  expect(statSync(path).size).toBeLessThan(100_000);
  for (let i = 0; i < 2000; i++) insert.run('x'.repeat(2000)); // ~1,000 pages, each commit its own
  await expect.poll(() => statSync(path).size, { timeout: 10_000 }).toBeGreaterThan(1_000_000);
  await close();
});

it('gives the disk back: once copied, the WAL file is cut to what it may keep', async () => {
  const keep = 256 * 1024;
  const { db, insert, wal, close } = walDatabase('shrink.sqlite', keep);
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(2000));
  })(); // ~4 MB of WAL in one commit
  expect(wal()).toBeGreaterThan(8 * keep);
  // Each write after the worker has copied everything starts the WAL over, and its commit cuts the file.
  await expect
    .poll(
      () => {
        insert.run('y');
        return wal();
      },
      { timeout: 10_000 },
    )
    .toBeLessThanOrEqual(keep);
  await close();
});

it('starts the WAL over under writes that never pause, so it does not grow without end', async () => {
  const keep = 64 * 1024; // restarts past 4 × 64 KB
  const { insert, wal, close } = walDatabase('steady.sqlite', keep);
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
  await close();
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
