// The layering of docs/architecture.md, checked by `npm run lint:deps` (part of `npm test`):
//   src/api (HTTP) → src/queries (keys, hooks) → src/features/<feature> (screens) → src/components (generic UI)
// with src/lib (browser helpers), src/prefs and src/url-state beside them, src/shared neutral for browser
// and server, and server/ + e2e/ on the Node side. server/tools/dependency-rules.test.ts proves each
// rule fires on a deliberate bad import.
const SRC_LAYERS = 'src/(api|queries|features|components|lib|prefs|url-state|shared)/';

/** Features may use each other only through these entry points (each a small lazy-loading shell). */
const FEATURE_ENTRY_POINTS = [
  'src/features/export/ExportButton\\.tsx$',
  'src/features/profiles/LazyAuthProblem\\.tsx$',
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order (and lazy chunks) fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'api-is-http-only',
      severity: 'error',
      comment: 'src/api talks HTTP and knows only src/shared: no React, no app code above it.',
      from: { path: '^src/api/' },
      to: { pathNot: ['^src/(api|shared)/', '^node_modules/@sentdm/'] },
    },
    {
      name: 'queries-only-api',
      severity: 'error',
      comment:
        'src/queries builds on src/api and src/shared only: it never knows screens, the URL or the UI.',
      from: { path: '^src/queries/' },
      to: { path: '^src/', pathNot: '^src/(queries|api|shared)/' },
    },
    {
      name: 'features-not-http',
      severity: 'error',
      comment: 'Screens get data and errors through src/queries, never from src/api.',
      from: { path: '^src/features/' },
      to: { path: '^src/api/' },
    },
    {
      name: 'features-apart',
      severity: 'error',
      comment: 'A feature does not reach into another; shared pieces move down (queries, lib, components).',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: ['^src/features/$1/', ...FEATURE_ENTRY_POINTS] },
    },
    {
      name: 'components-generic',
      severity: 'error',
      comment: 'src/components is generic UI: props in, markup out; nothing of the app above it.',
      from: { path: '^src/components/' },
      to: { path: '^src/', pathNot: '^src/(components|lib|shared)/' },
    },
    {
      name: 'lib-prefs-url-state-low',
      severity: 'error',
      comment: 'Helpers, preferences and URL state sit below the screens and know no data layer.',
      from: { path: '^src/(lib|prefs|url-state)/' },
      to: { path: '^src/', pathNot: '^src/(lib|prefs|url-state|shared)/' },
    },
    {
      name: 'shared-is-neutral',
      severity: 'error',
      comment: 'src/shared runs in the browser and in Node: no DOM, no Node modules, no React, no app code.',
      from: { path: '^src/shared/' },
      to: { pathNot: '^src/shared/' },
    },
    {
      name: 'app-root-on-top',
      severity: 'error',
      comment:
        'App.tsx, main.tsx, entry-server.tsx and serverState.ts compose the layers; nothing imports them back.',
      from: { path: `^${SRC_LAYERS}` },
      to: { path: '^src/[^/]+$' },
    },
    {
      name: 'browser-not-server',
      severity: 'error',
      comment:
        'src/ never imports server/. The one exception is the server renderer test, which renders against the embedded API.',
      from: { path: '^src/', pathNot: '^src/entry-server\\.test\\.tsx$' },
      to: { path: '^server/' },
    },
    {
      name: 'server-only-shared',
      severity: 'error',
      comment:
        'Node code takes only src/shared from the browser side (the renderer itself comes built, from dist/.ssr).',
      from: { path: '^(server|e2e)/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'production-not-test-tree',
      severity: 'error',
      comment:
        'Fakes, harnesses and test servers live in server/testing; production code never imports them (tests, tools and benchmarks may).',
      from: { path: '^(server|src)/', pathNot: ['^server/(testing|tools|bench)/', '\\.test\\.tsx?$'] },
      to: { path: '^server/testing/' },
    },
    {
      name: 'imports-not-gateway',
      severity: 'error',
      comment:
        'Contact imports get what they need of the gateway through server/imports/host.ts; the gateway mounts them, never the other way round.',
      from: { path: '^server/imports/' },
      to: { path: '^server/gateway/' },
    },
    {
      name: 'one-gateway-composition',
      severity: 'error',
      comment:
        'The gateway app is built in one place: compose.ts, which every entry point and harness calls.',
      from: { pathNot: '^server/gateway/compose\\.ts$' },
      to: { path: '^server/gateway/app\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|test-results|playwright-report)/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
