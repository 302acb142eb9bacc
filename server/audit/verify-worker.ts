// A verification worker thread (verify-run.ts): checks the chain ranges and anchor signatures it is sent,
// reading through database connections of its own (one per trail it is asked about, kept open).
import { parentPort, workerData } from 'node:worker_threads';
import { type Anchor, anchorSignedBy } from './anchor.ts';
import { type ChainSource, type ChainSourceSpec, checkRange, openChainSource } from './chain-source.ts';
import type { VerifyKey } from './keys.ts';

export type WorkerTask =
  | { id: number; kind: 'range'; source: ChainSourceSpec; after: number; upTo: number; anchored: number[] }
  | { id: number; kind: 'signatures'; anchors: { line: number; anchor: Anchor }[] };

export interface WorkerSetup {
  keys: VerifyKey[];
}

const setup = workerData as WorkerSetup;
const sources = new Map<string, Promise<ChainSource>>();
const sourceFor = (spec: ChainSourceSpec) => {
  const id = JSON.stringify(spec);
  if (!sources.has(id)) sources.set(id, openChainSource(spec));
  return sources.get(id) as Promise<ChainSource>;
};
const port = parentPort;
if (port) {
  // The pool terminates the thread when done; the connection goes with it.
  port.on('message', async (task: WorkerTask) => {
    try {
      if (task.kind === 'range') {
        const source = await sourceFor(task.source);
        const result = await checkRange(source, task.after, task.upTo, new Set(task.anchored));
        port.postMessage({ id: task.id, result });
      } else {
        // The lines whose signature holds; the rest are named by the main thread, in file order.
        const good = task.anchors.filter((a) => anchorSignedBy(a.anchor, setup.keys)).map((a) => a.line);
        port.postMessage({ id: task.id, result: good });
      }
    } catch (error) {
      port.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  port.postMessage({ ready: true });
}
