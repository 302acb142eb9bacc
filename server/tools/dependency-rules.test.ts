// The layering rules (.dependency-cruiser.cjs) must be able to fail: each bad import below, written into
// a throwaway tree shaped like this repository, has to be reported under its rule, and the good ones not.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

// file → its source; each import names the rule it should break (or "ok").
const TREE: Record<string, string> = {
  'src/shared/contract.ts': 'export const A = 1;\n',
  'src/shared/leaky.ts': "import { readFileSync } from 'node:fs';\nexport const B = readFileSync;\n", // shared-is-neutral
  'src/api/client.ts': "import { A } from '../shared/contract';\nexport const get = () => A;\n", // ok
  'src/api/badApi.ts': "import { useList } from '../queries/list';\nexport const x = useList;\n", // api-is-http-only
  'src/queries/list.ts': "import { get } from '../api/client';\nexport const useList = get;\n", // ok
  'src/queries/badQuery.ts': "import { Screen } from '../features/a/Screen';\nexport const y = Screen;\n", // queries-only-api
  'src/components/Panel.tsx': "import { useList } from '../queries/list';\nexport const Panel = useList;\n", // components-generic
  'src/features/a/Screen.tsx':
    "import { useList } from '../../queries/list';\nimport { get } from '../../api/client';\nimport { Dialog } from '../export/ExportDialog';\nimport { Button } from '../export/ExportButton';\nexport const Screen = [useList, get, Dialog, Button];\n",
  'src/features/export/ExportDialog.tsx': 'export const Dialog = 1;\n', // features-apart (not an entry point)
  'src/features/export/ExportButton.tsx': 'export const Button = 1;\n', // ok: an allowed entry point
  'src/lib/cycleA.ts': "import { b } from './cycleB';\nexport const a = () => b;\n", // no-circular
  'src/lib/cycleB.ts': "import { a } from './cycleA';\nexport const b = () => a;\n",
  'src/App.tsx': "import { Screen } from './features/a/Screen';\nexport const App = Screen;\n", // ok
  'src/lib/usesApp.ts': "import { App } from '../App';\nexport const z = App;\n", // app-root-on-top
  'src/lib/usesServer.ts': "import { serve } from '../../server/main';\nexport const s = serve;\n", // browser-not-server
  'server/main.ts':
    "import { A } from '../src/shared/contract';\nimport { App } from '../src/App';\nexport const serve = [A, App];\n",
  // The server's own shape: one composition of the gateway, imports apart from it, the test tree apart from both.
  'server/testing/fake.ts': 'export const fake = 1;\n',
  'server/testing/harness.ts': "import { compose } from '../gateway/compose';\nexport const h = compose;\n", // ok
  'server/gateway/app.ts': 'export const app = 1;\n',
  'server/gateway/compose.ts':
    "import { app } from './app';\nimport { routes } from '../imports/routes';\nexport const compose = [app, routes];\n", // ok
  'server/gateway/shortcut.ts': "import { app } from './app';\nexport const again = app;\n", // one-gateway-composition
  'server/gateway/usesFake.ts': "import { fake } from '../testing/fake';\nexport const f = fake;\n", // production-not-test-tree
  'server/gateway/usesFake.test.ts': "import { fake } from '../testing/fake';\nexport const f = fake;\n", // ok: a test
  'server/imports/routes.ts': "import { h } from './host';\nexport const routes = h;\n", // ok
  'server/imports/host.ts': 'export const h = 1;\n',
  'server/imports/reachesIn.ts': "import { app } from '../gateway/app';\nexport const r = app;\n", // imports-not-gateway (+ one-gateway-composition)
};

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

let dir: string;
let violations: Violation[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'depcruise-'));
  for (const [file, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [DEPCRUISE, 'src', 'server', '--config', CONFIG, '--output-type', 'json'],
    { cwd: dir },
  ).catch((error: { stdout: string }) => error); // exit code 1 = violations found, which is the point
  violations = JSON.parse(stdout).summary.violations;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reported = (rule: string) =>
  violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} → ${v.to}`);

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  it('reports every layer crossed the wrong way', () => {
    expect(reported('api-is-http-only')).toEqual(['src/api/badApi.ts → src/queries/list.ts']);
    expect(reported('queries-only-api')).toEqual(['src/queries/badQuery.ts → src/features/a/Screen.tsx']);
    expect(reported('features-not-http')).toEqual(['src/features/a/Screen.tsx → src/api/client.ts']);
    expect(reported('components-generic')).toEqual(['src/components/Panel.tsx → src/queries/list.ts']);
    expect(reported('shared-is-neutral')).toEqual(['src/shared/leaky.ts → fs']);
    expect(reported('app-root-on-top')).toEqual(['src/lib/usesApp.ts → src/App.tsx']);
  });

  it('keeps features apart, and browser and server code apart', () => {
    expect(reported('features-apart')).toEqual([
      'src/features/a/Screen.tsx → src/features/export/ExportDialog.tsx',
    ]);
    expect(reported('browser-not-server')).toEqual(['src/lib/usesServer.ts → server/main.ts']);
    expect(reported('server-only-shared')).toEqual(['server/main.ts → src/App.tsx']);
  });

  it('keeps one composition of the gateway, imports apart from it, and the test tree out of production', () => {
    expect(reported('one-gateway-composition').sort()).toEqual([
      'server/gateway/shortcut.ts → server/gateway/app.ts',
      'server/imports/reachesIn.ts → server/gateway/app.ts',
    ]);
    expect(reported('imports-not-gateway')).toEqual(['server/imports/reachesIn.ts → server/gateway/app.ts']);
    expect(reported('production-not-test-tree')).toEqual([
      'server/gateway/usesFake.ts → server/testing/fake.ts',
    ]);
  });

  it('finds import cycles', () => {
    // One report per cycle, at the edge where the cruise closed it.
    expect(reported('no-circular')).toEqual([
      expect.stringMatching(/^src\/lib\/cycle[AB]\.ts → src\/lib\/cycle[AB]\.ts$/),
    ]);
  });
});
