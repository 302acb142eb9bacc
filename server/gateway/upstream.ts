// Where API calls go: the embedded API in-process (no socket) or a remote Sent-compatible server over HTTP.
import { DEMO_ORG_KEY } from './config.ts';

/**
 * Who a forwarded call is for, so a team upstream (team/team-upstream.ts) can queue it fairly and by urgency;
 * a plain upstream ignores it.
 */
export interface UpstreamCallOptions {
  /** `session:<id>`, `user:<sub>` or `address:<ip>`: queues are served in turn per requester. */
  requester: string;
  priority: 'interactive' | 'background';
  /** The caller giving up (deadline, browser gone): it leaves any queue and spends nothing. */
  signal?: AbortSignal;
  /** For answers the gateway makes itself, so they match the request log. */
  requestId?: string;
}

/** Who a request's calls are for (middleware/team-context.ts); absent, they queue as one anonymous person. */
export type Requester = Pick<UpstreamCallOptions, 'requester' | 'priority'>;

export interface Upstream {
  kind: 'embedded' | 'remote';
  /** Origin the forwarded Request URLs are built on (a placeholder for the in-process API). */
  baseUrl: string;
  apiKey: string;
  fetch(req: Request, opts?: UpstreamCallOptions): Promise<Response>;
  close(): Promise<void>;
}

/** The subset of the embedded API's `createEmbeddedApi` result the gateway needs. */
export interface InProcessApi {
  fetch(req: Request): Promise<Response>;
  close(): void;
}

export function remoteUpstream(baseUrl: string, apiKey: string): Upstream {
  return {
    kind: 'remote',
    baseUrl: baseUrl.replace(/\/+$/, ''),
    apiKey,
    fetch: (req) => fetch(req),
    close: async () => {},
  };
}

export function embeddedUpstream(api: InProcessApi, apiKey: string = DEMO_ORG_KEY): Upstream {
  return {
    kind: 'embedded',
    baseUrl: 'http://embedded.invalid',
    apiKey,
    fetch: (req) => api.fetch(req),
    close: async () => api.close(),
  };
}
