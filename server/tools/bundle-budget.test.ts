import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGETS, checkBudgets, measureBundle } from './bundle-budget.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function dist(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'budget-'));
  mkdirSync(join(dir, 'assets'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

describe('measureBundle', () => {
  it('counts what index.html loads as initial and everything else as lazy', () => {
    const entry = 'console.log("entry");'.repeat(50);
    const shared = 'export const shared = 1;'.repeat(20);
    const lazy = 'export const lazy = 2;'.repeat(30);
    const css = 'body{color:red}'.repeat(10);
    const report = measureBundle(
      dist({
        'index.html':
          '<script src="/early.js"></script><script type="module" src="/assets/entry.js"></script>' +
          '<link rel="modulepreload" href="/assets/shared.js"><link rel="stylesheet" href="/assets/app.css">',
        'early.js': 'fetch("/x")',
        'assets/entry.js': entry,
        'assets/shared.js': shared,
        'assets/lazy.js': lazy,
        'assets/app.css': css,
      }),
    );
    expect(report.initialJs).toBe(gz(entry) + gz(shared) + gz('fetch("/x")'));
    expect(report.allJs).toBe(report.initialJs + gz(lazy));
    expect(report.css).toBe(gz(css));
    expect(report.files.find((f) => f.file === 'assets/lazy.js')?.initial).toBe(false);
  });
});

describe('checkBudgets', () => {
  const report = { files: [], initialJs: BUDGETS.initialJs, allJs: BUDGETS.allJs, css: 1_000 };
  it('passes at the budget and names each figure', () => {
    const { lines, over } = checkBudgets(report);
    expect(over).toBe(false);
    expect(lines).toEqual([
      'ok    initial JS  120.0 kB of 120.0 kB (gzip -9)',
      'ok    all JS      220.0 kB of 220.0 kB (gzip -9)',
      'ok    CSS           1.0 kB of 15.0 kB (gzip -9)',
    ]);
  });

  it('fails one byte over, and says which', () => {
    const { lines, over } = checkBudgets({ ...report, allJs: BUDGETS.allJs + 1 });
    expect(over).toBe(true);
    expect(lines.filter((line) => line.startsWith('OVER'))).toEqual([
      'OVER  all JS      220.0 kB of 220.0 kB (gzip -9)',
    ]);
  });
});
