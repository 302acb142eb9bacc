// Each gateway process runs one worker (a random instance id). It claims a running or undoing job whose lease is
// free or expired (one conditional UPDATE: one replica at a time), renews the lease while it works, and releases
// it when the job pauses, is cancelled, finishes, or the process stops gracefully. A killed process's job is
// taken over by the next worker once the lease runs out; rows it sent but did not record are sent again with
// the same Idempotency-Key, so the API answers with the first contact.
//
// Work on a job is a pass over its due rows in row order, a few at a time (the team budget paces them). Before
// each row the job's status is read, so a pause or cancel is seen before the next row. A pass ends when the
// rows run out (then the job is done, or the worker waits for the earliest retry), the budget sets a row aside
// (wait its Retry-After, then start again from the first due row), or the job stops.
import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from '../clock.ts';
import { delay } from './delay.ts';
import type { ApiCall } from './host.ts';
import { type Recorder, recordAnswer, recordJobStep } from './import-audit.ts';
import { rowChange } from './row-change.ts';
import { sendRow, type WorkMode } from './send-row.ts';
import type { ImportStore, StoredJob, StoredRow } from './store.ts';

export interface WorkerOptions {
  store: ImportStore;
  api: ApiCall;
  recorder: Recorder;
  leaseMs: number;
  clock?: Clock;
  instanceId?: string;
  /** Rows out at once (the team budget is what paces them). */
  concurrency?: number;
  /** How often an idle worker looks for work (a job started in this process wakes it at once). */
  pollMs?: number;
  /**
   * Least time between two rows sent (0: none). The budget decides how many go, but rows spaced evenly never
   * fill the team's 60 s window in one burst that people would then find full until it ages out (service.ts).
   */
  gapMs?: number;
  log?: (message: string) => void;
}

/** How a step ended: nothing to claim, the job finished or stopped, or it waits for a row to be due. */
export type StepResult =
  | { kind: 'idle' }
  | { kind: 'finished' | 'stopped' }
  | { kind: 'wait'; untilMs: number };

const BATCH = 50;
/** A row whose audit entry could not be stored is tried again after this long. */
const AUDIT_RETRY_MS = 5_000;

export class ImportWorker {
  readonly id: string;
  private readonly clock: Clock;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private stopping = false;
  private lost = false;
  private calls = new AbortController();
  private loop: Promise<void> | null = null;
  /** Aborted to end the idle wait early. */
  private wake = new AbortController();
  private nextSendAt = 0;
  /** Work was announced while the worker was busy: do not sleep after this step. */
  private nudged = false;

  constructor(private readonly o: WorkerOptions) {
    this.id = o.instanceId ?? randomUUID();
    this.clock = o.clock ?? systemClock;
    this.concurrency = o.concurrency ?? 4;
    this.pollMs = o.pollMs ?? 2_000;
  }

  /** Runs in the background until stop(). */
  start(): void {
    this.loop ??= this.run();
  }

  /** Look for work now (a job was started or resumed in this process). */
  nudge(): void {
    this.nudged = true;
    this.wake.abort();
  }

  /** Graceful: calls out are abandoned (their rows are sent again later), the lease is released. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.calls.abort();
    this.wake.abort();
    await this.loop;
  }

  private get halted() {
    return this.stopping || this.lost;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let result: StepResult;
      try {
        result = await this.step();
      } catch (error) {
        this.o.log?.(`imports: ${error instanceof Error ? error.message : String(error)}`);
        result = { kind: 'idle' };
      }
      if (result.kind === 'finished' || result.kind === 'stopped') continue;
      const until = result.kind === 'wait' ? result.untilMs : Number.POSITIVE_INFINITY;
      await this.sleep(Math.min(until - this.clock.now(), this.pollMs));
    }
  }

  private async sleep(ms: number): Promise<void> {
    if (!this.nudged && !this.stopping) {
      this.wake = new AbortController();
      await delay(this.clock, ms, this.wake.signal);
    }
    this.nudged = false;
  }

  /** Claims one job and works on it until it finishes, stops or must wait; the lease is then released. */
  async step(): Promise<StepResult> {
    const job = await this.o.store.claim(this.id, this.clock.now(), this.o.leaseMs);
    if (!job) return { kind: 'idle' };
    this.lost = false;
    this.calls = new AbortController();
    const stopRenewing = this.keepLease(job);
    try {
      return await this.pass(job);
    } finally {
      stopRenewing();
      await this.o.store.release(job.id, this.id);
    }
  }

  /** Renews the lease every third of its length; a lease found lost stops the work. */
  private keepLease(job: StoredJob): () => void {
    let timer: unknown = null;
    const renew = async () => {
      if (this.halted) return;
      const status = await this.o.store
        .renew(job.id, this.id, this.clock.now(), this.o.leaseMs)
        .catch(() => job.status);
      if (status === null) this.lost = true;
      else schedule();
    };
    const schedule = () => {
      timer = this.clock.setTimeout(() => void renew(), this.o.leaseMs / 3);
    };
    schedule();
    return () => this.clock.clearTimeout(timer);
  }

  private async pass(job: StoredJob): Promise<StepResult> {
    const mode: WorkMode = job.status === 'undoing' ? 'undo' : 'import';
    const state = mode === 'undo' ? 'created' : 'pending';
    const out = new Set<Promise<void>>();
    let after = 0;
    let shedUntil: number | null = null;
    let stopped = false;
    rows: for (;;) {
      const due = await this.o.store.dueRows(job.id, state, after, this.clock.now(), BATCH);
      if (due.length === 0) break;
      for (const row of due) {
        if (shedUntil !== null) break rows;
        await this.paced();
        if (this.halted || (await this.o.store.status(job.id)) !== job.status) {
          stopped = true;
          break rows;
        }
        const sent: Promise<void> = this.handle(job, row, mode)
          .then((until) => {
            if (until !== null) shedUntil = Math.max(shedUntil ?? 0, until);
          })
          .finally(() => out.delete(sent));
        out.add(sent);
        after = row.item;
        if (out.size >= this.concurrency) await Promise.race(out);
      }
    }
    await Promise.all(out);
    if (stopped || this.halted) return { kind: 'stopped' };
    if (shedUntil !== null) return { kind: 'wait', untilMs: shedUntil };
    const next = await this.o.store.nextDue(job.id, state);
    if (next !== null) return { kind: 'wait', untilMs: next };
    const finished = await this.o.store.transition(
      job.id,
      [job.status],
      mode === 'undo' ? 'undone' : 'done',
      this.clock.now(),
    );
    if (finished) await recordJobStep(this.o.recorder, finished, mode === 'undo' ? 'undone' : 'done');
    return { kind: 'finished' };
  }

  /** Waits for the next send slot (gapMs after the last); a stop ends the wait at once. */
  private async paced(): Promise<void> {
    const gap = this.o.gapMs ?? 0;
    if (gap <= 0) return;
    await delay(this.clock, this.nextSendAt - this.clock.now(), this.calls.signal);
    this.nextSendAt = Math.max(this.clock.now(), this.nextSendAt) + gap;
  }

  /** Sends one row and stores its result; returns when to try again if the budget set it aside. */
  private async handle(job: StoredJob, row: StoredRow, mode: WorkMode): Promise<number | null> {
    const answer = await sendRow(this.o.api, job, row, mode, this.calls.signal);
    if (answer.kind === 'shed') return this.clock.now() + answer.retryAfterMs;
    try {
      await recordAnswer(this.o.recorder, job, row, answer);
    } catch (error) {
      // Not recorded, so not stored either: the row is sent again later and its replay recorded then.
      this.o.log?.(`imports: audit entry for row ${row.row} of ${job.id} failed: ${String(error)}`);
      const later = {
        ...row,
        reason: 'the audit trail is unavailable',
        dueAt: this.clock.now() + AUDIT_RETRY_MS,
      };
      await this.o.store.saveRow(job.id, row.item, { ...later, doneAt: null });
      return null;
    }
    const change = rowChange(row, answer, mode, this.clock.now());
    if (change) await this.o.store.saveRow(job.id, row.item, change);
    return null;
  }
}
