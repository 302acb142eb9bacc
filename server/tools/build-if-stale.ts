import { buildIsStale } from '../gateway/build.ts';
import { buildApp } from './build-app.ts';

/** Builds the console (browser app and server renderer) only when dist/ is missing or older than its sources. */
export async function buildIfStale(distDir = 'dist'): Promise<void> {
  if (!buildIsStale(distDir)) return;
  console.log('Building the console (dist/ is missing or stale)…');
  await buildApp(distDir);
}
