// Server rendering of the console's first screen (src/entry-server.tsx, built into dist/.ssr/entry-server.mjs): page
// navigations get HTML with the rows already in it, rendered from data fetched through the gateway's own
// forwarding (same allowlist, server-side key). Whenever that is not possible (not built, an API error,
// too slow) the answer is null and the plain app shell is served, which fetches in the browser as before.
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { RenderedPage, RenderRequest } from '../../src/entry-server.tsx';
import { SERVER_STATE_ID } from '../../src/serverState.ts';

export const SSR_DIR = '.ssr';
export const SSR_ENTRY = 'entry-server.mjs';
const ROOT = '<div id="root"></div>';

/**
 * Why a navigation got the plain shell: no renderer in dist/, the renderer declined (an API error or a
 * render error: the browser will show it properly), the data took longer than the budget, or it threw.
 */
export type ShellReason = 'not-built' | 'declined' | 'timeout' | 'error';

interface Renderer {
  renderPage(request: RenderRequest): Promise<RenderedPage | null>;
}

export interface PageRendererOptions {
  distDir: string;
  /** Forwards one console API request upstream (the gateway's proxy, with its key and allowlist). */
  api: (request: Request) => Promise<Response>;
  /** Past this the browser is better served by the shell and its own requests (with a skeleton). */
  budgetMs: number;
}

/** Navigations to client routes: GET, no file extension, a browser asking for HTML. */
export function isPageRequest(req: Request): boolean {
  const { pathname } = new URL(req.url);
  return (
    req.method === 'GET' &&
    extname(pathname) === '' &&
    !pathname.startsWith('/__') &&
    (req.headers.get('accept') ?? '').includes('text/html')
  );
}

function timeout(ms: number, controller: AbortController): Promise<null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      controller.abort();
      resolve(null);
    }, ms);
    timer.unref();
    controller.signal.addEventListener('abort', () => clearTimeout(timer));
  });
}

export function createPageRenderer(options: PageRendererOptions) {
  const entry = join(options.distDir, SSR_DIR, SSR_ENTRY);
  let loaded: { mtimeMs: number; renderer: Promise<Renderer | null> } | null = null;

  /** The renderer module, re-imported after a rebuild so it always matches the served bundle. */
  async function renderer(): Promise<Renderer | null> {
    const st = await stat(entry).catch(() => null);
    if (!st) return null;
    if (loaded?.mtimeMs !== st.mtimeMs) {
      const url = `${pathToFileURL(entry).href}?v=${st.mtimeMs}`;
      loaded = { mtimeMs: st.mtimeMs, renderer: import(url).catch(() => null) as Promise<Renderer | null> };
    }
    return loaded.renderer;
  }

  // Load it now: importing the renderer takes a few hundred ms, which the first visitor should not wait for.
  void renderer();

  /** The whole HTML page for this navigation, or why the plain shell is served instead (for the log). */
  return async function renderPage(req: Request): Promise<{ html: string } | { shell: ShellReason }> {
    const [module, shell] = await Promise.all([
      renderer(),
      readFile(join(options.distDir, 'index.html'), 'utf8').catch(() => null),
    ]);
    if (!module || !shell?.includes(ROOT)) return { shell: 'not-built' };
    const url = new URL(req.url);
    const controller = new AbortController();
    let failed = false;
    const page = await Promise.race([
      module.renderPage({
        url: url.pathname + url.search,
        cookies: req.headers.get('cookie') ?? '',
        acceptLanguage: req.headers.get('accept-language'),
        api: (path, init) => options.api(new Request(new URL(path, url.origin), init)),
        signal: controller.signal,
      }),
      timeout(options.budgetMs, controller),
    ]).catch(() => {
      failed = true;
      return null;
    });
    const timedOut = controller.signal.aborted;
    controller.abort();
    if (!page) return { shell: failed ? 'error' : timedOut ? 'timeout' : 'declined' };
    const root = `<div id="root">${page.html}</div><script type="application/json" id="${SERVER_STATE_ID}">${page.state}</script>`;
    return { html: shell.replace(ROOT, () => root) };
  };
}

/** A rendered page: personal data, so never stored by any cache. */
export function renderedPageResponse(req: Request, html: string): Response {
  const headers = new Headers({
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    vary: 'accept-encoding, cookie',
  });
  let body: Uint8Array = Buffer.from(html);
  if (/\bgzip\b/.test(req.headers.get('accept-encoding') ?? '')) {
    body = gzipSync(body, { level: 6 });
    headers.set('content-encoding', 'gzip');
  }
  headers.set('content-length', String(body.byteLength));
  return new Response(new Uint8Array(body), { status: 200, headers });
}
