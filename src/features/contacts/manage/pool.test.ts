import { describe, expect, it } from 'vitest';
import { eachLimited } from './pool';

/** A task per item that finishes only when the test says so. */
function controlled() {
  const release = new Map<number, () => void>();
  let running = 0;
  let peak = 0;
  const started: number[] = [];
  const work = (item: number) =>
    new Promise<void>((resolve) => {
      running += 1;
      peak = Math.max(peak, running);
      started.push(item);
      release.set(item, () => {
        running -= 1;
        resolve();
      });
    });
  return { release, work, started, peak: () => peak };
}

/** Lets every pending promise reaction run (no timers: the workers only chain promises). */
const tick = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

describe('eachLimited', () => {
  it('never runs more than the limit at once, starts in list order, and resolves when all are done', async () => {
    const c = controlled();
    let done = false;
    const all = eachLimited([1, 2, 3, 4, 5], 2, c.work).then(() => {
      done = true;
    });
    await tick();
    expect(c.started).toEqual([1, 2]);
    c.release.get(2)?.();
    await tick();
    expect(c.started).toEqual([1, 2, 3]);
    for (const item of [1, 3, 4, 5]) {
      c.release.get(item)?.();
      await tick();
    }
    await all;
    expect(done).toBe(true);
    expect(c.started).toEqual([1, 2, 3, 4, 5]);
    expect(c.peak()).toBe(2);
  });

  it('does nothing for no items, and runs everything at once under a larger limit', async () => {
    await expect(eachLimited([], 3, async () => {})).resolves.toBeUndefined();
    const c = controlled();
    const all = eachLimited([1, 2], 5, c.work);
    await tick();
    expect(c.peak()).toBe(2);
    c.release.get(1)?.();
    c.release.get(2)?.();
    await all;
  });
});
