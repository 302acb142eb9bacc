/**
 * `npm run bench:import`: one import of IMPORT_ROWS (10,000) new numbers through the gateway (composeGateway
 * with the team budget, the audit trail and the import worker) into the embedded API with its rate limit on,
 * while the 20 staff of staff.ts browse. Prints the import's pace against what the staff left of the team's
 * share, the staff's interactive latency meanwhile, duplicates (contacts per imported number: must be 0
 * extra), and the total time. Asserts nothing.
 *
 * At Sent's real limit (200/min, team share 150/min) 10,000 rows take over an hour, so BENCH_SCALE (1) multiplies
 * the API's limit, the team budget and the staff's pace alike: the same contention, N times faster.
 * (One file: the run, what it watches and what it prints read best together.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ImportJob, type ImportRequest, sha256Hex } from '../../src/shared/imports.ts';
import { DEMO_IDS } from '../api/demo.ts';
import { createEmbeddedApi, DEFAULTS } from '../api/server.ts';
import { composeGateway } from '../gateway/compose.ts';
import { parseTeamConfig } from '../gateway/team/config.ts';
import { BACKGROUND_RESERVE_SHARE } from '../gateway/team/create.ts';
import { embeddedUpstream, type Upstream } from '../gateway/upstream.ts';
import { DEFAULT_LEASE_MS } from '../imports/config.ts';
import { startImports } from '../imports/service.ts';
import { testParts } from '../testing/parts.ts';
import { startTempAudit } from '../testing/temp-audit.ts';
import { BENCH_SETTINGS } from './gateway-servers.ts';
import {
  gatewaySend,
  newLoadResult,
  readPool,
  resetRandom,
  runStaff,
  STAFF,
  sleep,
  summary,
  tallied,
} from './staff.ts';
import { printTable } from './stats.ts';
import { busiestWindow } from './team-load.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROWS = Number(process.env.IMPORT_ROWS ?? 10_000);
if (!(SCALE > 0) || !Number.isInteger(ROWS) || ROWS < 1) {
  console.error('BENCH_SCALE must be a positive number and IMPORT_ROWS a whole number ≥ 1.');
  process.exit(2);
}
const CONTACTS = 2_400; // per profile, as npm start seeds them
const KEY = 'sk_test_org_demo';
const TARGET = DEMO_IDS.ventures; // an empty profile: every imported number is new
const HOST = 'http://127.0.0.1:5173';

/** Distinct valid UK mobile numbers (+4474…), one per row. */
const numbersFor = (n: number) => Array.from({ length: n }, (_, i) => `+4474${String(i).padStart(8, '0')}`);

async function importRequest(numbers: string[]): Promise<ImportRequest> {
  return {
    profile_id: TARGET,
    file_name: 'bench-import.csv',
    file_sha256: await sha256Hex(numbers.join('\n')),
    default_region: 'GB',
    rows: numbers.map((phone, i) => ({ row: i + 2, input: phone, phone, problem: null })),
  };
}

interface Sent {
  at: number;
  kind: 'import' | 'staff';
  status: number;
}

/** The API as the team's upstream, noting every request that reaches it (imports are the POSTs). */
function watched(inner: Upstream, sent: Sent[]): Upstream {
  return {
    ...inner,
    fetch: async (req) => {
      const at = Date.now();
      const res = await inner.fetch(req);
      sent.push({ at, kind: req.method === 'POST' ? 'import' : 'staff', status: res.status });
      return res;
    },
  };
}

/** How many contacts of the target profile carry each imported number, read from the API after the run. */
async function contactsPerNumber(api: ReturnType<typeof createEmbeddedApi>, numbers: string[]) {
  const count = new Map<string, number>(numbers.map((n) => [n, 0]));
  for (let page = 1; ; page++) {
    const url = `http://api.invalid/v3/contacts?page=${page}&page_size=1000`;
    const res = await api.fetch(new Request(url, { headers: { 'x-api-key': KEY, 'x-profile-id': TARGET } }));
    if (res.status === 429) {
      await sleep(Number(res.headers.get('retry-after') ?? 1) * 1000);
      page--;
      continue;
    }
    const body = (await res.json()) as {
      data: { contacts: { format_e164: string }[]; pagination: { has_more: boolean } };
    };
    for (const c of body.data.contacts)
      if (count.has(c.format_e164)) count.set(c.format_e164, (count.get(c.format_e164) ?? 0) + 1);
    if (!body.data.pagination.has_more) break;
  }
  const values = [...count.values()];
  return {
    duplicates: values.reduce((n, c) => n + Math.max(0, c - 1), 0),
    missing: values.filter((c) => c === 0).length,
  };
}

async function main() {
  const limit = {
    perMinute: DEFAULTS.rateLimit.perMinute * SCALE,
    burst: Math.round(DEFAULTS.rateLimit.burst * SCALE),
  };
  const teamConfig = parseTeamConfig({ SENT_BUDGET_PER_MIN: String(Math.round(150 * SCALE)) });
  console.log(
    `bench:import — ${ROWS.toLocaleString('en')} rows, ${STAFF} staff browsing, BENCH_SCALE ${SCALE}: ` +
      `API limit ${limit.perMinute}/min burst ${limit.burst}, team share ${teamConfig.perMinute}/min ` +
      `burst ${teamConfig.burst}, staff acting every ${(5 / SCALE).toFixed(1)}–${(15 / SCALE).toFixed(1)} s`,
  );
  const pool = await readPool(CONTACTS);
  const api = createEmbeddedApi({ contactsPerProfile: CONTACTS, rateLimit: limit });
  await api.ready;
  const sent: Sent[] = [];
  const trail = await startTempAudit();
  const store = { kind: 'sqlite', path: join(trail.dir, 'imports.sqlite') } as const;
  const gateway = await composeGateway(
    testParts(watched(embeddedUpstream(api, KEY), sent), {
      settings: BENCH_SETTINGS,
      team: { config: teamConfig, options: { log: () => {} } },
      audit: trail.audit,
      imports: (deps) => startImports({ config: { store, leaseMs: DEFAULT_LEASE_MS } }, deps),
    }),
  );
  const app = gateway.app;
  const headers = { host: '127.0.0.1:5173', accept: 'application/json', 'content-type': 'application/json' };

  const numbers = numbersFor(ROWS);
  const t0 = Date.now();
  const started = await app.fetch(
    new Request(`${HOST}/__imports`, {
      method: 'POST',
      headers,
      body: JSON.stringify(await importRequest(numbers)),
    }),
  );
  const startMs = Date.now() - t0;
  let job = ((await started.json()) as { data: ImportJob }).data;
  let done = false;
  const out = newLoadResult();
  resetRandom();
  const staff = runStaff(
    tallied(
      gatewaySend(() => app),
      out,
    ),
    out,
    pool,
    { keepGoing: () => !done, pace: SCALE },
  );
  let lastPrint = t0;
  /** The job's own figure: rows done in the last minute of work (known after a minute). */
  let lastMinute: number | null = null;
  while (!['done', 'cancelled', 'undone'].includes(job.status)) {
    await sleep(1_000);
    const res = await app.fetch(new Request(`${HOST}/__imports/${job.id}`, { headers }));
    job = ((await res.json()) as { data: ImportJob }).data;
    lastMinute = job.rows_per_min ?? lastMinute;
    if (Date.now() - lastPrint >= 30_000) {
      lastPrint = Date.now();
      console.log(
        `  ${((lastPrint - t0) / 1000).toFixed(0)} s: ${job.counts.created} created, ${job.rows_per_min ?? '–'} rows/min`,
      );
    }
  }
  const seconds = (Date.now() - t0) / 1000;
  done = true;
  await staff;
  await gateway.stop();

  const during = sent.filter((s) => s.at >= t0 && s.at <= t0 + seconds * 1000);
  const perMin = (kind: Sent['kind']) => (during.filter((s) => s.kind === kind).length / seconds) * 60;
  const staffPerMin = perMin('staff');
  const left = teamConfig.perMinute - staffPerMin;
  // Background work leaves people 30 % of the window above what they use (team/create.ts).
  const forBackground = teamConfig.perMinute * (1 - BACKGROUND_RESERVE_SHARE) - staffPerMin;
  const importPerMin = (job.counts.total / seconds) * 60;
  const s = summary(out);
  const { duplicates, missing } = await contactsPerNumber(api, numbers);
  console.log();
  printTable(
    ['measure', 'value'],
    [
      ['import: rows/min (all rows ÷ total time)', importPerMin.toFixed(0)],
      ['import: rows in its last full minute (job.rows_per_min)', lastMinute ?? 'under a minute'],
      ['import: upstream requests/min (POSTs incl. retries)', perMin('import').toFixed(0)],
      ['team share/min', teamConfig.perMinute],
      ['staff: upstream requests/min', staffPerMin.toFixed(0)],
      ['share left by staff/min (share − staff)', left.toFixed(0)],
      ['import ÷ share left', `${((100 * importPerMin) / Math.max(1, left)).toFixed(0)}%`],
      [
        `of it background may use/min (share × ${100 - 100 * BACKGROUND_RESERVE_SHARE} % − staff)`,
        forBackground.toFixed(0),
      ],
      [
        'import ÷ that (last full minute)',
        `${((100 * (lastMinute ?? importPerMin)) / Math.max(1, forBackground)).toFixed(0)}%`,
      ],
      ['busiest 60 s upstream (all)', busiestWindow(during.map((x) => x.at))],
      [
        'staff: actions, requests/action, cache hits',
        `${out.actions}, ${s.requestsPerAction.toFixed(2)}, ${(100 * s.hitRatio).toFixed(0)}%`,
      ],
      [
        'staff: interactive p50 / p95 / max',
        `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} / ${s.max.toFixed(0)} ms`,
      ],
      [
        'staff: 429s / prefetches set aside',
        `${out.interactive429} / ${out.prefetchesSetAside} of ${out.prefetches}`,
      ],
      ['429 from the API', during.filter((x) => x.status === 429).length],
      [
        'job',
        `${job.status}: ${job.counts.created} created, ${job.counts.existed} existed, ${job.counts.failed} failed`,
      ],
      ['duplicates (extra contacts per number) / missing', `${duplicates} / ${missing}`],
      ['POST /__imports (store 1 job + rows)', `${startMs} ms`],
      ['total time', `${seconds.toFixed(1)} s`],
    ],
  );
  const parse = join('server', 'bench', 'import-parse.ts');
  console.log(existsSync(parse) ? '\nparse/check (browser): run npm run bench:import-parse' : '');
  await trail.close();
  api.close();
}

await main();
