// Where API calls go: the embedded API in-process (no socket) or a remote Sent-compatible server over HTTP.
import { DEMO_ORG_KEY } from './config.ts';

export interface Upstream {
  kind: 'embedded' | 'remote';
  /** Origin the forwarded Request URLs are built on (a placeholder for the in-process API). */
  baseUrl: string;
  apiKey: string;
  fetch(req: Request): Promise<Response>;
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
