// Worker threads do not inherit tsx's loader: this plain-JS entry loads the TypeScript worker through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./seed-worker.ts', import.meta.url);
