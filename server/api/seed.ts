import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { INSERT_CONTACT_SQL } from './contacts-store.ts';
import { type Db, finishBulkLoad, getMeta, setMeta } from './db.ts';
import { DEMO_ACCOUNTS, DEMO_KEYS, ownerSpecs } from './demo.ts';
import { type ContactRow, generateContact, type OwnerSpec, usableRegions } from './generator.ts';

export interface SeedOptions {
  seed: number;
  contactsPerProfile: number;
  /** Extra owner specs, e.g. the benchmark's million-contact profile. */
  extraOwners?: OwnerSpec[];
}

/** Below this many contacts, worker start-up costs more than it saves. */
const PARALLEL_THRESHOLD = 50_000;
const BATCH = 5_000;

/** Seeds an empty database once; a database that was seeded keeps its data (and its edits) across restarts. */
export async function seedIfEmpty(db: Db, options: SeedOptions): Promise<boolean> {
  if (getMeta(db, 'seeded_at')) return false;
  insertAccounts(db);
  const owners = [...ownerSpecs(options.contactsPerProfile), ...(options.extraOwners ?? [])];
  const insert = db.prepare(INSERT_CONTACT_SQL);
  const insertMany = db.transaction((rows: ContactRow[]) => {
    for (const row of rows) insert.run(row);
  });
  for (const owner of owners) await generateOwner(options.seed, owner, insertMany);
  finishBulkLoad(db);
  setMeta(db, 'seed', String(options.seed));
  setMeta(db, 'contacts_per_profile', String(options.contactsPerProfile));
  setMeta(db, 'seeded_at', new Date().toISOString());
  return true;
}

function insertAccounts(db: Db): void {
  const insertAccount =
    db.prepare(`INSERT INTO accounts (id, type, name, organization_id, short_name, description,
    email, status, inherit_contacts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertKey = db.prepare('INSERT INTO api_keys (key, account_id) VALUES (?, ?)');
  db.transaction(() => {
    for (const a of DEMO_ACCOUNTS) {
      insertAccount.run(
        a.id,
        a.type,
        a.name,
        a.organizationId,
        a.shortName,
        a.description,
        a.email,
        a.status,
        a.inheritContacts ? 1 : 0,
        a.createdAt,
      );
    }
    for (const [key, accountId] of Object.entries(DEMO_KEYS)) insertKey.run(key, accountId);
  })();
}

async function generateOwner(
  seed: number,
  owner: OwnerSpec,
  sink: (rows: ContactRow[]) => void,
): Promise<void> {
  const regions = usableRegions(owner.regions, owner.count);
  if (owner.count < PARALLEL_THRESHOLD) {
    const rows: ContactRow[] = [];
    for (let i = 0; i < owner.count; i++) rows.push(generateContact(seed, owner, regions, i));
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
      return runWorker({ seed, owner, regions, start, end, batch: BATCH }, sink);
    }),
  );
}

function runWorker(job: object, sink: (rows: ContactRow[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./seed-worker-boot.mjs', import.meta.url), { workerData: job });
    worker.on('message', (rows: ContactRow[]) => sink(rows));
    worker.on('error', reject);
    worker.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`seed worker exited with ${code}`)),
    );
  });
}
