import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { RenderOutcome } from './ssr.ts';
import type { Requester } from './upstream.ts';

/** The gateway's Hono environment; `incoming` is absent when app.fetch is called directly. */
export type GatewayEnv = {
  /** `requester`: server rendering's API calls are made for the page's requester (app.ts). */
  Bindings: Partial<HttpBindings> & { requester?: Requester };
  Variables: {
    requestId: string;
    /** Gateway error code, for the request log. */
    error?: string;
    /** Transport failure cause (e.g. ECONNREFUSED), for the request log only. */
    cause?: string;
    /** Page navigations: known once the streamed page is complete. */
    render?: RenderOutcome | Promise<RenderOutcome>;
    /** Who the request's API calls are for, and how urgently (middleware/team-context.ts). */
    requester?: Requester;
    /** A signed-in person (set by the identity middlewares when OIDC sign-in is on). */
    person?: { sub: string };
  };
};

/** The peer address guesses are counted by (the socket's, never a header a client could forge). */
export function clientAddress(c: Context<GatewayEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
