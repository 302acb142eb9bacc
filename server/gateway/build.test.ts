import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testTempDir } from '../testing/temp-root.ts';
import { buildIsStale } from './build.ts';

function project(): string {
  const root = testTempDir('gateway-build-check-');
  mkdirSync(join(root, 'src', 'features'), { recursive: true });
  writeFileSync(join(root, 'src', 'features', 'list.tsx'), 'export {};');
  writeFileSync(join(root, 'index.html'), '<div id="root"></div>');
  return root;
}

function age(path: string, secondsAgo: number): void {
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(path, t, t);
}

describe('buildIsStale', () => {
  it('is stale when dist/ is missing', () => {
    const root = project();
    expect(buildIsStale(join(root, 'dist'), root)).toBe(true);
  });

  it('is fresh when dist/index.html is newer than every source, stale once a nested source changes', () => {
    const root = project();
    for (const p of ['src/features/list.tsx', 'src/features', 'src', 'index.html']) age(join(root, p), 100);
    mkdirSync(join(root, 'dist', '.ssr'), { recursive: true });
    writeFileSync(join(root, 'dist', 'index.html'), 'built');
    age(join(root, 'dist', 'index.html'), 50);
    // A build without the server renderer (from before it existed) is stale.
    expect(buildIsStale(join(root, 'dist'), root)).toBe(true);
    writeFileSync(join(root, 'dist', '.ssr', 'entry-server.mjs'), 'built');
    age(join(root, 'dist', '.ssr', 'entry-server.mjs'), 50);
    expect(buildIsStale(join(root, 'dist'), root)).toBe(false);
    writeFileSync(join(root, 'src', 'features', 'list.tsx'), 'export const changed = 1;');
    expect(buildIsStale(join(root, 'dist'), root)).toBe(true);
  });
});
