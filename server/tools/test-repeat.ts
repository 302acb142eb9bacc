// `npm run test:repeat -- [--times N] <files…>`: runs the given test files N times in a row (default 20, or
// REPEAT), each run a fresh process as CI's is, and stops at the first red run. Vitest files and Playwright
// specs (e2e/*.spec.ts) may be mixed; a flaky file shows up here before it blocks a landing.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface RepeatPlan {
  times: number;
  unit: string[];
  e2e: string[];
}

/** Reads the command line; throws with a usage message on anything it cannot use. */
export function planOf(args: readonly string[], env: NodeJS.ProcessEnv = process.env): RepeatPlan {
  let times = env.REPEAT === undefined ? 20 : Number(env.REPEAT);
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--times' || arg === '-n') times = Number(args[++i]);
    else if (arg.startsWith('--times=')) times = Number(arg.slice('--times='.length));
    else files.push(arg);
  }
  if (!Number.isInteger(times) || times < 1)
    throw new Error('--times (or REPEAT) must be a whole number ≥ 1');
  if (files.length === 0) throw new Error('usage: npm run test:repeat -- [--times N] <test files…>');
  const isSpec = (f: string) => /\.spec\.tsx?$/.test(f);
  return { times, unit: files.filter((f) => !isSpec(f)), e2e: files.filter(isSpec) };
}

/** The commands one run consists of. */
export function commandsOf(plan: RepeatPlan): string[][] {
  const commands: string[][] = [];
  if (plan.unit.length > 0) commands.push(['npx', 'vitest', 'run', ...plan.unit]);
  if (plan.e2e.length > 0) commands.push(['npx', 'playwright', 'test', ...plan.e2e]);
  return commands;
}

export type Runner = (command: string[]) => { ok: boolean; output: string };

const spawnRunner: Runner = ([command = 'npx', ...args]) => {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
};

/** Runs the plan; returns how many runs were green (all of them: plan.times) and stops at the first red one. */
export function repeat(plan: RepeatPlan, run: Runner = spawnRunner, say = console.log): number {
  for (let n = 1; n <= plan.times; n++) {
    for (const command of commandsOf(plan)) {
      const t0 = performance.now();
      const { ok, output } = run(command);
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      if (!ok) {
        say(output);
        say(`✗ run ${n}/${plan.times} failed: ${command.join(' ')} (${seconds} s)`);
        return n - 1;
      }
      say(`✓ run ${n}/${plan.times}: ${command.slice(1, 3).join(' ')} (${seconds} s)`);
    }
  }
  return plan.times;
}

function main(): number {
  let plan: RepeatPlan;
  try {
    plan = planOf(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const started = performance.now();
  if (repeat(plan) < plan.times) return 1;
  const total = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${plan.times} runs green in ${total} s: ${[...plan.unit, ...plan.e2e].join(' ')}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
