import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Runs `vite build` only when dist/ is missing or older than the console's sources. */
export async function buildIfStale(distDir = 'dist'): Promise<void> {
  const index = join(distDir, 'index.html');
  const sources = Math.max(newestMtime('src'), newestMtime('index.html'), newestMtime('public'));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('Building the console (dist/ is missing or stale)…');
  await build({ logLevel: 'warn', build: { outDir: distDir } });
}
