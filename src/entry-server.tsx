// Server rendering of the console's first screen, imported by the gateway from dist/.ssr/ (a separate
// Vite build of this file). The same components and queries as in the browser: render, fetch the queries
// the screen asked for, render again until nothing new is needed, then hand over HTML plus the data.
import { AsyncLocalStorage } from 'node:async_hooks';
import { dehydrate, hashKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { App } from './App';
import { setTransport, type Transport } from './api/client';
import { loadScreenFor } from './features/contacts/lazyScreens';
import { prepareTableLayout } from './features/contacts/tableLayout';
import { loadImportScreenFor } from './features/import/LazyImportPage';
import { loadSignedInScreenFor } from './features/sessions/LazySignedInPage';
import { parseAcceptLanguage, readPrefs } from './prefs/prefs';
import { createQueryClient } from './queries/queryClient';
import { WantedQueries, type WantedQuery } from './queries/serverRender';
import { serializeServerState } from './serverState';
import type { RenderedPage, RenderRequest } from './shared/render';

// Each page render talks to the API through its own gateway (and key): the transport is per request.
const currentTransport = new AsyncLocalStorage<Transport>();
setTransport((url, init) => {
  const transport = currentTransport.getStore();
  if (!transport) return Promise.reject(new Error('API request outside a server render'));
  return transport(url, init);
});

/**
 * Render, fetch what it asked for, render again: two passes for a plain list (contacts and /v3/me at once),
 * three with a profile in the URL (/v3/me first, then that profile's contacts). More would mean a bug.
 */
const MAX_PASSES = 4;

export type { RenderedPage, RenderRequest };

async function renderToHtml(node: ReactNode, signal?: AbortSignal): Promise<string | null> {
  let failed = false;
  const { prelude } = await prerender(node, {
    signal,
    onError: () => {
      failed = true;
    },
  });
  const html = await new Response(prelude).text();
  return failed ? null : html;
}

function Router(url: string) {
  return ({ children }: { children: ReactNode }) => <StaticRouter location={url}>{children}</StaticRouter>;
}

/**
 * The page's HTML and state, or null when it cannot be rendered faithfully (a timeout, a render error):
 * the gateway then serves the plain app shell and the browser does everything as usual.
 */
export function renderPage(request: RenderRequest): Promise<RenderedPage | null> {
  return currentTransport.run(request.api, async () => {
    const prefs = readPrefs(request.cookies, parseAcceptLanguage(request.acceptLanguage));
    // What the screen renders synchronously (the phone library for a lookup), as the browser does before hydrating.
    const url = new URL(request.url, 'http://render');
    await Promise.all([
      prepareTableLayout(prefs.layout),
      loadScreenFor(url),
      loadImportScreenFor(url),
      loadSignedInScreenFor(url),
    ]);
    // The browser's defaults (stale times above all: with another one, a query would render as "fetching"
    // here and not there), except that the server never waits to retry, and renders a failed query as
    // its error (not as a retry in progress).
    const queryClient = createQueryClient();
    queryClient.setDefaultOptions({
      queries: { ...queryClient.getDefaultOptions().queries, retry: false, retryOnMount: false },
    });
    const router = Router(request.url);
    try {
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const wanted = new Map<string, WantedQuery>();
        const want = (query: WantedQuery) => wanted.set(hashKey(query.queryKey), query);
        const html = await renderToHtml(
          <WantedQueries value={want}>
            <App queryClient={queryClient} prefs={prefs} router={router} />
          </WantedQueries>,
          request.signal,
        );
        if (html === null || request.signal?.aborted) return null;
        const status = (query: WantedQuery) => queryClient.getQueryState(query.queryKey)?.status;
        const missing = [...wanted.values()].filter(
          (query) => !['success', 'error'].includes(status(query) ?? ''),
        );
        if (missing.length === 0) {
          const failed = [...wanted.values()].some((query) => status(query) === 'error');
          return {
            html,
            state: failed ? null : serializeServerState({ queries: dehydrate(queryClient), prefs }),
          };
        }
        // A failure stays in the cache as the query's error, and the next pass renders it (an error panel).
        await Promise.all(missing.map((query) => queryClient.fetchQuery(query).catch(() => {})));
      }
      return null;
    } catch {
      return null;
    } finally {
      queryClient.clear();
    }
  });
}
