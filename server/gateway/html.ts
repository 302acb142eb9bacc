// How the console learns which API the server-side key speaks: a <meta> the server adds to index.html.
// The browser reads it synchronously at start-up (src/api/version.ts), so a v3 console never waits for a
// config request before its first rows, and a v1 console never sends a v3 request at all. (GET /__config
// reports the same for tools; the CSP forbids inline scripts, a meta tag is plain data.)
import type { ApiVersion } from './config.ts';

export const API_VERSION_META = 'sent-api-version';

/** index.html for a v1 account: the API version marker first in <head>. v3 pages are served as built. */
export function injectApiVersion(html: string, version: ApiVersion): string {
  if (version === 'v3') return html;
  const meta = `<meta name="${API_VERSION_META}" content="${version}" />`;
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${meta}`)
    : meta + html;
}
