// The console itself: page navigations server-rendered when possible (v3 accounts), else the built files.
import { type Context, Hono } from 'hono';
import type { ApiVersion } from '../config.ts';
import type { GatewayEnv } from '../env.ts';
import { GatewayErrors, refuse } from '../errors.ts';
import { handOff } from '../hand-off.ts';
import { createPageRenderer, isPageRequest, streamedPageResponse } from '../ssr.ts';
import type { StaticHandler } from '../static.ts';

export interface ConsoleRouteOptions {
  /** Built console to serve; null when there is none (tests of the API part, or Vite's in `npm run dev`). */
  distDir: string | null;
  /** `npm run dev`: hand what the gateway does not answer over to Vite (hand-off.ts) instead of a 404. */
  handOff?: boolean;
  apiVersion: ApiVersion;
  /** Server rendering's wait for data (ms); 0 or absent serves the plain shell to every navigation. */
  renderBudgetMs?: number;
  /** How server rendering fetches its data: through the gateway's own API routes, for the page's caller. */
  api: (req: Request, page: Context<GatewayEnv>) => Promise<Response>;
  /** The built files of distDir (static.ts; app.ts also serves /assets from it before sign-in). */
  files: StaticHandler | null;
}

export function consoleRoutes(opts: ConsoleRouteOptions): Hono<GatewayEnv> {
  const routes = new Hono<GatewayEnv>();
  const serveStatic = opts.files;
  // First screens are server-rendered for v3 accounts (the legacy v1 adapter stays in the browser).
  const renderPage =
    opts.distDir && opts.apiVersion === 'v3' && opts.renderBudgetMs
      ? createPageRenderer({ distDir: opts.distDir, budgetMs: opts.renderBudgetMs })
      : null;
  // Pages and files are only read: any other method changes nothing here.
  routes.get('*', async (c) => {
    if (renderPage && isPageRequest(c.req.raw)) {
      const page = await renderPage(c.req.raw, (req) => opts.api(req, c));
      if (page) {
        c.set(
          'render',
          page.rest.then((rest) => rest.outcome),
        );
        return streamedPageResponse(c.req.raw, page);
      }
      c.set('render', 'shell:not-built');
    }
    if (serveStatic) return serveStatic(c.req.raw);
    if (opts.handOff) return handOff();
    return c.text('Not found', 404);
  });
  routes.all('*', (c) =>
    refuse(c, GatewayErrors.METHOD_NOT_ALLOWED, `Method ${c.req.method} is not allowed here.`, {
      allow: 'GET, HEAD',
    }),
  );
  return routes;
}
