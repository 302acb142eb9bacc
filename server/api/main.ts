import { parseArgs } from 'node:util';
import { DEMO_KEYS } from './demo.ts';
import { DEFAULTS, startApiServer } from './server.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: '.data/api.sqlite' },
    contacts: { type: 'string' },
    seed: { type: 'string' },
    'no-rate-limit': { type: 'boolean', default: false },
    latency: { type: 'string' },
    'error-rate': { type: 'string' },
  },
});

function parseLatency(raw: string | undefined): number | [number, number] | undefined {
  if (!raw) return undefined;
  const [min, max] = raw.split('-').map(Number);
  if (min === undefined || !Number.isFinite(min))
    throw new Error(`--latency must look like 50 or 50-300, got ${raw}`);
  return max !== undefined && Number.isFinite(max) ? [min, max] : min;
}

const api = await startApiServer({
  port: Number(process.env.PORT ?? 4010),
  dbPath: values.db,
  contactsPerProfile: values.contacts ? Number(values.contacts) : undefined,
  seed: values.seed ? Number(values.seed) : undefined,
  rateLimit: values['no-rate-limit'] ? false : DEFAULTS.rateLimit,
  latencyMs: parseLatency(values.latency),
  errorRate: values['error-rate'] ? Number(values['error-rate']) : undefined,
});

console.log(`Embedded Sent-compatible API on ${api.url} (data: ${values.db})`);
console.log('Demo keys (send as x-api-key):');
for (const key of Object.keys(DEMO_KEYS)) console.log(`  ${key}`);
console.log(`Try: curl -H 'x-api-key: sk_test_org_demo' '${api.url}/v3/contacts?page=1&page_size=5'`);

const stop = () => api.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
