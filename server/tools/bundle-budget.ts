// Prints the gzip (level 9) size of what the built console ships and fails only when a budget is
// exceeded. "Initial" is what index.html loads before the app can render: its entry script, the
// modulepreloaded chunks and stylesheets. Lazy chunks (the phone metadata) only count toward "all JS".
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = { initialJs: 120_000, allJs: 220_000, css: 15_000 } as const;

export interface BundleReport {
  files: { file: string; raw: number; gzip: number; initial: boolean }[];
  initialJs: number;
  allJs: number;
  css: number;
}

/** Files the browser can get: dot directories (dist/.ssr, the server renderer) are never served. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    return entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)];
  });
}

export function measureBundle(distDir: string): BundleReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const referenced = new Set(
    [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((match) => match[1] as string),
  );
  const files = walk(distDir)
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => {
      const body = readFileSync(file);
      const rel = relative(distDir, file).split('\\').join('/');
      return {
        file: rel,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        initial: referenced.has(rel),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const sum = (list: typeof files) => list.reduce((total, f) => total + f.gzip, 0);
  const js = files.filter((f) => f.file.endsWith('.js'));
  return {
    files,
    initialJs: sum(js.filter((f) => f.initial)),
    allJs: sum(js),
    css: sum(files.filter((f) => f.file.endsWith('.css'))),
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** One line per budget ("ok" or "OVER", the figure and its budget); `over` when any is exceeded. */
export function checkBudgets(report: BundleReport): { lines: string[]; over: boolean } {
  const rows: [string, number, number][] = [
    ['initial JS', report.initialJs, BUDGETS.initialJs],
    ['all JS', report.allJs, BUDGETS.allJs],
    ['CSS', report.css, BUDGETS.css],
  ];
  const lines = rows.map(
    ([name, size, budget]) =>
      `${size <= budget ? 'ok  ' : 'OVER'}  ${name.padEnd(10)} ${kb(size).padStart(9)} of ${kb(budget)} (gzip -9)`,
  );
  return { lines, over: rows.some(([, size, budget]) => size > budget) };
}

function main() {
  const dist = process.argv[2] ?? 'dist';
  const report = measureBundle(dist);
  for (const f of report.files) {
    console.log(
      `${f.initial ? 'initial' : 'lazy   '}  ${kb(f.gzip).padStart(9)} gzip  ${kb(f.raw).padStart(9)} raw  ${f.file}`,
    );
  }
  const { lines, over } = checkBudgets(report);
  for (const line of lines) console.log(line);
  if (over) {
    console.error('Bundle budget exceeded.');
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
