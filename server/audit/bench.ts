// How long one `record` takes (what a lookup waits for): sequential appends through the recorder, then
// percentiles. Called by `npm run bench:audit` (and later by bench:gateway); asserts nothing.
import { percentile } from '../bench/stats.ts';
import type { Action } from './entry.ts';
import { AuditRecorder } from './recorder.ts';
import type { AuditStore } from './store.ts';

export interface AppendLatency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export async function measureAppendLatency(store: AuditStore, count = 500): Promise<AppendLatency> {
  const recorder = new AuditRecorder({
    store,
    phoneKey: Buffer.from('bench-phone-hash-key-0123456789abcdef'),
  });
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const action: Action = 'lookup';
    const started = performance.now();
    await recorder.record({
      action,
      outcome: i % 3 ? 'hit' : 'miss',
      actor: { id: `u-${i % 7}`, name: 'Bench Person', role: 'agent', groups: ['support'] },
      profileId: 'bench-profile',
      phone: `+1415555${String(i % 10_000).padStart(4, '0')}`,
      requestId: `req-${i}`,
      clientAddress: '127.0.0.1',
      userAgent: 'bench',
    });
    samples.push(performance.now() - started);
  }
  return {
    count,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
  };
}
