// A tiny production-like host for the built console, used by the e2e run, `npm run bench:ui` and the
// screenshot tool: serves dist/ (SPA fallback to index.html) and forwards /v1 and /v3 to an API, adding
// the key server-side exactly like the gateway does, so the browser never sees a key.
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { ApiVersion } from '../gateway/config.ts';
import { injectApiVersion } from '../gateway/html.ts';

export interface AppServerOptions {
  distDir: string;
  /** Anything with a WHATWG fetch: the embedded API in-process, or a function forwarding to a URL. */
  api: { fetch(request: Request): Promise<Response> };
  /** Added as x-api-key to every API request; undefined sends none (the 401 screen). */
  apiKey?: string;
  port?: number;
  /** Which API the console should speak (v1 adds the marker to index.html, like the gateway). */
  apiVersion?: ApiVersion;
  /** Extra HTML pages by path (the benchmark's bare baseline page). */
  pages?: Record<string, string>;
}

export interface RunningAppServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function createAppServer(options: AppServerOptions): Hono {
  const root = resolve(options.distDir);
  const app = new Hono();

  const forward = async (request: Request) => {
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    headers.delete('x-api-key');
    headers.delete('host');
    if (options.apiKey) headers.set('x-api-key', options.apiKey);
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    return options.api.fetch(
      new Request(`http://api.internal${url.pathname}${url.search}`, {
        method: request.method,
        headers,
        body: hasBody ? await request.arrayBuffer() : undefined,
      }),
    );
  };
  app.all('/v1/*', (c) => forward(c.req.raw));
  app.all('/v3/*', (c) => forward(c.req.raw));

  for (const [path, html] of Object.entries(options.pages ?? {})) {
    app.get(path, (c) => c.html(html));
  }

  app.get('*', async (c) => {
    const path = normalize(decodeURIComponent(new URL(c.req.url).pathname));
    const file = join(root, path);
    if (file.startsWith(root) && extname(file)) {
      try {
        if ((await stat(file)).isFile()) {
          const hashed = path.startsWith('/assets/');
          return new Response(await readFile(file), {
            headers: {
              'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
              'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
            },
          });
        }
      } catch {
        // Fall through to 404 below.
      }
      return c.text('Not found', 404);
    }
    // Client-side routes (/contacts/:id, …) all get the app shell.
    const html = await readFile(join(root, 'index.html'), 'utf8');
    return new Response(injectApiVersion(html, options.apiVersion ?? 'v3'), {
      headers: { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-cache' },
    });
  });
  return app;
}

/** Listens on 127.0.0.1 only, on the given port or a free one. */
export async function startAppServer(options: AppServerOptions): Promise<RunningAppServer> {
  const app = createAppServer(options);
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port ?? 0 });
  await new Promise<void>((done, fail) => {
    server.once('listening', done);
    server.once('error', fail);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
