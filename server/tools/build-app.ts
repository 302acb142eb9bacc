// The console is two Vite builds: the browser app (dist/) and its server renderer (dist/.ssr/, imported by
// the gateway; a dot directory, which the static handler never serves). `npm run build` runs this.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { SSR_DIR } from '../gateway/ssr.ts';

export async function buildApp(outDir = 'dist'): Promise<void> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  await build({
    logLevel: 'warn',
    build: {
      ssr: 'src/entry-server.tsx',
      outDir: resolve(outDir, SSR_DIR),
      emptyOutDir: true,
      copyPublicDir: false,
      // One .mjs file: dist/ may be copied where no package.json says "type": "module", and the gateway
      // re-imports it under a new URL after a rebuild, which split chunks importing it back would defeat.
      rollupOptions: { output: { entryFileNames: '[name].mjs', codeSplitting: false } },
    },
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildApp(process.argv[2]);
}
