// Prometheus metrics of the team budget, queue, cache and upstream (prom-client, in a registry of our own so
// nothing global leaks between gateways or tests). Gauges read the team's snapshot when scraped.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { TeamObserver } from './observer.ts';
import type { TeamSnapshot } from './team-upstream.ts';

export interface TeamMetrics {
  registry: Registry;
  observer: TeamObserver;
}

const MODES = ['local', 'redis', 'local-fallback'] as const;

export function createTeamMetrics(snapshot: () => TeamSnapshot): TeamMetrics {
  const registry = new Registry();
  const registers = [registry];
  const gauge = (
    name: string,
    help: string,
    read: (s: TeamSnapshot, g: Gauge) => void,
    labelNames: string[] = [],
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      collect() {
        read(snapshot(), this);
      },
    });
  gauge('sent_budget_limit_per_minute', "The console's share of the account's requests per minute.", (s, g) =>
    g.set(s.limit),
  );
  gauge('sent_budget_remaining', 'Requests that may go upstream now.', (s, g) => g.set(s.remaining));
  gauge('sent_budget_replicas', 'Gateway replicas sharing the budget.', (s, g) => g.set(s.replicas));
  gauge(
    'sent_budget_mode',
    'Where the budget is kept (1 for the current mode).',
    (s, g) => {
      for (const m of MODES) g.set({ mode: m }, s.mode === m ? 1 : 0);
    },
    ['mode'],
  );
  gauge(
    'sent_queue_length',
    'Requests waiting for the budget.',
    (s, g) => {
      g.set({ priority: 'interactive' }, s.queued.interactive);
      g.set({ priority: 'background' }, s.queued.background);
    },
    ['priority'],
  );

  const spent = new Counter({
    name: 'sent_budget_spent_total',
    help: 'Tokens spent: requests let through to the upstream.',
    registers,
  });
  const refused = new Counter({
    name: 'sent_budget_refused_total',
    help: 'Requests answered 429 by the gateway: over-budget (interactive) or shed (background).',
    labelNames: ['priority', 'reason'],
    registers,
  });
  const wait = new Histogram({
    name: 'sent_queue_wait_seconds',
    help: 'Time spent waiting for the budget.',
    labelNames: ['priority', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20],
    registers,
  });
  const cache = new Counter({
    name: 'sent_cache_requests_total',
    help: 'GETs by cache outcome (shared = answered by a fetch already in flight).',
    labelNames: ['outcome'],
    registers,
  });
  const upstream = new Histogram({
    name: 'sent_upstream_duration_seconds',
    help: 'Upstream answers by status, with their latency.',
    labelNames: ['status'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });

  return {
    registry,
    observer: {
      admission(priority, a) {
        wait.observe({ priority, outcome: a.kind }, a.waitedMs / 1000);
        if (a.kind === 'granted') spent.inc();
        if (a.kind === 'over-budget' || a.kind === 'shed') refused.inc({ priority, reason: a.kind });
      },
      cache: (outcome) => cache.inc({ outcome }),
      upstream(status, durationMs) {
        upstream.observe({ status: String(status) }, durationMs / 1000);
      },
    },
  };
}
