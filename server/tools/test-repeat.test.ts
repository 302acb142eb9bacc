import { describe, expect, it } from 'vitest';
import { commandsOf, planOf, repeat } from './test-repeat.ts';

describe('test:repeat', () => {
  it('runs vitest files and Playwright specs, 20 times unless told', () => {
    const plan = planOf(['server/a.test.ts', 'e2e/b.spec.ts']);
    expect(plan.times).toBe(20);
    expect(commandsOf(plan)).toEqual([
      ['npx', 'vitest', 'run', 'server/a.test.ts'],
      ['npx', 'playwright', 'test', 'e2e/b.spec.ts'],
    ]);
    expect(planOf(['--times', '3', 'x.test.ts']).times).toBe(3);
    expect(planOf(['--times=4', 'x.test.ts']).times).toBe(4);
    expect(planOf(['x.test.ts'], { REPEAT: '7' }).times).toBe(7);
  });

  it('refuses a bad count or no files, saying what it needs', () => {
    expect(() => planOf(['--times', '0', 'x.test.ts'])).toThrow(/--times/);
    expect(() => planOf(['--times', 'many', 'x.test.ts'])).toThrow(/whole number/);
    expect(() => planOf([])).toThrow(/usage/);
  });

  it('stops at the first red run and shows its output', () => {
    const said: string[] = [];
    let runs = 0;
    const greenRuns = repeat(
      planOf(['--times', '10', 'x.test.ts']),
      () => ({ ok: ++runs < 3, output: `output of run ${runs}` }),
      (line) => said.push(line),
    );
    expect(greenRuns).toBe(2);
    expect(runs).toBe(3);
    expect(said).toContain('output of run 3');
    expect(said.at(-1)).toMatch(/run 3\/10 failed: npx vitest run x.test.ts/);
  });

  it('counts every run green when none fails', () => {
    let runs = 0;
    const plan = planOf(['--times', '5', 'x.test.ts', 'e2e/y.spec.ts']);
    expect(
      repeat(
        plan,
        () => ({ ok: ++runs > 0, output: '' }),
        () => {},
      ),
    ).toBe(5);
    expect(runs).toBe(10);
  });
});
