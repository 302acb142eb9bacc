import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../env.ts';
import { isHandedOff } from '../hand-off.ts';
import { formatLogLine, type LogSink } from '../log.ts';
import type { RenderOutcome } from '../ssr.ts';

/** One line per request (log.ts masks what must not be logged); `secrets` are scrubbed from every line. */
export function requestLog(log: LogSink, secrets: readonly string[]): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    if (isHandedOff(c.res)) return; // Vite's to answer in `npm run dev`, not a gateway request
    const url = new URL(c.req.url);
    const entry = {
      requestId: c.res.headers.get('x-request-id') ?? c.get('requestId'),
      method: c.req.method,
      pathAndQuery: url.pathname + url.search,
      status: c.res.status,
      error: c.get('error'),
      cause: c.get('cause'),
      cache: c.get('cache'),
    };
    // A streamed page is logged when its last byte is ready, with the whole duration and how it went.
    const write = (render?: RenderOutcome) =>
      log(formatLogLine({ ...entry, durationMs: performance.now() - started, render }, secrets));
    const render = c.get('render');
    if (render instanceof Promise) void render.then(write);
    else write(render);
  };
}
