/**
 * `npm run bench:team`: 20 support staff on one gateway for BENCH_SECONDS (default 60) against the embedded
 * API with Sent's real limit (200/min, burst 50): each person pages lists (the next page prefetched in the
 * background), looks numbers up and opens the account; one of them runs an export (background pages back to
 * back). Once straight to the API (every browser spending the budget on its own, as before issue 12) and once
 * through the team upstream (shared budget, fair queues, cache). Prints what people and background work got.
 * Asserts nothing.
 */
import { DEMO_IDS } from '../api/demo.ts';
import { createEmbeddedApi } from '../api/server.ts';
import { parseTeamConfig } from '../gateway/team/config.ts';
import { createTeam } from '../gateway/team/create.ts';
import type { Priority } from '../gateway/team/scheduler.ts';
import { embeddedUpstream } from '../gateway/upstream.ts';
import { percentile, printTable } from './stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const STAFF = 20;
/** 352 requests a minute from 20 people in the measurement: ~2 requests per action every 6.8 s. */
const MEAN_THINK_MS = 6_800;
const PROFILES = [DEMO_IDS.clinicsUk, DEMO_IDS.pharmacyUs, DEMO_IDS.labsDe];

type Send = (path: string, profile: string | null, who: string, priority: Priority) => Promise<number>;

interface Tally {
  latencies: number[];
  ok: number;
  refused: number;
  other: number;
}

const tally = (): Tally => ({ latencies: [], ok: 0, refused: 0, other: 0 });

let seed = 12;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

async function run(send: Send): Promise<Record<Priority, Tally>> {
  const out: Record<Priority, Tally> = { interactive: tally(), background: tally() };
  const until = Date.now() + SECONDS * 1000;
  const prefetches: Promise<number>[] = [];
  const call = async (path: string, profile: string | null, who: string, priority: Priority) => {
    const started = performance.now();
    const status = await send(path, profile, who, priority);
    const t = out[priority];
    t.latencies.push(performance.now() - started);
    if (status === 200) t.ok++;
    else if (status === 429) t.refused++;
    else t.other++;
    return status;
  };
  const person = async (i: number) => {
    const who = `person-${i}`;
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, -Math.log(1 - random()) * MEAN_THINK_MS));
      const profile = PROFILES[i % PROFILES.length] ?? null;
      const page = 1 + Math.floor(random() * 8);
      const roll = random();
      if (roll < 0.7) {
        await call(`/v3/contacts?page=${page}&page_size=20`, profile, who, 'interactive');
        prefetches.push(call(`/v3/contacts?page=${page + 1}&page_size=20`, profile, who, 'background'));
      } else if (roll < 0.85) {
        await call(
          `/v3/contacts?page=1&page_size=20&search=${100 + Math.floor(random() * 900)}`,
          profile,
          who,
          'interactive',
        );
      } else {
        await Promise.all([
          call('/v3/me', null, who, 'interactive'),
          call('/v3/profiles', null, who, 'interactive'),
        ]);
      }
    }
  };
  const exporter = async () => {
    for (let page = 1; Date.now() < until; page++) {
      const status = await call(
        `/v3/contacts?page=${page}&page_size=100`,
        PROFILES[0] ?? null,
        'exporter',
        'background',
      );
      if (status === 429) await new Promise((r) => setTimeout(r, 1_000)); // the browser's back-off
    }
  };
  await Promise.all([...Array.from({ length: STAFF - 1 }, (_, i) => person(i)), exporter()]);
  await Promise.all(prefetches);
  return out;
}

function rows(label: string, result: Record<Priority, Tally>, upstream429: number): (string | number)[][] {
  return (['interactive', 'background'] as const).map((p) => {
    const t = result[p];
    const total = t.ok + t.refused + t.other;
    return [
      label,
      p,
      total,
      t.ok,
      `${t.refused} (${((100 * t.refused) / Math.max(1, total)).toFixed(1)}%)`,
      `${percentile(t.latencies, 50).toFixed(0)} ms`,
      `${percentile(t.latencies, 95).toFixed(0)} ms`,
      p === 'interactive' ? upstream429 : '',
    ];
  });
}

async function main() {
  const direct = createEmbeddedApi({ contactsPerProfile: 600 });
  await direct.ready;
  let direct429 = 0;
  const directResult = await run(async (path, profile) => {
    const headers: Record<string, string> = { 'x-api-key': 'sk_test_org_demo' };
    if (profile) headers['x-profile-id'] = profile;
    const res = await direct.fetch(new Request(`http://api.invalid${path}`, { headers }));
    await res.arrayBuffer();
    if (res.status === 429) direct429++;
    return res.status;
  });
  direct.close();

  const api = createEmbeddedApi({ contactsPerProfile: 600 });
  await api.ready;
  let team429 = 0;
  const inner = embeddedUpstream(api);
  const counting = {
    ...inner,
    fetch: async (req: Request) => {
      const res = await inner.fetch(req);
      if (res.status === 429) team429++;
      return res;
    },
  };
  const team = await createTeam(parseTeamConfig({}), counting);
  const teamResult = await run(async (path, profile, who, priority) => {
    // What the gateway's proxy sends: the server-side key, the browser's profile.
    const headers: Record<string, string> = { 'x-api-key': inner.apiKey };
    if (profile) headers['x-profile-id'] = profile;
    const res = await team.upstream.fetch(new Request(`${inner.baseUrl}${path}`, { headers }), {
      requester: who,
      priority,
    });
    await res.arrayBuffer();
    return res.status;
  });
  const metrics = await team.metrics.registry.getSingleMetricAsString('sent_cache_requests_total');
  await team.upstream.close();

  console.log(
    `\n${STAFF} staff (one exporting) for ${SECONDS} s, Sent limit 200/min burst 50; team share 150/min\n`,
  );
  printTable(
    ['path', 'work', 'requests', '200', '429 to the browser', 'p50', 'p95', '429 from Sent'],
    [...rows('straight to the API', directResult, direct429), ...rows('team upstream', teamResult, team429)],
  );
  console.log(`\n${metrics}`);
}

await main();
