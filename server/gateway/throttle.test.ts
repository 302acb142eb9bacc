import { describe, expect, it } from 'vitest';
import { createFailureThrottle } from './throttle.ts';

describe('createFailureThrottle', () => {
  it('blocks an address after the limit, only within the window, and not other addresses', () => {
    let t = 0;
    const throttle = createFailureThrottle(3, 60_000, () => t);
    for (let i = 0; i < 2; i++) throttle.fail('a');
    expect(throttle.retryAfterS('a')).toBe(0);
    throttle.fail('a');
    expect(throttle.retryAfterS('a')).toBe(60);
    expect(throttle.retryAfterS('b')).toBe(0);
    t = 30_000;
    expect(throttle.retryAfterS('a')).toBe(30);
    t = 60_001;
    expect(throttle.retryAfterS('a')).toBe(0);
  });
});
