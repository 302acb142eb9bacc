// How background work (the export's pages, the import's read of existing numbers) spends the key's request
// budget: each request waits for its slot once the budget runs low, and failures are retried the way the
// rest of the console retries them. No ordering here.
import type { RateLimit } from './rateLimit';
import { isSetAside, retryDelay, shouldRetry } from './retry';

/** Requests kept back for the rest of the console (and other tabs) when the rate limit runs low. */
const RATE_RESERVE = 10;

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface PacerOptions {
  sleep: Sleep;
  now: () => number;
  /** The latest X-RateLimit-* figures (null while unknown: nothing is paced). */
  rateLimit: () => RateLimit | null;
}

export class RequestPacer {
  /** Shared by all workers: the earliest time the next request may go out when pacing. */
  private nextSlot = 0;

  constructor(private readonly options: PacerOptions) {}

  /** One call, waiting out 429s (Retry-After) and retrying 5xx/network like the rest of the console. */
  async call<T>(request: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    for (let failures = 0; ; ) {
      await this.pace(signal);
      try {
        return await request(signal);
      } catch (error) {
        if (signal.aborted) throw error;
        // Set aside by the gateway while people need the budget: the export slows down, it has not failed.
        if (isSetAside(error)) {
          await this.options.sleep(retryDelay(0, error), signal);
          continue;
        }
        failures++;
        if (!shouldRetry(failures, error)) throw error;
        // retryDelay is the server's Retry-After on a 429, else a short backoff.
        await this.options.sleep(retryDelay(failures - 1, error), signal);
      }
    }
  }

  /**
   * Stays inside the key's rate limit without waiting for a 429: once X-RateLimit-Remaining drops to a
   * small reserve, requests go out one refill interval apart (60 s / limit), shared across workers, so
   * the rest of the console still has requests to spend while a big export runs.
   */
  private async pace(signal: AbortSignal): Promise<void> {
    const limit = this.options.rateLimit();
    if (!limit || limit.limit <= 0 || limit.remaining > RATE_RESERVE) return;
    const interval = 60_000 / limit.limit;
    const now = this.options.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + interval;
    if (slot > now) await this.options.sleep(slot - now, signal);
  }
}
