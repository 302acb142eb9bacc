// A verification worker thread (verify-run.ts): checks the chain ranges and anchor signatures it is sent,
// reading through a database connection of its own.
import { parentPort, workerData } from 'node:worker_threads';
import { type Anchor, anchorSignedBy } from './anchor.ts';
import { type ChainSourceSpec, checkRange, openChainSource } from './chain-source.ts';
import type { VerifyKey } from './keys.ts';

export type WorkerTask =
  | { id: number; kind: 'range'; after: number; upTo: number; anchored: number[] }
  | { id: number; kind: 'signatures'; anchors: { line: number; anchor: Anchor }[] };

export interface WorkerSetup {
  source: ChainSourceSpec;
  keys: VerifyKey[];
}

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port) {
  const source = await openChainSource(setup.source);
  // The pool terminates the thread when done; the connection goes with it.
  port.on('message', async (task: WorkerTask) => {
    try {
      if (task.kind === 'range') {
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
