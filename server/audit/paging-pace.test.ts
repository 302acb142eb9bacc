// An export gives way: between batches it rests as long as the batch took (its read and what the reader did
// with its rows), and not after the last, on an injected clock.
import { describe, expect, it } from 'vitest';
import { type Pace, scanOldestFirst } from './paging.ts';
import type { Dialect } from './plan.ts';
import { pgPlaceholder } from './sql.ts';

const dialect: Dialect = { ph: pgPlaceholder, lastTwo: 'right(phone_masked, 2)', indexHint: () => '' };
const row = (seq: number) => ({
  seq,
  at: `2026-01-01T00:00:0${seq}.000Z`,
  actor_groups: '[]',
  details: '{}',
});

describe('scanOldestFirst', () => {
  it('rests between batches as long as each took, read and consumed', async () => {
    let now = 0;
    const rests: number[] = [];
    const pace: Pace = {
      now: () => now,
      rest: async (ms) => {
        rests.push(ms);
        now += ms;
      },
    };
    const pages = [[row(1), row(2)], [row(3), row(4)], [row(5)]];
    const src = {
      dialect,
      run: async () => {
        now += 3; // each read takes 3 ms
        return pages.shift() ?? [];
      },
    };
    const seen: number[] = [];
    for await (const entry of scanOldestFirst(src, {}, 2, pace)) {
      seen.push(entry.seq);
      now += 1; // and each row 1 ms of the reader's
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(rests).toEqual([5, 5]);
  });
});
