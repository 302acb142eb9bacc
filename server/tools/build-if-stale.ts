import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './build-app.ts';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds the console (browser app and server renderer) only when dist/ is missing or older than the console's sources. */
export async function buildIfStale(distDir = 'dist'): Promise<void> {
  const index = join(distDir, 'index.html');
  const sources = Math.max(newestMtime('src'), newestMtime('index.html'), newestMtime('public'));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('Building the console (dist/ is missing or stale)…');
  await buildApp(distDir);
}
