// Slows down guessing of the access secret: after `limit` failures from one address within `windowMs`,
// further attempts from it are refused until the window has passed.

export interface FailureThrottle {
  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfterS(key: string): number;
  fail(key: string): void;
}

export function createFailureThrottle(
  limit = 10,
  windowMs = 10 * 60_000,
  now = () => Date.now(),
): FailureThrottle {
  const failures = new Map<string, { count: number; since: number }>();
  const current = (key: string) => {
    const entry = failures.get(key);
    if (entry && now() - entry.since > windowMs) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    retryAfterS(key) {
      const entry = current(key);
      return entry && entry.count >= limit ? Math.ceil((entry.since + windowMs - now()) / 1000) : 0;
    },
    fail(key) {
      const entry = current(key);
      if (entry) entry.count++;
      else {
        if (failures.size >= 10_000) failures.clear(); // bounded memory under a spray of addresses
        failures.set(key, { count: 1, since: now() });
      }
    },
  };
}
