// `npm start` rebuilds the console only when needed: dist/ missing or older than any of its sources.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SSR_DIR, SSR_ENTRY } from './ssr.ts';

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file bumps its directory's mtime
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Both outputs of `npm run build` must exist (an older build had no server renderer) and be newer. */
export function buildIsStale(distDir: string, root = '.'): boolean {
  let built: number;
  try {
    built = Math.min(
      statSync(join(distDir, 'index.html')).mtimeMs,
      statSync(join(distDir, SSR_DIR, SSR_ENTRY)).mtimeMs,
    );
  } catch {
    return true;
  }
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

/** Runs `npm run build` in the foreground; false when it failed. */
export function runBuild(): boolean {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return spawnSync(npm, ['run', 'build'], { stdio: 'inherit' }).status === 0;
}
