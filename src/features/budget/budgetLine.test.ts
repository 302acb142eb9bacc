import { describe, expect, it } from 'vitest';
import type { RateLimit } from '../../queries/rateLimit';
import { budgetLine } from './budgetLine';

const team = (over: Partial<RateLimit>): RateLimit => ({
  limit: 150,
  remaining: 36,
  windowRemaining: 149,
  reset: 0,
  mode: 'local',
  ...over,
});

describe('budgetLine', () => {
  it('a moment after start, one request spent: 149 of 150 left this 60 s, 36 at once (not "36/150")', () => {
    expect(budgetLine(team({}))).toEqual({
      text: 'Team API budget: 149/150 requests left in the last 60 s · 36 can go at once, then requests wait',
      low: false,
    });
  });

  it('says when people wait now, and marks a nearly spent window as low', () => {
    expect(budgetLine(team({ remaining: 0, windowRemaining: 80 }))).toEqual({
      text: 'Team API budget: 80/150 requests left in the last 60 s · requests wait for the budget now',
      low: true,
    });
    expect(budgetLine(team({ remaining: 5, windowRemaining: 14 })).low).toBe(true);
    expect(budgetLine(team({ remaining: 5, windowRemaining: 15 })).low).toBe(false);
  });

  it('names a budget shared through Redis, and a bare API’s bucket for what it is', () => {
    expect(budgetLine(team({ mode: 'redis', limit: 1200, windowRemaining: 1190 })).text).toBe(
      'Team API budget: 1,190/1,200 requests left in the last 60 s · 36 can go at once, then requests wait · shared by every gateway',
    );
    expect(budgetLine(team({ mode: null, windowRemaining: null, limit: 200, remaining: 49 })).text).toBe(
      'API budget: 49 requests may go at once (200 a minute)',
    );
  });
});
