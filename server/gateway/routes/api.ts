// The console's API calls: allowlist (404/405) → body limit (413) → forward upstream with the server's key.
// Server rendering fetches through the same routes, so its requests get the same rules.
import { type Handler, Hono } from 'hono';
import type { GatewayEnv } from '../env.ts';
import { apiAllowlist } from '../middleware/api-allowlist.ts';
import { limitBody } from '../middleware/body-limit.ts';
import { assignRequestId } from '../middleware/request-id.ts';
import { forwardApiRequest, type ProxyOptions } from '../proxy.ts';
import type { Requester } from '../upstream.ts';

const API_PATHS = ['/v1/*', '/v3/*'] as const;

export function apiRoutes(options: ProxyOptions): Hono<GatewayEnv> {
  const routes = new Hono<GatewayEnv>();
  const forward: Handler<GatewayEnv> = async (c) => {
    // Server rendering's calls carry the page's requester in their bindings (app.ts).
    const requester = c.get('requester') ?? c.env?.requester;
    const result = await forwardApiRequest(c.req.raw, c.get('requestId'), options, requester);
    if (result.error) c.set('error', result.error);
    if (result.cause) c.set('cause', result.cause);
    if (result.cache) c.set('cache', result.cache);
    if (result.body) c.set('forwardedBody', result.body);
    return result.response;
  };
  for (const path of API_PATHS) routes.all(path, apiAllowlist, limitBody, forward);
  return routes;
}

/** An API call the gateway makes itself, for `requester` (absent: queued as one anonymous person). */
export type GatewayCall = (req: Request, requester?: Requester) => Promise<Response>;

/**
 * The API routes for the gateway's own calls (the before of an edit, a reveal's read, import rows): the same
 * allowlist, key and team budget as the browser's, each call with its own request id, never recorded as a view.
 */
export function gatewayCalls(api: Hono<GatewayEnv>): GatewayCall {
  const app = new Hono<GatewayEnv>().use(assignRequestId).route('/', api);
  return async (req, requester) => app.fetch(req, requester ? { requester } : {});
}
