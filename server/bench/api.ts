/**
 * `npm run bench:api`: seeds one profile with 1,000,000 contacts and measures the embedded API over loopback HTTP.
 * Prints figures and ratios to the issue's targets; asserts nothing (benchmarks are not tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_IDS } from '../api/demo.ts';
import { mulberry32 } from '../api/random.ts';
import { startApiServer } from '../api/server.ts';
import { ms, percentile, printTable } from './stats.ts';

const COUNT = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'sent-bench-'));
const rand = mulberry32(2026);
const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)] as T;

console.log(`Seeding ${COUNT.toLocaleString('en')} contacts into one profile…`);
const phases: [string, string][] = [];
const seedStart = performance.now();
const api = await startApiServer({
  dbPath: join(dir, 'bench.sqlite'),
  contactsPerProfile: 100,
  rateLimit: false,
  onSeedPhase: (phase, took) => phases.push([phase, `${(took / 1000).toFixed(1)} s`]),
  extraOwners: [
    {
      id: DEMO_IDS.ventures,
      salt: 1001,
      count: COUNT,
      regions: [
        ['US', 30],
        ['GB', 15],
        ['DE', 10],
        ['IN', 10],
        ['BR', 8],
        ['MX', 7],
        ['IT', 5],
        ['CA', 5],
        ['JP', 5],
        ['NG', 5],
      ],
    },
  ],
});
const seedSeconds = (performance.now() - seedStart) / 1000;

const headers = { 'x-api-key': 'sk_test_org_demo', 'x-profile-id': DEMO_IDS.ventures };
async function get(query: string) {
  const started = performance.now();
  const res = await fetch(`${api.url}/v3/contacts?${query}`, { headers });
  const body = (await res.json()) as { data?: { contacts: { format_e164: string }[] } };
  const elapsed = performance.now() - started;
  if (res.status !== 200 && res.status !== 404) throw new Error(`${query} → ${res.status}`);
  return { elapsed, body };
}

// Real numbers to search for and look up, drawn from across the list.
const sampleNumbers: string[] = [];
for (const page of [1, 50, 500, 5_000, 15_000]) {
  const { body } = await get(`page=${page}&page_size=50`);
  sampleNumbers.push(...(body.data?.contacts.map((c) => c.format_e164) ?? []));
}
const substring = (len: number) => {
  const digits = pick(sampleNumbers).slice(1);
  const start = Math.floor(rand() * (digits.length - len + 1));
  return digits.slice(start, start + len);
};

const scenarios: [string, () => string, string][] = [
  ['list page 1', () => 'page=1&page_size=50', '—'],
  ['list, first 100 pages', () => `page=${1 + Math.floor(rand() * 100)}&page_size=50`, '≤ 10 ms'],
  ['list, deep page (offset ~500k)', () => `page=${10_000 + Math.floor(rand() * 10)}&page_size=50`, '—'],
  [
    'list + search (4–7 digits)',
    () => `page=1&page_size=50&search=${substring(4 + Math.floor(rand() * 4))}`,
    '≤ 25 ms',
  ],
  ['list + search (3 digits)', () => `page=1&page_size=50&search=${substring(3)}`, '—'],
  [
    'list + channel=whatsapp',
    () => `page=${1 + Math.floor(rand() * 100)}&page_size=50&channel=whatsapp`,
    '—',
  ],
  ['list + search + channel', () => `page=1&page_size=50&channel=sms&search=${substring(5)}`, '—'],
  [
    'phone lookup (any format)',
    () => `page=1&page_size=50&phone=${encodeURIComponent(`00${pick(sampleNumbers).slice(1)}`)}`,
    '≤ 5 ms',
  ],
];

const rows: (string | number)[][] = [];
for (const [name, query, target] of scenarios) {
  for (let i = 0; i < 20; i++) await get(query()); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push((await get(query())).elapsed);
  rows.push([name, ms(percentile(samples, 50)), ms(percentile(samples, 95)), target]);
}

console.log(`\nSeeding ${COUNT.toLocaleString('en')} contacts: ${seedSeconds.toFixed(1)} s (target ≤ 30 s)`);
for (const [phase, took] of phases) console.log(`  ${phase}: ${took}`);
console.log(`Latency over loopback HTTP, ${RUNS} sequential requests each, page_size 50:\n`);
printTable(['scenario', 'p50', 'p95', 'target p95'], rows);

await api.close();
rmSync(dir, { recursive: true, force: true });
