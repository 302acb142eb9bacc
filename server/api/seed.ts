import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DEMO_ACCOUNTS, DEMO_KEYS, ownerSpecs } from './demo.ts';
import { generateContact, type OwnerSpec, rowValues, usableRegions } from './generator.ts';
import { type Db, finishBulkLoad, getMeta, SLOT_SIZE, setMeta } from './store/schema.ts';
import { contactBatchWriter, insertAccounts, setDurable } from './store/seeding.ts';

export interface SeedOptions {
  seed: number;
  contactsPerProfile: number;
  /** Extra owner specs, e.g. the benchmark's million-contact profile. */
  extraOwners?: OwnerSpec[];
  /** Reports how long each phase took (the benchmark prints them). */
  onPhase?: (phase: string, ms: number) => void;
}

/** Below this many contacts, worker start-up costs more than it saves. */
const PARALLEL_THRESHOLD = 50_000;
const BATCH = 5_000;

/** Seeds an empty database once; a database that was seeded keeps its data (and its edits) across restarts. */
export async function seedIfEmpty(db: Db, options: SeedOptions): Promise<boolean> {
  if (getMeta(db, 'seeded_at')) return false;
  const owners = [...ownerSpecs(options.contactsPerProfile), ...(options.extraOwners ?? [])];
  // Each account's contacts get their own rowid range (see store/schema.ts).
  const slots = new Map(DEMO_ACCOUNTS.map((a, index) => [a.id, index + 1]));
  insertAccounts(db, DEMO_ACCOUNTS, DEMO_KEYS, slots);
  const insertMany = contactBatchWriter(db);
  setDurable(db, false);
  let started = performance.now();
  const phase = (name: string) => {
    options.onPhase?.(name, performance.now() - started);
    started = performance.now();
  };
  for (const owner of owners) {
    const slot = slots.get(owner.id);
    if (slot === undefined) throw new Error(`Unknown owner ${owner.id}`);
    await generateOwner(options.seed, owner, slot * SLOT_SIZE + 1, insertMany);
  }
  phase('generate + insert rows');
  finishBulkLoad(db, phase);
  setDurable(db, true);
  setMeta(db, 'seed', String(options.seed));
  setMeta(db, 'contacts_per_profile', String(options.contactsPerProfile));
  setMeta(db, 'seeded_at', new Date().toISOString());
  return true;
}

/** Generates an owner's contacts with rowids from `firstRid` on, handing batches of value rows to `sink`. */
async function generateOwner(
  seed: number,
  owner: OwnerSpec,
  firstRid: number,
  sink: (rows: unknown[][]) => void,
): Promise<void> {
  const regions = usableRegions(owner.regions, owner.count);
  if (owner.count < PARALLEL_THRESHOLD) {
    const rows: unknown[][] = [];
    for (let i = 0; i < owner.count; i++)
      rows.push(rowValues(generateContact(seed, owner, regions, i), firstRid + i));
    sink(rows);
    return;
  }
  // Formatting numbers with libphonenumber dominates seeding: spread it over worker threads while this
  // thread writes to SQLite. Each contact depends only on its index, so the split does not change the data.
  const workers = Math.max(1, availableParallelism());
  const share = Math.ceil(owner.count / workers);
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const start = w * share;
      const end = Math.min(owner.count, start + share);
      return runWorker({ seed, owner, regions, start, end, firstRid, batch: BATCH }, sink);
    }),
  );
}

function runWorker(job: object, sink: (rows: unknown[][]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./seed-worker-boot.mjs', import.meta.url), { workerData: job });
    worker.on('message', sink);
    worker.on('error', reject);
    worker.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`seed worker exited with ${code}`)),
    );
  });
}
