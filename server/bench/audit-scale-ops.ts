// bench:audit-scale's other measurements: the CSV export's pace (through the real route), full and
// incremental verification (through `audit:verify`'s own code), and appends while retention and an export
// run (what a lookup waits for meanwhile).
import { writeFileSync } from 'node:fs';
import { Anchorer, anchorLineOffset, readAnchors } from '../audit/anchor.ts';
import { runVerify } from '../audit/cli-verify.ts';
import type { SigningKey } from '../audit/keys.ts';
import { AuditRecorder } from '../audit/recorder.ts';
import { auditRoutes } from '../audit/routes.ts';
import { applyRetention } from '../audit/service.ts';
import type { AuditStore } from '../audit/store.ts';
import { ms, percentile } from './stats.ts';

export interface ExportPace {
  rows: number;
  seconds: number;
}

/** Reads `/export.csv?query` through the route until `maxRows` rows (or the end). */
export async function exportPace(store: AuditStore, query: string, maxRows: number): Promise<ExportPace> {
  const app = auditRoutes({ store, phoneKey: Buffer.alloc(32) });
  const started = performance.now();
  const response = await app.request(`/export.csv?${query}`);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let rows = -1; // the header
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const byte of value) if (byte === 10) rows += 1;
    if (rows >= maxRows) {
      await reader.cancel();
      break;
    }
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

export const perSecond = (count: number, seconds: number) =>
  `${Math.round(count / seconds).toLocaleString('en')}/s`;

export interface VerifyFigures {
  entries: number;
  seconds: number;
  message: string;
}

async function timedVerify(env: Record<string, string>, sinceLast: boolean): Promise<VerifyFigures> {
  const started = performance.now();
  const report = await runVerify(env, { sinceLast });
  const seconds = (performance.now() - started) / 1000;
  if (report.code !== 0) throw new Error(`verification failed: ${report.message}`);
  const entries = Number(/: (\d+) (new )?entries/.exec(report.message)?.[1] ?? 0);
  return { entries, seconds, message: report.message };
}

/** The whole trail, then (as a nightly run would) only what follows the anchor `recent` entries back. */
export async function verifyFigures(
  env: Record<string, string>,
  recent: number,
): Promise<{ full: VerifyFigures; incremental: VerifyFigures }> {
  const full = await timedVerify(env, false);
  const anchors = readAnchors(env.AUDIT_ANCHOR_FILE as string);
  const newest = anchors.findLast((l) => 'anchor' in l);
  const target = (newest && 'anchor' in newest ? newest.anchor.seq : 0) - recent;
  const start = anchors.findLast((l) => 'anchor' in l && l.anchor.seq <= target);
  if (start && 'anchor' in start) {
    const offset = anchorLineOffset(env.AUDIT_ANCHOR_FILE as string, start.line);
    const state = { v: 1, seq: start.anchor.seq, hash: start.anchor.hash, line: start.line, offset };
    writeFileSync(
      env.AUDIT_VERIFY_STATE as string,
      JSON.stringify({ ...state, verified_at: new Date().toISOString() }),
    );
  }
  return { full, incremental: await timedVerify(env, true) };
}

export interface AppendLatency {
  appends: number;
  p50: string;
  p95: string;
  p99: string;
  max: string;
  /** Share of the slowest 1 % spent queued behind the event loop rather than in the append. */
  slowestQueued: string;
}

const recorderFor = (store: AuditStore) => new AuditRecorder({ store, phoneKey: Buffer.alloc(32, 1) });

/** One lookup's entry, arriving as a request would: behind whatever the event loop has queued. */
async function timedAppend(recorder: AuditRecorder, i: number): Promise<Sample> {
  const t = performance.now();
  await new Promise((resolve) => setImmediate(resolve));
  const queued = performance.now() - t;
  await recorder.record({
    action: 'lookup',
    outcome: 'hit',
    actor: { id: 'agent-bench', name: 'Bench Agent', role: 'agent', groups: [] },
    phone: `+4477009${String(i % 100_000).padStart(5, '0')}`,
    requestId: `bench-${i}`,
  });
  return { total: performance.now() - t, queued };
}

/** An append's whole time, and the part spent queued behind the event loop (a retention step, an export batch). */
interface Sample {
  total: number;
  queued: number;
}

const latency = (samples: Sample[]): AppendLatency => {
  const totals = samples.map((s) => s.total);
  // Of the slowest 1 %, how much was queueing: the rest is the append itself (its insert and fsync).
  const p99 = percentile(totals, 99);
  const slow = samples.filter((s) => s.total >= p99);
  return {
    appends: samples.length,
    p50: ms(percentile(totals, 50)),
    p95: ms(percentile(totals, 95)),
    p99: ms(p99),
    max: ms(totals.reduce((a, b) => Math.max(a, b), 0)),
    slowestQueued: `${Math.round((100 * sum(slow.map((s) => s.queued))) / sum(slow.map((s) => s.total)))} %`,
  };
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** `count` appends with nothing else running: what this machine's disk gives an append right now. */
export async function appendsAlone(store: AuditStore, count: number): Promise<AppendLatency> {
  const recorder = recorderFor(store);
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) samples.push(await timedAppend(recorder, i));
  return latency(samples);
}

export interface AppendsDuring extends AppendLatency {
  retention: { seconds: number; deletedUpTo: number | null };
  exported: ExportPace;
}

/**
 * Appends one after another (as lookups would) while retention deletes the entries older than
 * `retentionDays` and an export of `exportQuery` streams; at least `minAppends`, until both are done. Each
 * arrives as a request would, behind whatever the event loop has queued (a retention batch, an export read):
 * its latency counts from its arrival, so that waiting is in it.
 */
export async function appendsDuring(
  store: AuditStore,
  key: SigningKey,
  anchorFile: string,
  retentionDays: number,
  exportQuery: string,
  minAppends: number,
): Promise<AppendsDuring> {
  const recorder = recorderFor(store);
  const anchorer = new Anchorer({ store, key, file: anchorFile });
  let busy = 2;
  const started = performance.now();
  const retention = applyRetention(store, anchorer, retentionDays, new Date()).then((checkpoint) => {
    busy -= 1;
    return { seconds: (performance.now() - started) / 1000, deletedUpTo: checkpoint?.seq ?? null };
  });
  const exported = exportPace(store, exportQuery, Number.MAX_SAFE_INTEGER).finally(() => {
    busy -= 1;
  });
  const samples: Sample[] = [];
  for (let i = 0; busy > 0 || i < minAppends; i++) samples.push(await timedAppend(recorder, i));
  return {
    ...latency(samples),
    retention: await retention,
    exported: await exported,
  };
}
