// What the team upstream reports as it works; metrics are one listener, tests another. Its own module so the
// upstream and the metrics that read its snapshot do not import each other.
import type { CacheOutcome } from './cache.ts';
import type { Admission, Priority } from './scheduler.ts';

export interface TeamObserver {
  admission(priority: Priority, admission: Admission): void;
  cache(outcome: CacheOutcome | 'bypass'): void;
  upstream(status: number, durationMs: number): void;
}

export const noopObserver: TeamObserver = { admission() {}, cache() {}, upstream() {} };
