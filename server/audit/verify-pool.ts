// Worker threads for verification (verify-worker.ts), each with its own database connection: tasks go to
// whichever worker is free, so a slow range (or a busy core) does not hold the others up.
import { Worker } from 'node:worker_threads';
import type { WorkerSetup, WorkerTask } from './verify-worker.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Task = WorkerTask extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

export class VerifyPool {
  private readonly idle: Worker[] = [];
  private readonly queue: { task: Task; pending: Pending }[] = [];
  private readonly running = new Map<number, { worker: Worker; pending: Pending }>();
  private nextId = 1;
  private failure: Error | null = null;

  private constructor(private readonly workers: Worker[]) {}

  static async start(count: number, setup: WorkerSetup): Promise<VerifyPool> {
    // Workers run TypeScript through tsx, as `npm run audit:verify` itself does (a worker does not inherit
    // the loader, and `--import tsx` in its execArgv is not honoured by Node 20: it registers tsx itself).
    const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const entry = JSON.stringify(new URL('./verify-worker.ts', import.meta.url).href);
    const boot = `import(${tsx}).then(({ register }) => { register(); return import(${entry}); })`;
    const workers = Array.from({ length: count }, () => new Worker(boot, { eval: true, workerData: setup }));
    const pool = new VerifyPool(workers);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.once('error', reject);
            worker.once('message', () => {
              worker.off('error', reject);
              pool.attach(worker);
              resolve();
            });
          }),
      ),
    ).catch(async (error) => {
      await pool.close();
      throw error;
    });
    return pool;
  }

  private attach(worker: Worker): void {
    worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const job = this.running.get(message.id);
      if (!job) return;
      this.running.delete(message.id);
      if (message.error === undefined) job.pending.resolve(message.result);
      else job.pending.reject(new Error(message.error));
      this.idle.push(worker);
      this.dispatch();
    });
    worker.on('error', (error) => {
      this.failure = error;
      for (const job of this.running.values()) if (job.worker === worker) job.pending.reject(error);
      for (const { pending } of this.queue.splice(0)) pending.reject(error);
    });
    this.idle.push(worker);
  }

  run<T>(task: Task): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, pending: { resolve: resolve as (value: unknown) => void, reject } });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop() as Worker;
      const { task, pending } = this.queue.shift() as { task: Task; pending: Pending };
      const id = this.nextId++;
      this.running.set(id, { worker, pending });
      worker.postMessage({ ...task, id });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
