// Server rendering of the console's first screen (src/entry-server.tsx, built into dist/.ssr/entry-server.mjs): page
// navigations get HTML with the rows already in it, rendered from data fetched through the gateway's own
// forwarding (same allowlist, server-side key). The page is streamed: its <head> goes out at once, so CSS
// and JS download while the server waits for the API. Whenever rendering is not possible (an API error,
// too slow) the rest is the plain app shell's, which then fetches in the browser as before.
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import type { RenderedPage, RenderRequest } from '../../src/shared/render.ts';
import { SERVER_STATE_ID } from '../../src/shared/serverState.ts';

export const SSR_DIR = '.ssr';
export const SSR_ENTRY = 'entry-server.mjs';
const ROOT = '<div id="root"></div>';

/**
 * Why a navigation got the plain shell: no renderer in dist/, the renderer declined (an API error or a
 * render error: the browser will show it properly), the data took longer than the budget, or it threw.
 */
export type ShellReason = 'not-built' | 'declined' | 'timeout' | 'error';
export type RenderOutcome = 'server' | `shell:${ShellReason}`;

export interface StreamedPage {
  /** The shell up to and including `<div id="root">`: sent at once. */
  head: string;
  /** The rest: rendered markup, state and the end of the shell, or only the end of the shell. Never rejects. */
  rest: Promise<{ tail: string; outcome: RenderOutcome }>;
}

interface Renderer {
  renderPage(request: RenderRequest): Promise<RenderedPage | null>;
}

interface Build {
  renderer: Renderer;
  /** dist/index.html, which has the empty root the rendered page goes into. */
  shell: string;
}

/** Forwards one console API request upstream (the gateway's proxy, with its key and allowlist). */
export type RenderApi = (request: Request) => Promise<Response>;

export interface PageRendererOptions {
  distDir: string;
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
  let loaded: { mtimeMs: number; build: Promise<Build | null> } | null = null;

  /**
   * The renderer module and the index.html it fills, loaded together and again only after a rebuild (the
   * renderer is written last), so they always match the served bundle and a navigation costs one stat.
   */
  async function build(): Promise<Build | null> {
    const st = await stat(entry).catch(() => null);
    if (!st) return null;
    if (loaded?.mtimeMs !== st.mtimeMs) {
      const url = `${pathToFileURL(entry).href}?v=${st.mtimeMs}`;
      loaded = {
        mtimeMs: st.mtimeMs,
        build: Promise.all([
          import(url) as Promise<Renderer>,
          readFile(join(options.distDir, 'index.html'), 'utf8'),
        ]).then(
          ([renderer, shell]) => (shell.includes(ROOT) ? { renderer, shell } : null),
          () => null,
        ),
      };
    }
    return loaded.build;
  }

  // Load it now: importing the renderer takes a few hundred ms, which the first visitor should not wait for.
  void build();

  async function render(
    req: Request,
    renderer: Renderer,
    api: RenderApi,
  ): Promise<RenderedPage | ShellReason> {
    const url = new URL(req.url);
    const controller = new AbortController();
    let failed = false;
    const page = await Promise.race([
      renderer.renderPage({
        url: url.pathname + url.search,
        cookies: req.headers.get('cookie') ?? '',
        acceptLanguage: req.headers.get('accept-language'),
        api: (path, init) => api(new Request(new URL(path, url.origin), init)),
        signal: controller.signal,
      }),
      timeout(options.budgetMs, controller),
    ]).catch(() => {
      failed = true;
      return null;
    });
    const timedOut = controller.signal.aborted;
    controller.abort();
    return page ?? (failed ? 'error' : timedOut ? 'timeout' : 'declined');
  }

  /**
   * This navigation as a streamed page, or null when there is no renderer (serve the plain shell). Its data
   * comes through `api`, made for this navigation's caller.
   */
  return async function renderPage(req: Request, api: RenderApi): Promise<StreamedPage | null> {
    const built = await build();
    if (!built) return null;
    const { renderer, shell } = built;
    const at = shell.indexOf(ROOT);
    const open = ROOT.slice(0, -'</div>'.length);
    const after = shell.slice(at + ROOT.length);
    return {
      head: shell.slice(0, at) + open,
      rest: render(req, renderer, api).then((page) =>
        typeof page === 'string'
          ? { tail: `</div>${after}`, outcome: `shell:${page}` as const }
          : {
              // No state: an error page, which the browser renders afresh instead of hydrating.
              tail: `${page.html}</div>${page.state === null ? '' : `<script type="application/json" id="${SERVER_STATE_ID}">${page.state}</script>`}${after}`,
              outcome: 'server' as const,
            },
      ),
    };
  };
}

/**
 * Sends the head at once and the rest when it is ready, gzip-compressed when the browser accepts it (flushed
 * after the head, so compression does not hold it back). Personal data: never stored by any cache.
 */
export function streamedPageResponse(req: Request, page: StreamedPage): Response {
  const headers = new Headers({
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    vary: 'accept-encoding, cookie',
  });
  if (/\bgzip\b/.test(req.headers.get('accept-encoding') ?? '')) {
    headers.set('content-encoding', 'gzip');
    const gzip = createGzip();
    gzip.write(page.head);
    gzip.flush();
    void page.rest.then(({ tail }) => gzip.end(tail));
    return new Response(Readable.toWeb(gzip) as ReadableStream<Uint8Array>, { status: 200, headers });
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(page.head));
      controller.enqueue(encoder.encode((await page.rest).tail));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers });
}
