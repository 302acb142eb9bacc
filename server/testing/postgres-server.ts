// A real, throw-away PostgreSQL 15 for tests and benchmarks: a temp data dir, a free loopback port, a socket
// dir of its own, trust auth on loopback. initdb and postgres refuse to run as root, so as root (tests here)
// the dir belongs to the `postgres` user and both run through `runuser -u postgres`. Fails (never skips)
// when PostgreSQL is missing or does not start: `server/tools/ensure-debian-packages.sh` installs it.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const READY = /database system is ready to accept connections/;

export interface PostgresServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A pool for a test or a benchmark. `pool.end()` resolves before its sockets close, so a server stopped right
 * after it sends 57P01 (admin shutdown) to a client still saying goodbye; pg re-emits that on the pool, where
 * without a listener it is an uncaught error that fails whichever test file runs. That goodbye is expected;
 * any other error still fails.
 */
export function testPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
  return pool;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function asPostgresUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export interface PostgresOptions {
  /** fsync off: faster for tests; benchmarks keep it on to measure a durable commit. */
  durable?: boolean;
  startTimeoutMs?: number;
  /** More server settings (`name=value`), e.g. memory for a benchmark at scale. */
  settings?: string[];
}

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  if (!existsSync(join(PG_BIN, 'postgres'))) {
    throw new Error(
      `PostgreSQL not found in ${PG_BIN}: run server/tools/ensure-debian-packages.sh (apt-get install postgresql).`,
    );
  }
  const root = mkdtempSync(join(tmpdir(), 'audit-pg-'));
  const data = join(root, 'data');
  const sockets = join(root, 'sock');
  mkdirSync(data, { mode: 0o700 });
  mkdirSync(sockets);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    for (const dir of [root, data, sockets]) chownSync(dir, uid, gid);
  }
  execFileSync(
    ...asPostgresUser(join(PG_BIN, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]),
    { stdio: 'pipe' },
  );
  const port = await freePort();
  const settings = [
    '-D',
    data,
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-k',
    sockets,
    '-c',
    'max_connections=40',
  ];
  if (!options.durable) settings.push('-F');
  for (const setting of options.settings ?? []) settings.push('-c', setting);
  const [command, args] = asPostgresUser(join(PG_BIN, 'postgres'), settings);
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const stopped = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`PostgreSQL did not start:\n${log}`)),
      options.startTimeoutMs ?? 30_000,
    );
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (READY.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited (${code}) before it was ready:\n${log}`));
    });
  });
  // The postmaster itself (runuser's child) gets the signal: fast shutdown, then the dir goes.
  const postmasterPid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const kill = () => {
    try {
      process.kill(postmasterPid, 'SIGINT');
    } catch {}
  };
  process.once('exit', kill);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      kill();
      process.off('exit', kill);
      await stopped;
      rmSync(root, { recursive: true, force: true });
    },
  };
}
