// Long loops on the main thread in short slices, so the page keeps answering input and painting while
// 100,000 rows are checked: work for about `sliceMs`, then give the browser its turn, then carry on.

export interface SliceOptions {
  signal?: AbortSignal;
  /** Work per slice; well under the 50 ms that counts as a long task. */
  sliceMs?: number;
  /** Called after each slice with how many items are done. */
  onProgress?: (done: number) => void;
  now?: () => number;
  yieldToMain?: () => Promise<void>;
}

interface Scheduler {
  yield(): Promise<void>;
}

/**
 * Gives the browser a turn: scheduler.yield() where there is one (the loop keeps its place ahead of other
 * tasks), else a message-channel round trip (no 4 ms timer clamping).
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs `step(i)` for i = 0 … count-1 in slices; rejects with the signal's reason once it aborts. */
export async function forEachSliced(
  count: number,
  step: (index: number) => void,
  {
    signal,
    sliceMs = 8,
    onProgress,
    now = () => performance.now(),
    yieldToMain: pause = yieldToMain,
  }: SliceOptions = {},
): Promise<void> {
  let index = 0;
  while (index < count) {
    signal?.throwIfAborted();
    const end = now() + sliceMs;
    // The clock is read every 64 items: reading it costs more than a cheap step.
    do step(index++);
    while (index < count && ((index & 63) !== 0 || now() < end));
    onProgress?.(index);
    if (index < count) await pause();
  }
  signal?.throwIfAborted();
}
