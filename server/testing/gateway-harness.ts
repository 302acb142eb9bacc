// Shared by the gateway tests: a fake Sent API that records what reaches it, a fixture build, and the gateway
// (compose.ts, as `npm start` builds it) started on 127.0.0.1:0 with test-friendly defaults.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { GatewayAudit } from '../gateway/audit/trail.ts';
import type { AuditPerson } from '../gateway/audit/types.ts';
import { composeGateway, type Gateway, type GatewayParts } from '../gateway/compose.ts';
import type { ApiVersion } from '../gateway/config.ts';
import type { StaffSignIn } from '../gateway/identity/staff-sign-in.ts';
import type { LogSink } from '../gateway/log.ts';
import { type Fetch, type Listening, serveGateway } from '../gateway/server.ts';
import type { TrustedProxies } from '../gateway/trust-proxy.ts';
import { remoteUpstream, type Upstream } from '../gateway/upstream.ts';
import { actAs } from './act-as.ts';
import { testParts } from './parts.ts';
import { testTempDir } from './temp-root.ts';
import { testControlledUpstream, withTestControls } from './test-controls.ts';

export const SERVER_KEY = 'sk_live_server_side_secret_123';
export const BROWSER_KEY = 'sk_live_browser_supplied_456';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeApi {
  url: string;
  seen: SeenRequest[];
  /** Milliseconds to wait before answering (for timeout tests). */
  delayMs: number;
  close(): Promise<void>;
}

/** Answers every request with an envelope echoing the path, plus the headers a real Sent API sends. */
export async function startFakeApi(): Promise<FakeApi> {
  const seen: SeenRequest[] = [];
  const state = { delayMs: 0 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const answer = () => {
        if (res.destroyed) return;
        const status = req.url?.startsWith('/v3/contacts?page=0') ? 400 : 200;
        res.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'x-request-id': 'req_fake123',
          'x-ratelimit-limit': '200',
          'x-ratelimit-remaining': '199',
          'x-ratelimit-reset': '60',
          'retry-after': '7',
          'set-cookie': 'upstream_session=abc',
          server: 'fake-sent',
        });
        res.end(JSON.stringify({ success: status === 200, data: { path: req.url }, error: null, meta: {} }));
      };
      if (state.delayMs > 0) setTimeout(answer, state.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A minimal Vite-like build: index.html, a hashed asset, a public file. */
export function makeFixtureDist(): string {
  const dir = testTempDir('gateway-dist-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-AbC123xY.js"></script></head>' +
      '<body><div id="root"></div></body></html>',
  );
  writeFileSync(
    join(dir, 'assets', 'index-AbC123xY.js'),
    `console.log(${JSON.stringify('x'.repeat(4000))});`,
  );
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  return dir;
}

export interface TestGatewayOptions {
  /** Where API calls go (its lifetime is the test's); default: the URL given, with SERVER_KEY. */
  upstream?: Upstream;
  host?: string;
  team?: GatewayParts['team'];
  accessSecret?: string | null;
  staffSignIn?: StaffSignIn | null;
  /** The trail to record into (its lifetime is the test's). */
  audit?: GatewayAudit | null;
  imports?: GatewayParts['imports'];
  distDir?: string | null;
  apiVersion?: ApiVersion;
  timeoutMs?: number;
  renderBudgetMs?: number;
  /** Every request is this person's (act-as.ts). */
  actingAs?: AuditPerson;
  /** x-test-* headers reach the API, and `x-test-ssr: off` gets the plain shell (test-controls.ts). */
  testControls?: boolean;
  trustProxy?: TrustedProxies | null;
  metricsToken?: string | null;
}

export interface TestGateway extends Listening {
  gateway: Gateway;
}

/** The gateway (compose.ts) on 127.0.0.1:0 with test-friendly defaults. */
export async function startTestGateway(
  upstreamUrl: string,
  o: TestGatewayOptions = {},
  log: LogSink | null = null,
): Promise<TestGateway> {
  const api = o.upstream ?? remoteUpstream(upstreamUrl, SERVER_KEY);
  const gateway = await composeGateway(
    testParts(api, {
      settings: {
        apiVersion: o.apiVersion ?? 'v3',
        timeoutMs: o.timeoutMs ?? 5_000,
        renderBudgetMs: o.renderBudgetMs ?? 0,
        log,
        trustProxy: o.trustProxy ?? null,
        metricsToken: o.metricsToken ?? null,
      },
      team: o.team ?? null,
      identity: {
        accessSecret: o.accessSecret ?? null,
        staffSignIn: o.staffSignIn ? async () => o.staffSignIn as StaffSignIn : null,
      },
      audit: o.audit ?? null,
      imports: o.imports ?? null,
      console: o.distDir ? { distDir: o.distDir } : 'none',
      extend: {
        afterSignIn: o.actingAs ? [actAs(o.actingAs)] : [],
        upstream: o.testControls ? testControlledUpstream : undefined,
      },
    }),
  );
  const fetch: Fetch = (req, env) => gateway.app.fetch(req, env);
  const server = await serveGateway(
    gateway,
    o.host ?? '127.0.0.1',
    0,
    o.testControls ? withTestControls(fetch) : fetch,
  );
  return { ...server, gateway };
}

/** A URL on which nothing listens: start a server to get a free port, then close it. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** A GET with the path sent byte for byte (fetch would normalise "..") and optional raw headers. */
export function rawGet(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface Envelope {
  success: boolean;
  data: unknown;
  error: { code: string; message: string; details: unknown; doc_url: unknown } | null;
  meta: { request_id: string; timestamp: string; version: string };
}

/** A fake API and a gateway in front of it for one test file; what the API saw is cleared before each test. */
export function fakeApiAndGateway(): { readonly api: FakeApi; readonly gw: TestGateway } {
  const running = {} as { api: FakeApi; gw: TestGateway };
  beforeAll(async () => {
    running.api = await startFakeApi();
    running.gw = await startTestGateway(running.api.url);
  });
  afterAll(async () => {
    await running.gw.close();
    await running.api.close();
  });
  beforeEach(() => {
    running.api.seen.length = 0;
    running.api.delayMs = 0;
  });
  return running;
}
