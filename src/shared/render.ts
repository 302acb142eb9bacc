// What the gateway (server/gateway/ssr.ts) and the server renderer (src/entry-server.tsx, built into
// dist/.ssr/) pass each other. Types only, valid in the browser and in Node.

/** Sends one console API request (a same-origin path) and answers like fetch. */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;

export interface RenderRequest {
  /** Path and query of the page, e.g. "/?page=2". */
  url: string;
  cookies: string;
  acceptLanguage: string | null;
  /** Sends one console API request (same-origin path) upstream with the server-side key. */
  api: Transport;
  /** Gives up (null) when the data is not all in by then; the browser then fetches it itself. */
  signal?: AbortSignal;
}

export interface RenderedPage {
  /** Markup for inside <div id="root">. */
  html: string;
  /**
   * Contents of the JSON state script (see src/serverState.ts); null when the page shows an API error: the
   * HTML then serves until the app starts (its Retry reloads the page), and the browser renders afresh with
   * its own requests rather than hydrating an error it could not reproduce.
   */
  state: string | null;
}
