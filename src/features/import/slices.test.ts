import { expect, it } from 'vitest';
import { forEachSliced } from './slices';

it('works in slices of about sliceMs, yielding between them, and reports progress', async () => {
  let clock = 0;
  const yields: number[] = [];
  const progress: number[] = [];
  const seen: number[] = [];
  await forEachSliced(
    300,
    (index) => {
      seen.push(index);
      clock += 0.1; // each step takes 0.1 ms: 80 fit in an 8 ms slice, checked every 64 steps
    },
    {
      sliceMs: 8,
      now: () => clock,
      yieldToMain: async () => {
        yields.push(seen.length);
      },
      onProgress: (done) => progress.push(done),
    },
  );
  expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i));
  expect(yields).toEqual([128, 256]);
  expect(progress).toEqual([128, 256, 300]);
});

it('stops when its signal aborts', async () => {
  const controller = new AbortController();
  let steps = 0;
  const run = forEachSliced(
    1000,
    () => {
      steps++;
    },
    {
      signal: controller.signal,
      sliceMs: 0,
      yieldToMain: async () => controller.abort(new Error('stopped')),
    },
  );
  await expect(run).rejects.toThrow('stopped');
  expect(steps).toBe(64);
});
