import { describe, expect, it } from 'vitest';
import type { FetchPage } from '../../queries/exportPages';
import { checkExisting, planExistingCheck } from './existing';

/** A profile of `total` contacts numbered +1202555xxxx, served 100 a page; records the pages asked for. */
function profile(total: number) {
  const asked: number[] = [];
  const fetchPage: FetchPage = async (page, pageSize) => {
    asked.push(page);
    const from = (page - 1) * pageSize;
    const count = Math.max(0, Math.min(pageSize, total - from));
    return {
      contacts: Array.from({ length: count }, (_, i) => ({
        id: `c${from + i}`,
        format_e164: `+1202555${String(from + i).padStart(4, '0')}`,
      })),
      pagination: {
        page,
        page_size: pageSize,
        total_count: total,
        total_pages: Math.ceil(total / pageSize),
        has_more: from + count < total,
      },
    };
  };
  return { fetchPage, asked };
}

const options = () => ({ signal: new AbortController().signal, onPlan: () => {}, onProgress: () => {} });

describe('the check for numbers already in the profile', () => {
  it('reads the list only when that takes fewer requests than the import', () => {
    expect(planExistingCheck(1200, 13)).toEqual({ total: 1200, pages: 12, sends: 13, read: true });
    expect(planExistingCheck(1200, 12)).toMatchObject({ pages: 12, read: false });
    expect(planExistingCheck(0, 1)).toMatchObject({ pages: 0, read: true });
  });

  it('reads every page and collects the numbers', async () => {
    const { fetchPage, asked } = profile(250);
    const progress: number[] = [];
    const result = await checkExisting(fetchPage, 10, {
      ...options(),
      onProgress: ({ pagesDone }) => progress.push(pagesDone),
    });
    expect(result.plan).toMatchObject({ pages: 3, read: true });
    expect(asked).toEqual([1, 2, 3]);
    expect(progress).toEqual([1, 2, 3]);
    expect(result.numbers?.size).toBe(250);
    expect(result.numbers?.has('+12025550249')).toBe(true);
  });

  it('stops after the first page when reading would cost more than importing', async () => {
    const { fetchPage, asked } = profile(5000);
    const result = await checkExisting(fetchPage, 20, options());
    expect(result).toEqual({ plan: { total: 5000, pages: 50, sends: 20, read: false }, numbers: null });
    expect(asked).toEqual([1]);
  });
});
